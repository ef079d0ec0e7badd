"""Report figures checked against the hand-counted world in conftest.py."""

import datetime

from lms.reports.selectors import ReportFilters, report_build

ALL = ReportFilters()


def by_name(report):
    return {row["name"]: {k: row[k] for k, _ in report.columns} for row in report.rows}


class TestEnrolmentReport:
    def test_counts_and_rate_by_province(self, world):
        report = report_build(key="enrolments", filters=ALL, scope=None)
        assert by_name(report) == {
            "กรุงเทพมหานคร": {"enrolments": 2, "completions": 1, "rate": 50.0},
            "เชียงใหม่": {"enrolments": 3, "completions": 2, "rate": 66.7},
        }
        assert report.totals == {"enrolments": 5, "completions": 3, "rate": 60.0}

    def test_trend_counts_enrolments_per_month(self, world):
        report = report_build(key="enrolments", filters=ALL, scope=None)
        trend = [(d.strftime("%Y-%m"), v) for d, v in report.trend]
        assert trend[0] == ("2025-01", 1)
        assert trend[-2:] == [("2026-03", 2), ("2026-04", 2)]
        # Months without enrolments are shown as zero, not skipped.
        assert len(trend) == 16 and sum(v for _, v in trend) == 5

    def test_course_and_topic_filters(self, world):
        by_course = report_build(
            key="enrolments",
            filters=ReportFilters(course_id=world["course_a"].pk),
            scope=None,
        )
        assert by_course.totals["enrolments"] == 3
        by_topic = report_build(
            key="enrolments", filters=ReportFilters(topic="coding"), scope=None
        )
        assert by_topic.totals == {"enrolments": 2, "completions": 1, "rate": 50.0}

    def test_date_range_is_inclusive(self, world):
        filters = ReportFilters(
            date_from=datetime.date(2026, 3, 6), date_to=datetime.date(2026, 4, 1)
        )
        report = report_build(key="enrolments", filters=filters, scope=None)
        assert by_name(report) == {
            "เชียงใหม่": {"enrolments": 2, "completions": 1, "rate": 50.0}
        }

    def test_province_groups_by_district_and_district_by_subdistrict(self, world):
        report = report_build(
            key="enrolments", filters=ReportFilters(province="50"), scope=None
        )
        assert {r["code"]: r["enrolments"] for r in report.rows} == {
            "5001": 2,
            "5002": 1,
        }
        assert str(report.group_label) == "อำเภอ/เขต"  # "District" in Thai
        report = report_build(
            key="enrolments",
            filters=ReportFilters(province="50", district="5001"),
            scope=None,
        )
        assert {r["code"]: r["enrolments"] for r in report.rows} == {"500101": 2}

    def test_scope_limits_to_the_trainers_provinces(self, world):
        report = report_build(key="enrolments", filters=ALL, scope={"10"})
        assert [r["code"] for r in report.rows] == ["10"]
        # Asking for a province outside the scope shows nothing, not that province.
        report = report_build(
            key="enrolments", filters=ReportFilters(province="50"), scope={"10"}
        )
        assert report.rows == []
        assert report_build(key="enrolments", filters=ALL, scope=set()).rows == []


class TestOtherReports:
    def test_completions_by_completion_date(self, world):
        report = report_build(
            key="completions",
            filters=ReportFilters(date_from=datetime.date(2026, 4, 1)),
            scope=None,
        )
        assert by_name(report) == {
            "กรุงเทพมหานคร": {"completions": 1, "people": 1},
            "เชียงใหม่": {"completions": 1, "people": 1},
        }

    def test_quiz_pass_rate(self, world):
        report = report_build(key="quiz", filters=ALL, scope=None)
        assert by_name(report) == {
            "กรุงเทพมหานคร": {"attempts": 1, "passed": 0, "rate": 0.0},
            "เชียงใหม่": {"attempts": 4, "passed": 3, "rate": 75.0},
        }
        course_a = report_build(
            key="quiz",
            filters=ReportFilters(course_id=world["course_a"].pk),
            scope=None,
        )
        assert course_a.totals == {"attempts": 4, "passed": 2, "rate": 50.0}
        assert [v for _, v in report.trend] == [50.0, 66.7]  # March 1/2, April 2/3

    def test_competencies_attained_counts_pairs_once_and_skips_withdrawn(self, world):
        report = report_build(key="competencies", filters=ALL, scope=None)
        assert by_name(report) == {"เชียงใหม่": {"attained": 3, "people": 2}}

    def test_volunteers_per_level(self, world):
        report = report_build(key="levels", filters=ALL, scope=None)
        # Four volunteers: one has no level yet, and the rows add up to them.
        assert [(r["code"], r["volunteers"], r["share"]) for r in report.rows] == [
            ("", 1, 25.0),
            ("bronze", 2, 50.0),
            ("silver", 1, 25.0),
        ]
        assert report.totals == {"volunteers": 4, "share": 100}
        scoped = report_build(
            key="levels", filters=ReportFilters(district="5002"), scope=None
        )
        assert [r["volunteers"] for r in scoped.rows] == [0, 1, 0]

    def test_certificates_issued_and_revoked(self, world):
        report = report_build(key="certificates", filters=ALL, scope=None)
        assert by_name(report) == {
            "กรุงเทพมหานคร": {"issued": 1, "revoked": 1},
            "เชียงใหม่": {"issued": 2, "revoked": 0},
        }
        coding = report_build(
            key="certificates", filters=ReportFilters(topic="coding"), scope=None
        )
        assert coding.totals == {"issued": 1, "revoked": 0}
