"""The e-learning package report (SCORM and H5P steps): attempts with a
result and passes by province, by course, in the reader's provinces only.

World (tests/reports/conftest.py) plus one package step in course A and one
in course B:
  A: v1 #1 passed 90, v2 #1 failed 30, v2 #2 passed 85, v4 #1 failed 10,
     v1 #2 still open (no result: counts nowhere)
  B: v3 #1 passed 100
Chiang Mai: 4 attempts, 3 passed (75 %), 3 people; Bangkok: 1, 0 (0 %), 1.
"""

import datetime
import shutil

import pytest
from django.conf import settings

from elearning.models import PackageAttempt
from lms.accounts.models import VolunteerProfile
from lms.reports.selectors import ReportFilters, report_build
from tests import factories
from tests.elearning import packages
from tests.elearning.helpers import make_package_step

from .conftest import at
from .test_selectors import by_name

URL = "/admin/reports/"


@pytest.fixture
def steps(world):
    shutil.rmtree(settings.ELEARNING_ROOT, ignore_errors=True)
    step_a = make_package_step(world["course_a"], packages.scorm12_zip(mastery=80))
    step_b = make_package_step(world["course_b"], packages.scorm12_zip(mastery=80))
    for user, step, number, passed, score, when in (
        ("v1", step_a, 1, True, 90, "2026-03-12"),
        ("v2", step_a, 1, False, 30, "2026-03-13"),
        ("v2", step_a, 2, True, 85, "2026-04-13"),
        ("v4", step_a, 1, False, 10, "2026-04-04"),
        ("v3", step_b, 1, True, 100, "2026-04-06"),
        ("v1", step_a, 2, None, None, "2026-04-20"),
    ):
        attempt = PackageAttempt.objects.create(
            user=world[user],
            page=step,
            package=step.package,
            number=number,
            passed=passed,
            score=score,
            completed=passed is not None,
            closed=passed is not None,
        )
        PackageAttempt.objects.filter(pk=attempt.pk).update(updated_at=at(when))
    yield {"a": step_a, "b": step_b}
    shutil.rmtree(settings.ELEARNING_ROOT, ignore_errors=True)


def test_pass_rate_by_province(steps):
    report = report_build(key="packages", filters=ReportFilters(), scope=None)
    assert by_name(report) == {
        "กรุงเทพมหานคร": {"attempts": 1, "passed": 0, "rate": 0.0, "people": 1},
        "เชียงใหม่": {"attempts": 4, "passed": 3, "rate": 75.0, "people": 3},
    }
    assert report.totals == {"attempts": 5, "passed": 3, "rate": 60.0, "people": 4}
    assert [v for _, v in report.trend] == [50.0, 66.7]  # March 1/2, April 2/3


def test_by_course_topic_and_dates(steps, world):
    course_a = report_build(
        key="packages",
        filters=ReportFilters(course_id=world["course_a"].pk),
        scope=None,
    )
    assert course_a.totals["attempts"] == 4 and course_a.totals["passed"] == 2
    coding = report_build(
        key="packages", filters=ReportFilters(topic="coding"), scope=None
    )
    assert coding.totals["attempts"] == 1 and coding.totals["passed"] == 1
    april = report_build(
        key="packages",
        filters=ReportFilters(date_from=datetime.date(2026, 4, 1)),
        scope=None,
    )
    assert april.totals["attempts"] == 3


def test_trainer_sees_only_their_provinces(client, steps, chiang_mai_trainer):
    client.force_login(chiang_mai_trainer)
    response = client.get(URL, {"report": "packages"})
    assert response.status_code == 200
    report = response.context["report"]
    assert [r["code"] for r in report.rows] == ["50"]
    assert report.totals["attempts"] == 4
    body = response.content.decode()
    assert "กรุงเทพมหานคร" not in body
    assert "แพ็กเกจ" in body  # the tab and title are Thai
    # Asking for Bangkok through a link gives no figures.
    other = report_build(
        key="packages", filters=ReportFilters(province="10"), scope={"50"}
    )
    assert other.rows == [] or other.totals["attempts"] == 0


def test_csv_export_is_limited_too(client, steps, chiang_mai_trainer):
    client.force_login(chiang_mai_trainer)
    response = client.get(URL, {"report": "packages", "export": "csv"})
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    assert "เชียงใหม่" in text and "กรุงเทพมหานคร" not in text


def test_query_count_does_not_grow_with_attempts(
    client, steps, world, administrator, django_assert_max_num_queries
):
    client.force_login(administrator)
    client.get(URL, {"report": "packages"})  # warm caches (site, locale)
    with django_assert_max_num_queries(20) as before:
        client.get(URL, {"report": "packages"})
    for n in range(20):
        user = factories.make_user(profile=False)
        VolunteerProfile.objects.create(user=user, province_code="50")
        PackageAttempt.objects.create(
            user=user,
            page=steps["a"],
            package=steps["a"].package,
            number=1,
            passed=n % 2 == 0,
            completed=True,
            closed=True,
        )
    with django_assert_max_num_queries(len(before.captured_queries)):
        response = client.get(URL, {"report": "packages"})
    assert response.context["report"].totals["attempts"] == 25
