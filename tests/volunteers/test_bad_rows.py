"""One file per kind of bad row: the error names the row and the column, and
confirming the file writes nothing at all (the good rows around it included)."""

import pytest
from django.contrib.auth import get_user_model

from lms.accounts.models import VolunteerImport
from lms.volunteers.files import ImportFileError
from lms.volunteers.importing import volunteer_import

from .conftest import read

pytestmark = pytest.mark.django_db

User = get_user_model()

CASES = [
    # file, row, column, part of the message
    ("unknown_province.csv", 2, "province", "Unknown province “เมืองลับแล”"),
    (
        "district_not_in_province.csv",
        2,
        "district",
        "“บางรัก” is not a district of เชียงใหม่",
    ),
    (
        "subdistrict_not_in_district.csv",
        2,
        "subdistrict",
        "“สีลม” is not a sub-district of",
    ),
    (
        "duplicate_phone_in_file.csv",
        2,
        "phone",
        "“0811111111” is also on row 1 of this file",
    ),
    (
        "duplicate_email_in_file.csv",
        2,
        "email",
        "“somsri@example.org” is also on row 1 of this file",
    ),
    ("phone_of_existing_user.csv", 2, "phone", "one row cannot update two people"),
    ("username_taken.csv", 2, "phone", "“0877777777” is already someone's username"),
    ("bad_email.csv", 2, "email", "is not a valid e-mail address"),
    ("bad_phone.csv", 2, "phone", "“12345” is not a Thai phone number"),
    ("empty_first_name.csv", 2, "first_name", "This field is required"),
    ("empty_district.csv", 2, "district", "This field is required"),
    ("no_phone_or_email.csv", 2, "phone", "Give a phone number or an e-mail address"),
    ("unknown_role.csv", 2, "role", "“superuser” is not a role"),
    ("unknown_level.csv", 2, "level", "“grand-master” is not a level code"),
]


class TestBadRows:
    @pytest.mark.parametrize(
        ("name", "row", "column", "message"), CASES, ids=[c[0] for c in CASES]
    )
    def test_error_names_row_and_column_and_nothing_is_written(
        self, existing, name, row, column, message
    ):
        before = User.objects.count()
        preview, _summary = volunteer_import(
            data=read(name), file_name=name, dry_run=True
        )
        invalid = {r.number: r for r in preview.invalid_rows}
        assert list(invalid) == [row]
        errors = invalid[row].field_specific_errors
        assert column in errors, errors
        assert any(message in str(m) for m in errors[column]), errors[column]

        result, _summary = volunteer_import(
            data=read(name), file_name=name, dry_run=False
        )
        assert result.has_validation_errors()
        assert User.objects.count() == before
        assert not User.objects.filter(phone="0811111111").exists()
        assert not VolunteerImport.objects.exists()

    def test_the_same_rows_without_the_bad_one_import(self, existing):
        result, summary = volunteer_import(
            data=read("clean.csv"), file_name="clean.csv", dry_run=False
        )
        assert not result.has_validation_errors()
        assert summary.created == 2
        assert User.objects.filter(phone__in=["0811111111", "0833333333"]).count() == 2


class TestBadFiles:
    def test_wrong_header_names_the_missing_and_unknown_columns(self, db):
        with pytest.raises(ImportFileError) as err:
            volunteer_import(
                data=read("wrong_header.csv"), file_name="wrong_header.csv"
            )
        assert "missing columns: district" in str(err.value)
        assert "unknown columns: amphoe" in str(err.value)

    def test_wrong_header_suggests_the_column_meant_and_lists_the_expected(self, db):
        header = "first_name,last_name,phnoe,email,province,district,subdistrict\n"
        with pytest.raises(ImportFileError) as err:
            volunteer_import(data=header.encode(), file_name="typo.csv")
        message = str(err.value)
        assert "missing columns: phone" in message
        assert "unknown columns: phnoe (did you mean phone?)" in message
        assert "The columns are first_name, last_name, phone, email" in message

    def test_wrong_header_in_thai(self, db):
        from django.utils import translation

        header = "first_name,last_name,phnoe,email,province,district,subdistrict\n"
        with translation.override("th"), pytest.raises(ImportFileError) as err:
            volunteer_import(data=header.encode(), file_name="typo.csv")
        assert "หัวตารางไม่ถูกต้อง" in str(err.value)
        assert "phnoe (หมายถึง phone ใช่ไหม?)" in str(err.value)

    def test_empty_file(self, db):
        with pytest.raises(ImportFileError, match="empty"):
            volunteer_import(data=b"", file_name="x.csv")

    def test_not_a_spreadsheet(self, db):
        with pytest.raises(ImportFileError):
            volunteer_import(data=b"PK\x03\x04garbage", file_name="x.xlsx")
