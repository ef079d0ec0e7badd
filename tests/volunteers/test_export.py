"""Exporting volunteers: the import's own format, with formula cells neutralised."""

import io

import openpyxl
import pytest
import tablib
from django.conf import settings
from django.test import override_settings
from import_export.formats import base_formats

from lms.accounts.models import VolunteerProfile
from lms.volunteers.files import COLUMNS
from lms.volunteers.importing import volunteer_import
from lms.volunteers.resources import export_bytes
from tests import factories

pytestmark = pytest.mark.django_db

PAYLOADS = [
    '=HYPERLINK("http://evil.example")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A2)",
]


@pytest.fixture
def attacker(roles):
    user = factories.make_user(
        username="0811111111",
        phone="0811111111",
        first_name=PAYLOADS[0],
        last_name=PAYLOADS[1],
        email="",
    )
    VolunteerProfile.objects.filter(user=user).update(village=PAYLOADS[2])
    factories.make_user(
        username="x",
        first_name=PAYLOADS[3],
        last_name="ok",
        phone="0822222222",
        email="",
    )
    return user


class TestExport:
    def test_csv_has_the_import_columns_and_a_bom_for_excel(self, attacker):
        data = export_bytes("csv")
        assert data.startswith("\ufeff".encode())
        dataset = tablib.Dataset().load(data.decode("utf-8-sig"), format="csv")
        assert tuple(dataset.headers) == COLUMNS
        row = dict(zip(dataset.headers, dataset[0], strict=True))
        assert row["phone"] == "0811111111"
        assert (row["province"], row["district"], row["subdistrict"]) == (
            "50",
            "5001",
            "500101",
        )
        assert row["role"] == "volunteer"

    def test_csv_cells_starting_with_formula_characters_are_neutralised(self, attacker):
        text = export_bytes("csv").decode("utf-8-sig")
        for payload in PAYLOADS:
            assert f"'{payload}" in text.replace('""', '"')
        for line in text.splitlines()[1:]:
            for cell in line.split(","):
                assert not cell.lstrip('"').startswith(("=", "+", "-", "@"))

    def test_xlsx_cells_are_text_not_formulas(self, attacker):
        book = openpyxl.load_workbook(io.BytesIO(export_bytes("xlsx")))
        values = [c.value for row in book.active.iter_rows(min_row=2) for c in row]
        for payload in PAYLOADS:
            assert f"'{payload}" in values
        assert all(c.data_type != "f" for row in book.active.iter_rows() for c in row)

    def test_import_exports_own_setting_alone_is_not_enough(self):
        # Why we neutralise ourselves: import-export's setting only strips one "=".
        assert settings.IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT is True
        dataset = tablib.Dataset(
            ["+1+cmd", "@SUM(A1)", "==1+1"], headers=["a", "b", "c"]
        )
        with override_settings(IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT=True):
            out = base_formats.CSV().export_data(dataset)
        assert "+1+cmd" in out and "@SUM(A1)" in out and "=1+1" in out

    def test_an_export_imports_back_as_updates(self, roles):
        for n in range(3):
            factories.make_user(
                username=f"08{n}0000000", phone=f"08{n}0000000", email=""
            )
        data = export_bytes("csv")
        result, summary = volunteer_import(
            data=data, file_name="export.csv", dry_run=False
        )
        assert not result.has_validation_errors(), [
            r.error_dict for r in result.invalid_rows
        ]
        assert (summary.created, summary.updated) == (0, 3)

    def test_export_queries_do_not_grow_with_people(
        self, roles, django_assert_max_num_queries
    ):
        for n in range(30):
            factories.make_user(username=f"u{n}", phone=f"0830000{n:03d}", email="")
        with django_assert_max_num_queries(6):
            export_bytes("csv")
