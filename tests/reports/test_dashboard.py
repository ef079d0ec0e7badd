"""The trainer's panel on the admin home, scoped to their provinces."""

from django.urls import reverse

from courses.models import CoursePage
from courses.quiz.models import Answer, Attempt
from lms.reports.dashboard_selectors import dashboard_summary
from tests import factories


def _own(world, trainer):
    CoursePage.objects.filter(pk=world["course_a"].pk).update(owner=trainer)


def _low_success_answers(world):
    """Three answers to q_a from Chiang Mai with 0, 0, 100 % credit, one from Bangkok waiting."""
    attempts = Attempt.objects.filter(quiz=world["quiz_a"]).order_by("pk")
    for attempt, credit in zip(attempts[:3], (0.0, 0.0, 1.0), strict=True):
        Answer.objects.create(attempt=attempt, question=world["q_a"], credit=credit)
    bangkok = attempts.get(user=world["v4"])
    Answer.objects.create(attempt=bangkok, question=world["q_a"], needs_marking=True)


class TestDashboardSummary:
    def test_trainer_sees_their_courses_in_their_provinces(
        self, world, chiang_mai_trainer
    ):
        _own(world, chiang_mai_trainer)
        _low_success_answers(world)
        summary = dashboard_summary(user=chiang_mai_trainer, scope={"50"})
        assert summary.courses == 1
        assert summary.learners == 2  # v1 and v2 in course A; v4 is in Bangkok
        assert [e.user for e in summary.recent_completions] == [world["v1"]]
        assert summary.low_success_questions == [
            {
                "id": world["q_a"].pk,
                "text": world["q_a"].text_th,
                "answers": 3,
                "success": 33,
            }
        ]
        assert summary.marking_queue == 0  # the waiting answer is from Bangkok

    def test_administrator_sees_every_course_and_province(self, world, administrator):
        _low_success_answers(world)
        summary = dashboard_summary(user=administrator, scope=None)
        assert summary.courses == 2
        assert summary.learners == 4
        assert summary.marking_queue == 1
        assert [e.user for e in summary.recent_completions] == [
            world["v3"],
            world["v4"],
            world["v1"],
        ]

    def test_trainer_owning_nothing_sees_nothing(self, world, chiang_mai_trainer):
        summary = dashboard_summary(user=chiang_mai_trainer, scope={"50"})
        assert (summary.courses, summary.learners, summary.marking_queue) == (0, 0, 0)


class TestAdminHome:
    def test_panel_on_the_admin_home(
        self, client, world, chiang_mai_trainer, django_assert_max_num_queries
    ):
        _own(world, chiang_mai_trainer)
        client.force_login(chiang_mai_trainer)
        client.get(reverse("wagtailadmin_home"))
        with django_assert_max_num_queries(60) as before:
            response = client.get(reverse("wagtailadmin_home"))
        html = response.content.decode()
        assert "lms-trainer-dashboard" in html
        assert 'data-count="learners">2<' in html
        # More learners in the trainer's course: same number of queries.
        from courses.models import Enrollment
        from lms.accounts.models import VolunteerProfile

        for _ in range(10):
            learner = factories.make_user(profile=False)
            VolunteerProfile.objects.create(user=learner, province_code="50")
            Enrollment.objects.create(user=learner, course=world["course_a"])
        with django_assert_max_num_queries(len(before.captured_queries)):
            response = client.get(reverse("wagtailadmin_home"))
        assert 'data-count="learners">12<' in response.content.decode()

    def test_no_panel_for_volunteers(self, client, world):
        client.force_login(world["v1"])
        response = client.get(reverse("wagtailadmin_home"))
        assert response.status_code == 302
