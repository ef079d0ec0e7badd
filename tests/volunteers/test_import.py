"""Importing volunteer files: clean files, all-or-nothing, updates, levels, encodings."""

import time

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from competencies.models import CompetencyEvidence, EvidenceSource, VolunteerStatus
from lms.accounts.models import VolunteerImport, VolunteerProfile
from lms.volunteers.files import ImportFileError
from lms.volunteers.importing import volunteer_import
from tests import factories

from .generate import generate_rows, to_csv, to_xlsx

pytestmark = pytest.mark.django_db

User = get_user_model()


def _row(**kwargs):
    row = {
        "first_name": "สมศรี",
        "last_name": "มีสุข",
        "phone": "0811111111",
        "email": "",
        "province": "เชียงใหม่",
        "district": "เมืองเชียงใหม่",
        "subdistrict": "ศรีภูมิ",
        "village": "บ้านใหม่",
        "role": "",
        "level": "",
    }
    row.update(kwargs)
    return row


class TestCleanFile:
    def test_two_thousand_generated_rows_import_in_bounded_queries(
        self, roles, django_assert_max_num_queries
    ):
        rows = generate_rows(2000)
        data = to_csv(rows)
        start = time.perf_counter()
        with django_assert_max_num_queries(120):
            preview, summary = volunteer_import(
                data=data, file_name="clean.csv", dry_run=True
            )
        assert not preview.has_validation_errors() and not preview.has_errors()
        assert summary.created == 2000
        assert User.objects.count() == 0
        with django_assert_max_num_queries(200):
            result, summary = volunteer_import(
                data=data, file_name="clean.csv", dry_run=False
            )
        elapsed = time.perf_counter() - start
        assert not result.has_validation_errors() and not result.has_errors()
        assert User.objects.count() == 2000
        assert VolunteerProfile.objects.count() == 2000
        assert Group.objects.get(name="Volunteer").user_set.count() == 2000 - 4
        assert Group.objects.get(name="Trainer").user_set.count() == 4
        assert elapsed < 30
        # Names, prefixed names and codes all resolve to the official codes.
        for i in (0, 1, 2):
            profile = VolunteerProfile.objects.get(user__phone=rows[i]["phone"])
            assert len(profile.province_code) == 2
            assert profile.district_code.startswith(profile.province_code)
            assert profile.subdistrict_code.startswith(profile.district_code)
        user = User.objects.get(phone=rows[0]["phone"])
        assert user.username == rows[0]["phone"]
        assert not user.has_usable_password()
        assert VolunteerImport.objects.get().created == 2000

    def test_query_count_does_not_grow_with_rows(
        self, roles, django_assert_max_num_queries
    ):
        small = to_csv(generate_rows(50, phone_start=820000000))
        large = to_csv(generate_rows(1500, phone_start=830000000))
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        counts = []
        for data in (small, large):
            with CaptureQueriesContext(connection) as ctx:
                volunteer_import(data=data, file_name="x.csv", dry_run=True)
            counts.append(len(ctx.captured_queries))
        # Lookups are chunked by 500 values: a few more queries, never one per row.
        assert counts[1] - counts[0] <= 12, counts


class TestAllOrNothing:
    def test_one_bad_row_at_the_end_keeps_every_good_row_out(self, roles):
        rows = generate_rows(300)
        rows.append(_row(phone="0899000000", district="บางรัก"))
        result, _summary = volunteer_import(
            data=to_csv(rows), file_name="x.csv", dry_run=False
        )
        assert [r.number for r in result.invalid_rows] == [301]
        assert User.objects.count() == 0
        assert VolunteerProfile.objects.count() == 0
        assert not VolunteerImport.objects.exists()

    def test_preview_writes_nothing(self, roles):
        volunteer_import(data=to_csv([_row()]), file_name="x.csv", dry_run=True)
        assert User.objects.count() == 0


class TestUpdates:
    def test_phone_identifies_the_person_and_empty_cells_keep_values(
        self, roles, administrator
    ):
        person = factories.make_user(
            username="0811111111", phone="0811111111", email="old@example.org"
        )
        VolunteerProfile.objects.filter(user=person).update(village="เดิม")
        row = _row(
            first_name="สมศรีใหม่",
            email="",
            province="",
            district="",
            subdistrict="",
            village="",
        )
        result, summary = volunteer_import(
            data=to_csv([row]), file_name="u.csv", by=administrator, dry_run=False
        )
        assert result.totals["update"] == 1 and summary.updated == 1
        person.refresh_from_db()
        assert person.first_name == "สมศรีใหม่"
        assert person.email == "old@example.org"
        profile = person.profile
        assert (profile.province_code, profile.village) == ("50", "เดิม")
        assert User.objects.count() == 2

    def test_email_identifies_the_person_and_the_login_follows_the_new_phone(
        self, roles
    ):
        person = factories.make_user(
            username="p@example.org", phone="", email="p@example.org"
        )
        row = _row(
            phone="0822222222",
            email="P@Example.org",
            province="10",
            district="1001",
            subdistrict="100101",
        )
        volunteer_import(data=to_csv([row]), file_name="u.csv", dry_run=False)
        person.refresh_from_db()
        assert person.phone == "0822222222"
        assert person.profile.subdistrict_code == "100101"
        # As when people edit their profile: the login follows the phone number.
        assert person.username == "0822222222"

    def test_role_change_replaces_the_role_group_and_is_logged(
        self, roles, administrator
    ):
        from wagtail.models import ModelLogEntry

        person = factories.make_user(username="0811111111", phone="0811111111")
        volunteer_import(
            data=to_csv([_row(role="trainer")]),
            file_name="u.csv",
            by=administrator,
            dry_run=False,
        )
        assert sorted(person.groups.values_list("name", flat=True)) == ["Trainer"]
        entry = ModelLogEntry.objects.get(
            action="lms.role_change", object_id=str(person.pk)
        )
        assert entry.user == administrator
        assert entry.data["from"] == ["Volunteer"] and entry.data["to"] == ["Trainer"]

    def test_reimporting_the_same_file_changes_nothing(self, roles):
        data = to_csv(generate_rows(100))
        volunteer_import(data=data, file_name="x.csv", dry_run=False)
        result, summary = volunteer_import(data=data, file_name="x.csv", dry_run=False)
        assert (
            summary.updated == 100
            and summary.created == 0
            and summary.roles_changed == 0
        )
        assert User.objects.count() == 100


class TestLevels:
    def test_a_recognised_level_is_recorded_as_assessment_evidence(
        self, roles, ladder, administrator
    ):
        result, summary = volunteer_import(
            data=to_csv([_row(level="village")]),
            file_name="l.csv",
            by=administrator,
            dry_run=False,
        )
        assert not result.has_validation_errors()
        person = User.objects.get(phone="0811111111")
        evidence = CompetencyEvidence.objects.get(user=person)
        assert (evidence.competency.code, evidence.proficiency) == ("D1", 1)
        assert evidence.source == EvidenceSource.ASSESSMENT
        assert evidence.created_by == administrator
        assert "Recognised level village" in evidence.comment
        assert VolunteerStatus.objects.get(user=person).level.code == "village"
        assert person.level_changes.get().cause.startswith("volunteer import #")

    def test_a_level_needing_courses_records_competencies_but_waits_for_the_courses(
        self, roles, ladder
    ):
        volunteer_import(
            data=to_csv([_row(level="subdistrict")]), file_name="l.csv", dry_run=False
        )
        person = User.objects.get(phone="0811111111")
        attained = dict(
            CompetencyEvidence.objects.filter(user=person).values_list(
                "competency__code", "proficiency"
            )
        )
        assert attained == {"D1": 2, "B3": 1}
        # Sub-district volunteers also complete a course: the rules keep them at village for now.
        assert VolunteerStatus.objects.get(user=person).level.code == "village"

    def test_existing_evidence_is_not_duplicated(self, roles, ladder):
        data = to_csv([_row(level="village")])
        volunteer_import(data=data, file_name="l.csv", dry_run=False)
        volunteer_import(data=data, file_name="l.csv", dry_run=False)
        assert CompetencyEvidence.objects.count() == 1


class TestEncodings:
    def test_utf8_with_bom(self, roles):
        result, summary = volunteer_import(
            data=to_csv([_row()], bom=True), file_name="bom.csv", dry_run=False
        )
        assert summary.created == 1
        assert User.objects.get().first_name == "สมศรี"

    def test_utf8_without_bom(self, roles):
        _result, summary = volunteer_import(
            data=to_csv([_row()]), file_name="plain.csv", dry_run=False
        )
        assert summary.created == 1

    def test_thai_windows_encoding_is_named(self, roles):
        data = to_csv([_row()]).decode("utf-8").encode("cp874")
        with pytest.raises(ImportFileError, match="TIS-620/Windows-874"):
            volunteer_import(data=data, file_name="excel.csv")
        assert User.objects.count() == 0

    def test_utf16_is_named(self, roles):
        data = to_csv([_row()]).decode("utf-8").encode("utf-16")
        with pytest.raises(ImportFileError, match="UTF-16"):
            volunteer_import(data=data, file_name="excel.csv")

    def test_other_bytes_say_where(self, roles):
        data = b"first_name\n\xff\xfe\xfa"
        with pytest.raises(ImportFileError, match="not in UTF-8"):
            volunteer_import(data=data, file_name="x.csv")

    def test_xlsx_with_phones_stored_as_numbers(self, roles):
        data = to_xlsx(
            [
                _row(),
                _row(
                    phone="0822222222",
                    province="50",
                    district="5001",
                    subdistrict="500101",
                ),
            ],
            numeric_phones=True,
        )
        result, summary = volunteer_import(
            data=data, file_name="people.xlsx", dry_run=False
        )
        assert not result.has_validation_errors(), [
            r.error_dict for r in result.invalid_rows
        ]
        assert sorted(User.objects.values_list("phone", flat=True)) == [
            "0811111111",
            "0822222222",
        ]
