"""The reports page: who may open it, what it shows, exports and bad input."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse

from lms.accounts.models import VolunteerProfile
from lms.reports.exports import neutralise
from tests import factories

URL = "/admin/reports/"


class TestAccess:
    def test_volunteer_is_sent_to_the_admin_login(self, client, world):
        client.force_login(world["v1"])
        response = client.get(URL)
        assert response.status_code == 302
        assert reverse("wagtailadmin_login") in response["Location"]

    def test_trainer_sees_only_their_provinces(self, client, world, chiang_mai_trainer):
        client.force_login(chiang_mai_trainer)
        response = client.get(URL)
        assert response.status_code == 200
        report = response.context["report"]
        assert [r["code"] for r in report.rows] == ["50"]
        assert "กรุงเทพมหานคร" not in response.content.decode()
        # Bangkok is not even offered as a filter.
        assert ("10", "กรุงเทพมหานคร") not in response.context["form"].fields[
            "province"
        ].choices

    def test_trainer_asking_for_another_province_gets_an_error_not_figures(
        self, client, world, chiang_mai_trainer
    ):
        client.force_login(chiang_mai_trainer)
        response = client.get(URL, {"province": "10"})
        assert response.status_code == 200
        assert response.context["report"] is None
        assert response.context["form"].errors["province"]

    def test_trainer_without_provinces_sees_nothing(self, client, world, roles):
        trainer = factories.make_user(role="Trainer")
        client.force_login(trainer)
        response = client.get(URL)
        assert response.context["report"].rows == []

    def test_trainer_cannot_export_other_provinces(
        self, client, world, chiang_mai_trainer
    ):
        client.force_login(chiang_mai_trainer)
        response = client.get(URL, {"export": "csv"})
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert [r[0] for r in rows[1:]] == ["เชียงใหม่"]


class TestPage:
    def test_shows_bar_and_trend_charts_and_a_table(self, client, world, administrator):
        client.force_login(administrator)
        response = client.get(URL, {"report": "enrolments"})
        html = response.content.decode()
        assert html.count('<svg class="lms-chart"') == 2
        assert "<table" in html and "66.7" in html
        assert "เชียงใหม่" in html

    @pytest.mark.parametrize(
        "key",
        ["enrolments", "completions", "quiz", "competencies", "levels", "certificates"],
    )
    def test_every_report_opens(self, client, world, administrator, key):
        client.force_login(administrator)
        response = client.get(URL, {"report": key})
        assert response.status_code == 200
        assert response.context["report"].key == key

    def test_query_count_does_not_grow_with_volunteers(
        self, client, world, administrator, django_assert_max_num_queries
    ):
        client.force_login(administrator)
        client.get(URL)  # warm caches (site, locale)
        with django_assert_max_num_queries(20) as before:
            client.get(URL, {"report": "enrolments"})
        course = world["course_a"]
        from courses.models import Enrollment

        for n in range(30):
            user = factories.make_user(profile=False)
            VolunteerProfile.objects.create(
                user=user,
                province_code=f"{11 + n % 20}",
                district_code="",
                subdistrict_code="",
            )
            Enrollment.objects.create(user=user, course=course)
        with django_assert_max_num_queries(len(before.captured_queries)):
            response = client.get(URL, {"report": "enrolments"})
        assert response.context["report"].totals["enrolments"] == 35

    @pytest.mark.parametrize(
        ("params", "field"),
        [
            ({"date_from": "2026-05-01", "date_to": "2026-01-01"}, "date_to"),
            ({"date_from": "not a date"}, "date_from"),
            ({"province": "99"}, "province"),
            ({"province": "50", "district": "1001"}, "district"),
            ({"report": "salaries"}, "report"),
            ({"course": "abc"}, "course"),
        ],
    )
    def test_bad_filters_give_a_translated_error_and_no_report(
        self, client, world, administrator, params, field
    ):
        client.force_login(administrator)
        response = client.get(URL, params)
        assert response.status_code == 200
        assert response.context["report"] is None
        assert field in response.context["form"].errors
        assert 'role="alert"' in response.content.decode()

    def test_bad_filter_cannot_be_exported(self, client, world, administrator):
        client.force_login(administrator)
        response = client.get(URL, {"date_from": "x", "export": "csv"})
        assert response["Content-Type"].startswith("text/html")


class TestExports:
    def test_csv_has_the_table(self, client, world, administrator):
        client.force_login(administrator)
        response = client.get(URL, {"report": "quiz", "export": "csv"})
        assert response["Content-Type"].startswith("text/csv")
        assert "attachment" in response["Content-Disposition"]
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert len(rows[0]) == 4
        assert rows[1:] == [
            ["กรุงเทพมหานคร", "1", "0", "0.0"],
            ["เชียงใหม่", "4", "3", "75.0"],
        ]

    def test_excel_has_the_table(self, client, world, administrator):
        client.force_login(administrator)
        response = client.get(URL, {"report": "certificates", "export": "xlsx"})
        book = openpyxl.load_workbook(io.BytesIO(response.content))
        sheet = book.active
        values = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
        assert values == [["กรุงเทพมหานคร", 1, 1], ["เชียงใหม่", 2, 0]]

    @pytest.mark.parametrize("text", ["=1+1", "+66", "-2", "@SUM(A1)", "\tx"])
    def test_formula_cells_are_neutralised(self, text):
        assert neutralise(text) == "'" + text
        assert neutralise("เชียงใหม่") == "เชียงใหม่"
        assert neutralise(-2) == -2  # numbers stay numbers

    def test_level_names_starting_with_a_formula_are_neutralised_in_exports(
        self, client, world, administrator
    ):
        from competencies.models import VolunteerLevel

        VolunteerLevel.objects.filter(code="bronze").update(
            name_th='=HYPERLINK("http://evil")', name_en='=HYPERLINK("http://evil")'
        )
        client.force_login(administrator)
        response = client.get(URL, {"report": "levels", "export": "csv"})
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert rows[1][0] == "ยังไม่มีระดับ"  # the "no level yet" row comes first
        assert rows[2][0] == '\'=HYPERLINK("http://evil")'
        response = client.get(URL, {"report": "levels", "export": "xlsx"})
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        assert sheet["A3"].value == '\'=HYPERLINK("http://evil")'
        assert sheet["A3"].data_type == "s"
