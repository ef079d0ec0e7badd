"""The framework snippets in the Wagtail admin, by role."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from competencies.models import Competency, CompetencyArea, ProficiencyLevel
from tests import factories

LIST = "wagtailsnippets_competencies_competency:list"
ADD = "wagtailsnippets_competencies_competency:add"
EDIT = "wagtailsnippets_competencies_competency:edit"


def competency_form(competency: Competency | None = None, levels=(), **fields):
    """The competency edit form as the browser posts it, levels inline."""
    values = {
        "area": competency.area_id if competency else None,
        "code": competency.code if competency else "",
        "name_th": competency.name_th if competency else "",
        "name_en": competency.name_en if competency else "",
        "description_th": competency.description_th if competency else "",
        "description_en": competency.description_en if competency else "",
        "sort_order": competency.sort_order if competency else 0,
    }
    values.update(fields)
    values["proficiency_levels"] = inline_formset(
        list(levels), initial=len([lv for lv in levels if lv.get("id")])
    )
    return nested_form_data(values)


def level_row(existing: ProficiencyLevel | None = None, **fields):
    row = {
        "level": existing.level if existing else 1,
        "name_th": existing.name_th if existing else "",
        "name_en": existing.name_en if existing else "",
        "indicators_th": existing.indicators_th if existing else "",
        "indicators_en": existing.indicators_en if existing else "",
    }
    if existing is not None:
        row["id"] = existing.pk
    row.update(fields)
    return row


@pytest.fixture
def administrator(client, roles):
    user = factories.make_user(role="Administrator")
    client.force_login(user)
    return user


@pytest.fixture
def trainer(client, roles):
    user = factories.make_user(role="Trainer")
    client.force_login(user)
    return user


class TestAdministrator:
    def test_lists_competencies_with_their_level_counts(
        self, client, administrator, programme
    ):
        response = client.get(reverse(LIST))
        assert response.status_code == 200
        html = response.content.decode()
        for code in ("B1", "B2", "B3", "D1", "D2", "D3"):
            assert code in html
        assert "การรู้ดิจิทัล" in html

    def test_list_queries_do_not_grow_with_the_framework(
        self, client, administrator, programme, django_assert_max_num_queries
    ):
        client.get(reverse(LIST))  # warm caches (site, permissions)
        with django_assert_max_num_queries(40) as small:
            client.get(reverse(LIST))
        baseline = len(small.captured_queries)  # read now: each request clears the log
        area = CompetencyArea.objects.get(code="digital")
        for _n in range(10):
            factories.make_competency(area=area)
        # A change of content refreshes the per-process lookups once (lms/pagecache.py).
        client.get(reverse(LIST))
        with django_assert_max_num_queries(baseline):
            client.get(reverse(LIST))

    @pytest.mark.parametrize(
        ("query", "found", "not_found"),
        [
            pytest.param("ดิจิทัล", "D1", "B3", id="thai-word-inside-a-phrase"),
            pytest.param("การรู้ดิจิทัล", "D1", "B1", id="thai-phrase"),
            pytest.param("literacy", "D1", "D2", id="english"),
            pytest.param("D2", "D2", "B3", id="code"),
        ],
    )
    def test_searches_in_thai_english_and_by_code(
        self, client, administrator, programme, query, found, not_found
    ):
        response = client.get(reverse(LIST), {"q": query})
        assert response.status_code == 200
        codes = {c.code for c in response.context["object_list"]}
        assert found in codes
        assert not_found not in codes

    def test_filters_by_framework_and_area(self, client, administrator, programme):
        basic = CompetencyArea.objects.get(code="basic")
        response = client.get(reverse(LIST), {"area": basic.pk})
        assert {c.code for c in response.context["object_list"]} == {"B1", "B2", "B3"}
        other = factories.make_competency(code="X1")
        response = client.get(reverse(LIST), {"framework": programme.pk})
        codes = {c.code for c in response.context["object_list"]}
        assert len(codes) == 6 and other.code not in codes

    def test_creates_a_competency_with_a_proficiency_level(
        self, client, administrator, programme
    ):
        area = CompetencyArea.objects.get(code="digital")
        data = competency_form(
            area=area.pk,
            code="D4",
            name_th="ความปลอดภัยไซเบอร์",
            name_en="Cyber safety",
            sort_order=4,
            levels=[
                level_row(
                    level=1,
                    name_th="ระดับพื้นฐาน",
                    name_en="Foundation",
                    indicators_th="ตั้งรหัสผ่านที่คาดเดายาก\nไม่กดลิงก์แปลกปลอม",
                )
            ],
        )
        response = client.post(reverse(ADD), data)
        assert response.status_code == 302, response.content.decode()[:3000]
        created = Competency.objects.get(code="D4")
        assert created.area == area
        level = created.proficiency_levels.get()
        assert (level.level, level.name_th) == (1, "ระดับพื้นฐาน")
        assert level.indicators_th.splitlines() == [
            "ตั้งรหัสผ่านที่คาดเดายาก",
            "ไม่กดลิงก์แปลกปลอม",
        ]

    def test_edits_a_competency_and_its_levels(self, client, administrator, programme):
        d1 = Competency.objects.get(code="D1")
        levels = list(d1.proficiency_levels.order_by("level"))
        assert client.get(reverse(EDIT, args=[d1.pk])).status_code == 200
        data = competency_form(
            d1,
            name_en="Digital literacy and safety",
            levels=[
                level_row(levels[0], name_en="Beginner"),
                level_row(levels[1]),
                level_row(levels[2], DELETE=True),
            ],
        )
        response = client.post(reverse(EDIT, args=[d1.pk]), data)
        assert response.status_code == 302, response.content.decode()[:3000]
        d1.refresh_from_db()
        assert d1.name_en == "Digital literacy and safety"
        assert list(
            d1.proficiency_levels.order_by("level").values_list("level", "name_en")
        ) == [(1, "Beginner"), (2, "Applied")]

    def test_a_level_given_twice_is_refused(self, client, administrator, programme):
        area = CompetencyArea.objects.get(code="digital")
        data = competency_form(
            area=area.pk,
            code="D5",
            name_th="ทดสอบ",
            levels=[
                level_row(level=1, name_th="หนึ่ง"),
                level_row(level=1, name_th="ซ้ำ"),
            ],
        )
        response = client.post(reverse(ADD), data)
        assert response.status_code == 200  # the form again, with the error
        assert not Competency.objects.filter(code="D5").exists()

    def test_a_level_outside_one_to_nine_is_refused(
        self, client, administrator, programme
    ):
        # The JSON import accepts levels 1-9 only, so the admin must agree.
        area = CompetencyArea.objects.get(code="digital")
        data = competency_form(
            area=area.pk,
            code="D6",
            name_th="ทดสอบ",
            levels=[level_row(level=10, name_th="สิบ")],
        )
        response = client.post(reverse(ADD), data)
        assert response.status_code == 200
        assert not Competency.objects.filter(code="D6").exists()

    def test_areas_and_frameworks_are_listed_and_filtered(
        self, client, administrator, programme
    ):
        factories.make_area(code="other-area")
        response = client.get(
            reverse("wagtailsnippets_competencies_competencyarea:list"),
            {"framework": programme.pk},
        )
        assert response.status_code == 200
        assert [a.code for a in response.context["object_list"]] == ["basic", "digital"]
        assert [a.competency_count for a in response.context["object_list"]] == [3, 3]
        response = client.get(
            reverse("wagtailsnippets_competencies_competencyframework:list"),
            {"version": "2026.1"},
        )
        assert [f.code for f in response.context["object_list"]] == ["dv-competency"]

    def test_exports_the_competency_list_as_csv(self, client, administrator, programme):
        response = client.get(reverse(LIST), {"export": "csv"})
        assert response.status_code == 200
        text = b"".join(response.streaming_content).decode("utf-8")
        rows = text.strip().splitlines()
        assert len(rows) == 7
        assert rows[1].startswith("B1,dv-competency,basic,")
        response = client.get(
            reverse("wagtailsnippets_competencies_competencyarea:list"),
            {"export": "csv"},
        )
        rows = b"".join(response.streaming_content).decode("utf-8").splitlines()
        assert rows[0].startswith("กรอบสมรรถนะ,รหัส,")  # Thai headings
        assert rows[1].startswith("dv-competency,basic,สมรรถนะพื้นฐาน,")


class TestTrainer:
    def test_can_list_but_not_create_or_edit(self, client, trainer, programme):
        assert client.get(reverse(LIST)).status_code == 200
        d1 = Competency.objects.get(code="D1")
        assert client.get(reverse(EDIT, args=[d1.pk])).status_code in (302, 403)
        assert client.get(reverse(ADD)).status_code in (302, 403)
        data = competency_form(d1, name_th="แก้โดยผู้สอน", levels=[])
        assert client.post(reverse(EDIT, args=[d1.pk]), data).status_code in (302, 403)
        response = client.post(
            reverse(ADD), competency_form(area=d1.area_id, code="T1", name_th="ก")
        )
        assert response.status_code in (302, 403)
        d1.refresh_from_db()
        assert d1.name_th == "การรู้ดิจิทัล"
        assert not Competency.objects.filter(code="T1").exists()


class TestVolunteer:
    def test_cannot_reach_the_admin(self, client, roles, programme):
        client.force_login(factories.make_user(role="Volunteer"))
        for url in (reverse("wagtailadmin_home"), reverse(LIST)):
            response = client.get(url)
            assert response.status_code in (302, 403)
            if response.status_code == 302:
                assert "/login/" in response["Location"]
