"""JSON export and import of a framework: round trip, upserts, and refusals."""

import copy

import pytest

from competencies import interchange
from competencies.models import Competency, CompetencyArea, ProficiencyLevel
from competencies.services import (
    FrameworkImportError,
    ImportSummary,
    framework_export,
    framework_import,
)
from tests import factories

from .conftest import counts

SIX_CODES = ["B1", "B2", "B3", "D1", "D2", "D3"]


class TestProgrammeFramework:
    def test_has_two_areas_and_the_six_fixed_codes(self, programme):
        assert list(programme.areas.values_list("code", flat=True)) == [
            "basic",
            "digital",
        ]
        assert sorted(Competency.objects.values_list("code", flat=True)) == SIX_CODES
        for code in ("B1", "B2", "B3"):
            assert Competency.objects.get(code=code).area.code == "basic"
        for code in ("D1", "D2", "D3"):
            assert Competency.objects.get(code=code).area.code == "digital"

    def test_every_competency_has_three_described_levels_in_both_languages(
        self, programme
    ):
        for competency in Competency.objects.all():
            assert competency.description_th and competency.description_en
            levels = list(competency.proficiency_levels.order_by("level"))
            assert [lv.level for lv in levels] == [1, 2, 3]
            assert [lv.name_en for lv in levels] == [
                "Foundation",
                "Applied",
                "Can teach others",
            ]
            for level in levels:
                th = level.indicators_th.splitlines()
                en = level.indicators_en.splitlines()
                assert 2 <= len(th) <= 3 and len(th) == len(en)

    def test_loading_twice_changes_nothing(self, programme):
        from competencies.services import load_programme_framework

        before = counts()
        again = load_programme_framework()
        assert again.pk == programme.pk
        assert counts() == before == (1, 2, 6, 18)


class TestRoundTrip:
    def test_export_of_the_fixture_is_the_fixture(self, programme, programme_data):
        assert framework_export(framework=programme) == programme_data

    def test_a_framework_edited_in_the_admin_round_trips_exactly(self, db):
        framework = factories.make_framework(
            code="provincial", version="3", publisher="สำนักงานสถิติจังหวัด"
        )
        area = factories.make_area(framework=framework, code="core", sort_order=2)
        competency = factories.make_competency(
            area=area, code="P-1", levels=2, description_th="คำอธิบาย", sort_order=5
        )
        competency.proficiency_levels.filter(level=1).update(
            indicators_th="ข้อแรก\r\nข้อสอง\r\n", indicators_en="first\n\nsecond"
        )
        exported = framework_export(framework=framework)

        # Empty the database and rebuild from the file alone.
        ProficiencyLevel.objects.all().delete()
        Competency.objects.all().delete()
        CompetencyArea.objects.all().delete()
        framework.delete()
        rebuilt = framework_import(data=copy.deepcopy(exported))

        assert framework_export(framework=rebuilt) == exported
        level = ProficiencyLevel.objects.get(competency__code="P-1", level=1)
        assert level.indicators_th == "ข้อแรก\nข้อสอง"

    def test_export_lists_areas_before_their_competencies_in_order(self, programme):
        items = framework_export(framework=programme)["CFItems"]
        assert [i["identifier"] for i in items] == ["basic", "digital", *SIX_CODES]
        assert {i["CFItemType"] for i in items[:2]} == {"Area"}


@pytest.mark.usefixtures("english")
class TestReimport:
    def test_same_file_twice_creates_nothing_and_saves_nothing(
        self, programme, programme_data
    ):
        before = counts()
        summary = ImportSummary()
        framework_import(data=programme_data, summary=summary)
        assert counts() == before
        assert summary.counts["competencies"] == {
            "created": 0,
            "updated": 0,
            "unchanged": 6,
            "deleted": 0,
        }
        assert summary.counts["levels"]["unchanged"] == 18

    def test_a_new_edition_updates_names_in_place(self, programme, programme_data):
        b1 = Competency.objects.get(code="B1")
        programme_data["CFDocument"]["version"] = "2027.1"
        programme_data["CFItems"][2]["fullStatement"]["en"] = "Ministry missions"
        programme_data["CFItems"][1]["fullStatement"]["th"] = "สมรรถนะด้านดิจิทัล"
        summary = ImportSummary()
        framework_import(data=programme_data, summary=summary)

        b1.refresh_from_db()
        programme.refresh_from_db()
        assert b1.name_en == "Ministry missions"
        assert programme.version == "2027.1"
        assert CompetencyArea.objects.get(code="digital").name_th == "สมรรถนะด้านดิจิทัล"
        assert summary.counts["competencies"]["updated"] == 1
        assert summary.counts["areas"]["updated"] == 1
        assert counts() == (1, 2, 6, 18)

    def test_levels_follow_the_file_and_missing_competencies_are_kept(
        self, programme, programme_data
    ):
        d3 = programme_data["CFItems"].pop()  # D3 leaves the file
        assert d3["humanCodingScheme"] == "D3"
        d1 = programme_data["CFItems"][5]
        d1["proficiencyLevels"] = d1["proficiencyLevels"][:2]  # D1 drops level 3
        d1["proficiencyLevels"][0]["indicators"]["th"].append("ตรวจสอบลิงก์ก่อนคลิก")
        summary = ImportSummary()
        framework_import(data=programme_data, summary=summary)

        d1_levels = ProficiencyLevel.objects.filter(competency__code="D1")
        assert sorted(d1_levels.values_list("level", flat=True)) == [1, 2]
        assert d1_levels.get(level=1).indicators_th.endswith("ตรวจสอบลิงก์ก่อนคลิก")
        assert Competency.objects.filter(code="D3").exists()
        assert summary.kept == ["competency 'D3'"]
        assert summary.counts["levels"]["deleted"] == 1

    def test_a_competency_may_move_to_another_area(self, programme, programme_data):
        programme_data["CFItems"][2]["isChildOf"] = "digital"
        framework_import(data=programme_data)
        assert Competency.objects.get(code="B1").area.code == "digital"

    def test_items_may_come_in_any_order(self, db, programme_data):
        programme_data["CFItems"].reverse()
        framework_import(data=programme_data)
        assert Competency.objects.get(code="D1").area.code == "digital"


def _refusals():
    """(name, change to the fixture, the place the error must name)."""
    items = lambda d: d["CFItems"]  # noqa: E731
    b1 = lambda d: d["CFItems"][2]  # noqa: E731
    return [
        ("not an object", lambda d: d.clear() or d.update(x=1), "CFDocument"),
        ("missing CFDocument", lambda d: d.pop("CFDocument"), "CFDocument:"),
        (
            "missing identifier",
            lambda d: d["CFDocument"].pop("identifier"),
            "CFDocument.identifier: ",
        ),
        (
            "identifier not a slug",
            lambda d: d["CFDocument"].update(identifier="dv competency"),
            "CFDocument.identifier: ",
        ),
        (
            "missing Thai title",
            lambda d: d["CFDocument"]["title"].pop("th"),
            "CFDocument.title.th: ",
        ),
        (
            "version not text",
            lambda d: d["CFDocument"].update(version=2026.1),
            "CFDocument.version: ",
        ),
        ("unknown format", lambda d: d.update(format="case/1.1"), "format: "),
        ("CFItems not a list", lambda d: d.update(CFItems={}), "CFItems: "),
        ("item not an object", lambda d: items(d).append("B4"), "CFItems[8]: "),
        (
            "unknown item type",
            lambda d: b1(d).update(CFItemType="Skill"),
            "CFItems[2].CFItemType: ",
        ),
        (
            "duplicate code",
            lambda d: items(d)[3].update(humanCodingScheme="B1"),
            "CFItems[3].humanCodingScheme: duplicate code 'B1'",
        ),
        (
            "duplicate area",
            lambda d: items(d)[1].update(identifier="basic"),
            "CFItems[1].identifier: duplicate area 'basic'",
        ),
        (
            "code too long",
            lambda d: b1(d).update(humanCodingScheme="B" * 33),
            "CFItems[2].humanCodingScheme: ",
        ),
        (
            "unknown parent",
            lambda d: b1(d).update(isChildOf="nowhere"),
            "CFItems[2].isChildOf: unknown area 'nowhere'",
        ),
        ("missing parent", lambda d: b1(d).pop("isChildOf"), "CFItems[2].isChildOf: "),
        (
            "missing Thai name",
            lambda d: b1(d)["fullStatement"].update(th=" "),
            "CFItems[2].fullStatement.th: ",
        ),
        (
            "name as plain text",
            lambda d: b1(d).update(fullStatement="พันธกิจ"),
            "CFItems[2].fullStatement: ",
        ),
        (
            "negative order",
            lambda d: b1(d).update(listEnumeration=-1),
            "CFItems[2].listEnumeration: ",
        ),
        (
            "level zero",
            lambda d: b1(d)["proficiencyLevels"][0].update(level=0),
            "CFItems[2].proficiencyLevels[0].level: ",
        ),
        (
            "level as text",
            lambda d: b1(d)["proficiencyLevels"][0].update(level="1"),
            "CFItems[2].proficiencyLevels[0].level: ",
        ),
        (
            "level twice",
            lambda d: b1(d)["proficiencyLevels"][1].update(level=1),
            "CFItems[2].proficiencyLevels[1].level: level 1 appears twice",
        ),
        (
            "level without a Thai name",
            lambda d: b1(d)["proficiencyLevels"][2]["name"].pop("th"),
            "CFItems[2].proficiencyLevels[2].name.th: ",
        ),
        (
            "indicators not a list",
            lambda d: b1(d)["proficiencyLevels"][0]["indicators"].update(en="one"),
            "CFItems[2].proficiencyLevels[0].indicators.en: ",
        ),
        (
            "indicator over two lines",
            lambda d: b1(d)["proficiencyLevels"][0]["indicators"]["th"].append("ก\nข"),
            "CFItems[2].proficiencyLevels[0].indicators.th[2]: ",
        ),
        (
            "levels not a list",
            lambda d: b1(d).update(proficiencyLevels={"level": 1}),
            "CFItems[2].proficiencyLevels: ",
        ),
    ]


@pytest.mark.usefixtures("english")
class TestRefusals:
    @pytest.mark.parametrize(
        ("change", "place"),
        [pytest.param(change, place, id=name) for name, change, place in _refusals()],
    )
    def test_bad_input_names_the_place_and_writes_nothing(
        self, db, programme_data, change, place
    ):
        change(programme_data)
        with pytest.raises(FrameworkImportError) as excinfo:
            framework_import(data=programme_data)
        assert any(e.startswith(place) for e in excinfo.value.errors), (
            excinfo.value.errors
        )
        assert counts() == (0, 0, 0, 0)

    def test_every_problem_is_listed_at_once(self, db, programme_data):
        programme_data["CFDocument"]["title"] = {"en": "No Thai"}
        programme_data["CFItems"][3]["humanCodingScheme"] = "B1"
        programme_data["CFItems"][4]["isChildOf"] = "missing"
        programme_data["CFItems"][5]["proficiencyLevels"][0]["level"] = 10
        with pytest.raises(FrameworkImportError) as excinfo:
            framework_import(data=programme_data)
        assert [e.split(":")[0] for e in excinfo.value.errors] == [
            "CFDocument.title.th",
            "CFItems[3].humanCodingScheme",
            "CFItems[4].isChildOf",
            "CFItems[5].proficiencyLevels[0].level",
        ]

    def test_a_bad_edition_leaves_the_framework_untouched(
        self, programme, programme_data
    ):
        good = framework_export(framework=programme)
        programme_data["CFItems"][2]["fullStatement"]["th"] = "เปลี่ยนชื่อ"
        programme_data["CFItems"].append(
            {
                "identifier": "D4",
                "CFItemType": "Competency",
                "isChildOf": "digital",
                "fullStatement": {"th": "ใหม่"},
            }
        )
        programme_data["CFItems"][4]["isChildOf"] = "missing"
        with pytest.raises(FrameworkImportError):
            framework_import(data=programme_data)
        assert framework_export(framework=programme) == good
        assert not Competency.objects.filter(code="D4").exists()

    def test_a_code_owned_by_another_framework_is_refused(
        self, programme, programme_data
    ):
        programme_data["CFDocument"]["identifier"] = "another-framework"
        with pytest.raises(FrameworkImportError) as excinfo:
            framework_import(data=programme_data)
        assert (
            "CFItems[2].humanCodingScheme: code 'B1' already belongs to framework "
            "'dv-competency'." in excinfo.value.errors
        )
        assert counts() == (1, 2, 6, 18)

    def test_messages_go_through_gettext(self, db, programme_data, monkeypatch):
        monkeypatch.setattr(interchange, "_", lambda text: f"«{text}»")
        programme_data["CFItems"][2]["isChildOf"] = "nowhere"
        with pytest.raises(FrameworkImportError) as excinfo:
            framework_import(data=programme_data)
        assert excinfo.value.errors == [
            "CFItems[2].isChildOf: «unknown area '%(parent)s'.»".replace(
                "%(parent)s", "nowhere"
            )
        ]
