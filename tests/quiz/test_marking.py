"""Free-text answers wait in the trainers' marking queue; marking finalises the result."""

import pytest
from django.urls import reverse

from courses.models import StepCompletion
from courses.quiz import services
from courses.quiz.models import Answer, AttemptStatus
from courses.quiz.signals import quiz_passed
from lms.accounts.models import TrainerScope
from tests import factories

from .helpers import correct_ids, make_question, make_quiz


def make_trainer():
    """A trainer serving Chiang Mai (50), the factories' learners' province."""
    trainer = factories.make_user(role="Trainer")
    TrainerScope.objects.create(user=trainer, province_code="50")
    return trainer


@pytest.fixture
def pending(course, learner):
    choice = make_question(course)
    free = make_question(
        course, kind="free", text="อธิบายวิธีรับมือแก๊งคอลเซ็นเตอร์", options=(), points=3
    )
    quiz = make_quiz(course, [choice, free], pass_mark=60)
    attempt = services.attempt_start(user=learner, quiz=quiz)
    services.attempt_submit(
        user=learner,
        public_id=attempt.public_id,
        responses={
            choice.pk: correct_ids(choice),
            free.pk: "วางสายแล้วโทรกลับเบอร์ทางการ",
        },
    )
    attempt.refresh_from_db()
    return attempt


class TestPending:
    def test_free_text_waits_for_marking(self, pending):
        assert (
            pending.status == AttemptStatus.PENDING
            and pending.passed is None
            and pending.score is None
        )
        assert not StepCompletion.objects.filter(page=pending.quiz).exists()

    def test_result_page_says_pending(self, client, learner, pending):
        client.force_login(learner)
        response = client.get(reverse("quiz:attempt", args=[pending.public_id]))
        assert response.templates[0].name == "quiz/result.html"
        assert 'class="score"' not in response.content.decode()

    def test_no_new_attempt_while_one_waits(self, learner, pending, english):
        with pytest.raises(services.QuizError, match="waiting"):
            services.attempt_start(user=learner, quiz=pending.quiz)

    def test_empty_free_text_earns_nothing_and_waits_for_nobody(self, course, learner):
        free = make_question(course, kind="free", text="เขียนอธิบาย", options=())
        quiz = make_quiz(course, [free])
        attempt = services.attempt_start(user=learner, quiz=quiz)
        services.attempt_submit(
            user=learner, public_id=attempt.public_id, responses={free.pk: "   "}
        )
        attempt.refresh_from_db()
        assert attempt.status == AttemptStatus.GRADED and float(attempt.score) == 0.0


class TestQueuePermissions:
    def test_volunteer_is_refused(self, client, roles, pending):
        client.force_login(factories.make_user(role="Volunteer"))
        response = client.get(reverse("quiz_marking"))
        assert response.status_code in (302, 403)
        answer = Answer.objects.get(attempt=pending, needs_marking=True)
        client.post(reverse("quiz_marking"), {"answer": answer.pk, "credit": "100"})
        answer.refresh_from_db()
        assert answer.needs_marking and answer.marked_by is None

    def test_anonymous_is_sent_to_the_admin_login(self, client, pending):
        response = client.get(reverse("quiz_marking"))
        assert response.status_code == 302 and "login" in response["Location"]

    @pytest.mark.parametrize("role", ["Trainer", "Administrator"])
    def test_trainers_and_administrators_see_the_queue(
        self, client, roles, pending, role
    ):
        user = make_trainer() if role == "Trainer" else factories.make_user(role=role)
        client.force_login(user)
        response = client.get(reverse("quiz_marking"))
        assert response.status_code == 200
        assert "วางสายแล้วโทรกลับเบอร์ทางการ" in response.content.decode()

    def test_menu_item_is_shown_to_trainers(self, client, roles):
        client.force_login(make_trainer())
        assert (
            reverse("quiz_marking")
            in client.get(reverse("wagtailadmin_home")).content.decode()
        )


class TestMarking:
    def test_marking_records_the_marker_and_finalises_a_pass(
        self, client, roles, pending
    ):
        received = []
        quiz_passed.connect(
            lambda sender, attempt, **kw: received.append(attempt.pk),
            weak=False,
            dispatch_uid="m",
        )
        trainer = make_trainer()
        client.force_login(trainer)
        answer = Answer.objects.get(attempt=pending, needs_marking=True)
        try:
            client.post(
                reverse("quiz_marking"),
                {"answer": answer.pk, "credit": "50", "comment": "ดีมาก"},
            )
        finally:
            quiz_passed.disconnect(dispatch_uid="m")
        answer.refresh_from_db()
        pending.refresh_from_db()
        assert answer.marked_by == trainer and answer.marked_at is not None
        assert (answer.credit, answer.marker_comment, answer.needs_marking) == (
            0.5,
            "ดีมาก",
            False,
        )
        # 1 point right + 3 points at half credit = 2.5 of 4.
        assert (
            pending.status == AttemptStatus.GRADED
            and float(pending.score) == 62.5
            and pending.passed
        )
        assert StepCompletion.objects.filter(
            page=pending.quiz, user=pending.user
        ).exists()
        assert received == [pending.pk]
        # Out of the waiting answers, into the recently marked ones.
        waiting, recent = (
            client.get(reverse("quiz_marking")).content.decode().split('id="recent"')
        )
        assert "วางสายแล้วโทรกลับเบอร์ทางการ" not in waiting
        assert "วางสายแล้วโทรกลับเบอร์ทางการ" in recent

    def test_a_low_mark_finalises_a_fail(self, roles, pending):
        answer = Answer.objects.get(attempt=pending, needs_marking=True)
        services.answer_mark(marker=make_trainer(), answer_id=answer.pk, credit=0.2)
        pending.refresh_from_db()
        assert (
            pending.status == AttemptStatus.GRADED
            and float(pending.score) == 40.0
            and pending.passed is False
        )

    def test_marking_twice_is_refused(self, roles, pending, english):
        trainer = make_trainer()
        answer = Answer.objects.get(attempt=pending, needs_marking=True)
        services.answer_mark(marker=trainer, answer_id=answer.pk, credit=1)
        with pytest.raises(services.QuizError, match="already marked"):
            services.answer_mark(marker=trainer, answer_id=answer.pk, credit=0)

    def test_out_of_range_mark_is_refused(self, client, roles, pending):
        client.force_login(make_trainer())
        answer = Answer.objects.get(attempt=pending, needs_marking=True)
        for credit in ("150", "-1", "abc"):
            client.post(
                reverse("quiz_marking"), {"answer": answer.pk, "credit": credit}
            )
        answer.refresh_from_db()
        assert answer.needs_marking and answer.credit is None
