"""Starting and submitting attempts under each of a quiz's settings."""

from datetime import timedelta

import pytest
from django.utils import timezone

from courses import services as course_services
from courses.models import ModulePage, StepCompletion
from courses.quiz import selectors, services
from courses.quiz.models import Answer, Attempt, AttemptStatus, Question
from courses.quiz.signals import quiz_passed
from tests import factories

from .helpers import all_correct, correct_ids, make_question, make_quiz, wrong_ids


class TestStart:
    def test_requires_enrolment(self, course, quiz, english):
        with pytest.raises(services.QuizError, match="Enrol"):
            services.attempt_start(user=factories.make_user(), quiz=quiz)

    def test_plan_and_key_are_frozen_and_the_open_attempt_resumed(self, learner, quiz):
        attempt = services.attempt_start(user=learner, quiz=quiz)
        again = services.attempt_start(user=learner, quiz=quiz)
        assert again.pk == attempt.pk and again.plan == attempt.plan
        assert [i["question"] for i in attempt.plan] == list(
            quiz.question_links.order_by("sort_order").values_list(
                "question_id", flat=True
            )
        )
        short = Question.objects.get(kind="short")
        assert attempt.answer_key[str(short.pk)]["accepted"] == [
            "ข่าวปลอม",
            "ข่าวเท็จ",
            "fake news",
        ]

    def test_empty_quiz_is_refused(self, course, learner, english):
        empty = make_quiz(course, [])
        with pytest.raises(services.QuizError, match="no questions"):
            services.attempt_start(user=learner, quiz=empty)

    def test_locked_module_quiz_cannot_be_started(self, catalogue, english):
        course = factories.make_course(
            catalogue, modules=2, lessons=1, require_quiz_pass=True
        )
        learner = factories.make_user()
        course_services.enrollment_create(user=learner, course=course)
        first, second = ModulePage.objects.child_of(course).order_by("path")
        make_quiz(course, [make_question(course)], module=first)
        later = make_quiz(
            course, [make_question(course, text="ข้อบทที่ 2")], module=second
        )
        with pytest.raises(services.QuizError, match="locked"):
            services.attempt_start(user=learner, quiz=later)


class TestPassing:
    def test_passing_completes_the_step_and_signals_once(self, learner, quiz):
        received = []
        quiz_passed.connect(
            lambda sender, attempt, **kw: received.append(attempt.pk),
            weak=False,
            dispatch_uid="t",
        )
        try:
            attempt = services.attempt_start(user=learner, quiz=quiz)
            services.attempt_submit(
                user=learner,
                public_id=attempt.public_id,
                responses=all_correct(attempt),
            )
            services.attempt_submit(
                user=learner, public_id=attempt.public_id, responses={}
            )
        finally:
            quiz_passed.disconnect(dispatch_uid="t")
        attempt.refresh_from_db()
        assert (attempt.status, float(attempt.score), attempt.passed) == (
            AttemptStatus.GRADED,
            100.0,
            True,
        )
        assert received == [attempt.pk]
        assert StepCompletion.objects.filter(user=learner, page=quiz).exists()
        assert Answer.objects.filter(attempt=attempt).count() == 4

    def test_failing_then_passing(self, learner, quiz):
        first = services.attempt_start(user=learner, quiz=quiz)
        services.attempt_submit(user=learner, public_id=first.public_id, responses={})
        first.refresh_from_db()
        assert first.passed is False and float(first.score) == 0.0
        assert not StepCompletion.objects.filter(page=quiz).exists()
        second = services.attempt_start(user=learner, quiz=quiz)
        assert second.number == 2
        services.attempt_submit(
            user=learner, public_id=second.public_id, responses=all_correct(second)
        )
        second.refresh_from_db()
        assert second.passed

    def test_no_new_attempt_after_passing(self, learner, quiz, english):
        attempt = services.attempt_start(user=learner, quiz=quiz)
        services.attempt_submit(
            user=learner, public_id=attempt.public_id, responses=all_correct(attempt)
        )
        with pytest.raises(services.QuizError, match="already passed"):
            services.attempt_start(user=learner, quiz=quiz)

    def test_passing_the_only_step_completes_the_course(self, catalogue):
        course = factories.make_course(catalogue, modules=1, lessons=0)
        learner = factories.make_user()
        enrollment = course_services.enrollment_create(user=learner, course=course)
        q = make_question(course)
        quiz = make_quiz(course, [q])
        attempt = services.attempt_start(user=learner, quiz=quiz)
        services.attempt_submit(
            user=learner, public_id=attempt.public_id, responses={q.pk: correct_ids(q)}
        )
        enrollment.refresh_from_db()
        assert enrollment.completed_at is not None


class TestPassMark:
    @pytest.mark.parametrize(("pass_mark", "passed"), [(75, True), (76, False)])
    def test_pass_mark_is_inclusive(self, course, learner, pass_mark, passed):
        questions = [make_question(course, text=f"ข้อ {n}") for n in range(4)]
        quiz = make_quiz(course, questions, pass_mark=pass_mark)
        attempt = services.attempt_start(user=learner, quiz=quiz)
        responses = {q.pk: correct_ids(q) for q in questions[:3]} | {
            questions[3].pk: wrong_ids(questions[3])
        }
        services.attempt_submit(
            user=learner, public_id=attempt.public_id, responses=responses
        )
        attempt.refresh_from_db()
        assert float(attempt.score) == 75.0 and attempt.passed is passed


class TestAttemptsAllowed:
    def test_attempt_beyond_the_limit_is_refused_with_a_message(
        self, course, learner, english
    ):
        limited = make_quiz(course, [make_question(course)], attempts_allowed=2)
        for _ in range(2):
            attempt = services.attempt_start(user=learner, quiz=limited)
            services.attempt_submit(
                user=learner, public_id=attempt.public_id, responses={}
            )
        with pytest.raises(services.QuizError, match="all 2 attempts"):
            services.attempt_start(user=learner, quiz=limited)
        assert Attempt.objects.filter(quiz=limited).count() == 2
        assert selectors.quiz_status(user=learner, quiz=limited)["can_start"] is False

    def test_zero_means_unlimited(self, course, learner):
        unlimited = make_quiz(course, [make_question(course)], attempts_allowed=0)
        for _ in range(5):
            attempt = services.attempt_start(user=learner, quiz=unlimited)
            services.attempt_submit(
                user=learner, public_id=attempt.public_id, responses={}
            )
        assert Attempt.objects.filter(quiz=unlimited).count() == 5


class TestTimeLimit:
    @pytest.fixture
    def timed(self, course):
        q = make_question(course)
        return make_quiz(course, [q], time_limit_minutes=5), q

    def test_deadline_is_set_from_the_limit(self, learner, timed):
        quiz, _q = timed
        attempt = services.attempt_start(user=learner, quiz=quiz)
        assert attempt.deadline - attempt.started_at == pytest.approx(
            timedelta(minutes=5), abs=timedelta(seconds=2)
        )

    def test_submission_within_the_grace_counts(self, learner, timed):
        quiz, q = timed
        attempt = services.attempt_start(user=learner, quiz=quiz)
        at = attempt.deadline + timedelta(seconds=10)
        services.attempt_submit(
            user=learner,
            public_id=attempt.public_id,
            responses={q.pk: correct_ids(q)},
            now=at,
        )
        attempt.refresh_from_db()
        assert attempt.passed and not attempt.late and attempt.submitted_at == at

    def test_late_submission_is_graded_at_the_limit_without_its_answers(
        self, learner, timed
    ):
        quiz, q = timed
        attempt = services.attempt_start(user=learner, quiz=quiz)
        late = attempt.deadline + services.GRACE + timedelta(seconds=1)
        services.attempt_submit(
            user=learner,
            public_id=attempt.public_id,
            responses={q.pk: correct_ids(q)},
            now=late,
        )
        attempt.refresh_from_db()
        assert (
            attempt.late
            and attempt.submitted_at == attempt.deadline
            and attempt.passed is False
        )

    def test_answers_saved_before_the_limit_count_when_late(self, learner, timed):
        quiz, q = timed
        attempt = services.attempt_start(user=learner, quiz=quiz)
        saved = services.attempt_save(
            user=learner,
            public_id=attempt.public_id,
            responses={q.pk: correct_ids(q)},
            now=attempt.deadline - timedelta(seconds=5),
        )
        too_late = services.attempt_save(
            user=learner,
            public_id=attempt.public_id,
            responses={q.pk: wrong_ids(q)},
            now=attempt.deadline + timedelta(minutes=2),
        )
        assert (saved, too_late) == (True, False)
        services.attempt_submit(
            user=learner,
            public_id=attempt.public_id,
            responses={q.pk: wrong_ids(q)},
            now=attempt.deadline + timedelta(hours=1),
        )
        attempt.refresh_from_db()
        assert (
            attempt.late and attempt.passed and attempt.submitted_at == attempt.deadline
        )

    def test_an_abandoned_attempt_is_closed_when_the_learner_starts_again(
        self, learner, timed
    ):
        quiz, q = timed
        attempt = services.attempt_start(user=learner, quiz=quiz)
        services.attempt_save(
            user=learner, public_id=attempt.public_id, responses={q.pk: wrong_ids(q)}
        )
        later = attempt.deadline + timedelta(days=1)
        second = services.attempt_start(user=learner, quiz=quiz, now=later)
        attempt.refresh_from_db()
        assert (
            attempt.status == AttemptStatus.GRADED
            and attempt.late
            and attempt.passed is False
        )
        assert second.number == 2 and second.is_open

    def test_no_limit_means_no_deadline(self, learner, quiz):
        attempt = services.attempt_start(user=learner, quiz=quiz)
        later = timezone.now() + timedelta(days=30)
        services.attempt_submit(
            user=learner,
            public_id=attempt.public_id,
            responses=all_correct(attempt),
            now=later,
        )
        attempt.refresh_from_db()
        assert attempt.deadline is None and attempt.passed and not attempt.late


class TestShuffle:
    def test_order_is_frozen_per_attempt_and_differs_between_attempts(
        self, course, learner
    ):
        options = [(f"ตัวเลือก {i}", i == 0) for i in range(8)]
        questions = [
            make_question(course, text=f"ข้อ {n}", options=options) for n in range(8)
        ]
        shuffled = make_quiz(
            course, questions, shuffle_questions=True, shuffle_options=True
        )
        question_orders, option_orders = set(), set()
        for _ in range(4):
            attempt = services.attempt_start(user=learner, quiz=shuffled)
            assert (
                services.attempt_start(user=learner, quiz=shuffled).plan == attempt.plan
            )
            shown = selectors.attempt_questions(
                attempt=Attempt.objects.get(pk=attempt.pk)
            )
            assert [q["id"] for q in shown] == [i["question"] for i in attempt.plan]
            assert [o["id"] for o in shown[0]["options"]] == attempt.plan[0]["options"]
            question_orders.add(tuple(i["question"] for i in attempt.plan))
            option_orders.add(tuple(attempt.plan[0]["options"]))
            services.attempt_submit(
                user=learner, public_id=attempt.public_id, responses={}
            )
        assert (
            len(question_orders) > 1 and len(option_orders) > 1
        )  # 8! orders: a repeat is ~1 in 10^13

    def test_without_shuffle_the_authored_order_is_kept(self, learner, quiz):
        attempt = services.attempt_start(user=learner, quiz=quiz)
        first = Question.objects.get(pk=attempt.plan[1]["question"])
        authored = [o.pk for o in first.options.order_by("sort_order")]
        quiz.shuffle_options = False
        quiz.save()
        services.attempt_submit(user=learner, public_id=attempt.public_id, responses={})
        second = services.attempt_start(user=learner, quiz=quiz)
        assert second.plan[1]["options"] == authored


class TestRandomDraw:
    def test_draws_n_from_the_bank(self, course, learner):
        for n in range(6):
            make_question(course, text=f"ข้อ {n}")
        drawn = make_quiz(course, [], random_questions=3)
        attempt = services.attempt_start(user=learner, quiz=drawn)
        assert (
            len(attempt.plan) == 3 and len({i["question"] for i in attempt.plan}) == 3
        )

    def test_draws_only_from_the_tagged_subset(self, course, learner):
        tagged = {
            make_question(course, text=f"ข่าว {n}", tags=["ข่าวปลอม"]).pk
            for n in range(3)
        }
        for n in range(5):
            make_question(course, text=f"อื่น {n}", tags=["ขายของ"])
        other_course = factories.make_course(
            course.get_parent(), slug="other", title="อีกวิชา"
        )
        make_question(other_course, text="วิชาอื่น", tags=["ข่าวปลอม"])
        drawn = make_quiz(course, [], random_questions=2, random_tag="ข่าวปลอม")
        attempt = services.attempt_start(user=learner, quiz=drawn)
        assert {i["question"] for i in attempt.plan} <= tagged and len(
            attempt.plan
        ) == 2


class TestFeedback:
    @pytest.mark.parametrize(
        ("mode", "passed", "shown"),
        [
            ("always", False, True),
            ("always", True, True),
            ("on_pass", False, False),
            ("on_pass", True, True),
            ("never", True, False),
        ],
    )
    def test_feedback_setting(self, course, learner, mode, passed, shown):
        q = make_question(course, explanation_th="เหตุผลของคำตอบ")
        quiz = make_quiz(course, [q], feedback=mode)
        attempt = services.attempt_start(user=learner, quiz=quiz)
        services.attempt_submit(
            user=learner,
            public_id=attempt.public_id,
            responses={q.pk: correct_ids(q) if passed else wrong_ids(q)},
        )
        attempt.refresh_from_db()
        review = selectors.attempt_review(attempt=attempt)
        assert bool(review) is shown
        if shown:
            assert review[0]["explanation"] == "เหตุผลของคำตอบ"
            assert {o["id"] for o in review[0]["options"] if o["correct"]} == set(
                correct_ids(q)
            )
