"""The trainer's statistics of a package step (admin results page): figures,
the recent attempts and the CSV, in the trainer's provinces only, with a
query count that does not grow with the attempts."""

import pytest
from django.urls import reverse

from elearning.models import PackageAttempt
from elearning.selectors import package_statistics
from lms.accounts.models import TrainerScope, VolunteerProfile
from tests import factories

from . import packages
from .helpers import make_package_step


@pytest.fixture
def step(course):
    return make_package_step(course, packages.scorm12_zip(mastery=80))


def _learner(province="50", **kwargs):
    user = factories.make_user(profile=False, **kwargs)
    VolunteerProfile.objects.create(user=user, province_code=province)
    return user


def _attempt(step, user, number, *, passed, score, completed=True):
    return PackageAttempt.objects.create(
        user=user,
        page=step,
        package=step.package,
        number=number,
        passed=passed,
        score=score,
        completed=completed,
        closed=completed,
    )


@pytest.fixture
def world(step):
    """Chiang Mai (50): a fails 40 then passes 90; b passes 80 first time;
    c fails 20 (not passed yet); d has one open attempt. Bangkok (10): e passes 100."""
    a, b, c, d = (_learner(first_name=n) for n in ("เอ", "บี", "ซี", "ดี"))
    e = _learner("10", first_name="อี")
    _attempt(step, a, 1, passed=False, score=40)
    _attempt(step, a, 2, passed=True, score=90)
    _attempt(step, b, 1, passed=True, score=80)
    _attempt(step, c, 1, passed=False, score=20)
    _attempt(step, d, 1, passed=None, score=None, completed=False)
    _attempt(step, e, 1, passed=True, score=100)
    return {"e": e}


@pytest.fixture
def trainer(roles):
    user = factories.make_user(role="Trainer", profile=False)
    TrainerScope.objects.create(user=user, province_code="50")
    return user


def test_figures_in_the_trainers_provinces(step, world):
    stats = package_statistics(page=step, scope={"50"})
    assert stats == {
        "attempts": 5,
        "learners": 4,
        "completed": 3,
        "passed": 2,
        "failed": 1,
        "mean_score": 57.5,  # (40 + 90 + 80 + 20) / 4
        "median_score": 60.0,
        "attempts_per_learner": 1.2,
        "first_attempts_judged": 3,
        "first_attempt_pass_rate": 33.3,
    }
    everyone = package_statistics(page=step, scope=None)
    assert everyone["learners"] == 5 and everyone["median_score"] == 80.0


def test_empty_step_has_no_figures(step):
    stats = package_statistics(page=step, scope=None)
    assert stats["attempts"] == 0
    assert stats["mean_score"] is None and stats["first_attempt_pass_rate"] is None


def test_trainer_page_shows_the_figures_in_thai(client, step, world, trainer):
    client.force_login(trainer)
    response = client.get(reverse("elearning_results", args=[step.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "อัตราการผ่านในครั้งแรก" in body and "33.3%" in body
    assert "คะแนนมัธยฐาน" in body and "60%" in body
    assert "อี" not in [a.user.first_name for a in response.context["attempts"]]
    assert reverse("elearning_results_csv", args=[step.pk]) in body


def test_csv_lists_only_the_trainers_provinces(client, step, world, trainer):
    client.force_login(trainer)
    response = client.get(reverse("elearning_results_csv", args=[step.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("ผู้เรียน,จังหวัด")
    assert len(lines) == 1 + 5
    assert "เชียงใหม่" in lines[1] and all("กรุงเทพ" not in line for line in lines)


def test_csv_neutralises_formulas(client, step, trainer):
    _attempt(step, _learner(first_name="=HYPERLINK(1)"), 1, passed=True, score=90)
    client.force_login(trainer)
    text = client.get(reverse("elearning_results_csv", args=[step.pk])).content
    assert "'=HYPERLINK(1)" in text.decode("utf-8-sig")


def test_volunteer_may_not_download(client, step, world):
    client.force_login(world["e"])
    response = client.get(reverse("elearning_results_csv", args=[step.pk]))
    assert response.status_code in (302, 403)


def test_query_counts_do_not_grow_with_attempts(
    client, step, world, trainer, django_assert_max_num_queries
):
    client.force_login(trainer)
    urls = [
        reverse("elearning_results", args=[step.pk]),
        reverse("elearning_results_csv", args=[step.pk]),
    ]
    for url in urls:
        client.get(url)  # warm caches
    counts = []
    for url in urls:
        with django_assert_max_num_queries(40) as queries:
            client.get(url)
        counts.append(len(queries.captured_queries))
    for n in range(25):
        _attempt(step, _learner(), 1, passed=n % 2 == 0, score=n * 4)
    for url, count in zip(urls, counts, strict=True):
        with django_assert_max_num_queries(count):
            client.get(url)
