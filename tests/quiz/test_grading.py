"""Grading rules, one type at a time, with Thai normalisation and partial credit."""

import pytest

from courses.quiz import grading, services
from courses.quiz.models import Answer, Question

from .helpers import correct_ids, make_question, make_quiz


class TestChoiceCredit:
    def test_single_choice_needs_exactly_the_correct_option(self):
        assert grading.choice_credit("single", {1}, {1}) == 1.0
        assert grading.choice_credit("single", {2}, {1}) == 0.0
        assert grading.choice_credit("single", {1, 2}, {1}) == 0.0
        assert grading.choice_credit("single", set(), {1}) == 0.0

    def test_true_false_is_graded_like_single_choice(self):
        assert grading.choice_credit("true_false", {7}, {7}) == 1.0
        assert grading.choice_credit("true_false", {8}, {7}) == 0.0

    def test_multiple_choice_partial_credit_floored_at_zero(self):
        assert grading.choice_credit("multiple", {1, 2}, {1, 2}) == 1.0
        assert grading.choice_credit("multiple", {1}, {1, 2}) == 0.5
        assert grading.choice_credit("multiple", {1, 3}, {1, 2}) == 0.0
        assert grading.choice_credit("multiple", {1, 2, 3}, {1, 2}) == 0.5
        assert grading.choice_credit("multiple", {3}, {1, 2}) == 0.0
        assert grading.choice_credit("multiple", {3, 4}, {1, 2}) == 0.0

    def test_choosing_everything_earns_nothing_when_half_are_wrong(self):
        assert grading.choice_credit("multiple", {1, 2, 3, 4}, {1, 2}) == 0.0


class TestShortAnswer:
    @pytest.mark.parametrize(
        "answer",
        [
            "ข่าวปลอม",
            "  ข่าวปลอม ",
            "ข่าว\u200bปลอม",  # zero-width space, as Thai keyboards and LINE insert
            "\ufeffข่าวปลอม\u200c",
            "FAKE  News",
            "fake\tnews\n",
        ],
    )
    def test_matches_after_normalising_thai_and_case(self, answer):
        assert grading.short_answer_credit(answer, ["ข่าวปลอม", "Fake News"]) == 1.0

    def test_sara_am_typed_as_two_characters_matches(self):
        # "น้ำ" with sara am (U+0E33) vs nikhahit + sara aa (U+0E4D U+0E32).
        assert (
            grading.short_answer_credit("น\u0e49\u0e4d\u0e32", ["น\u0e49\u0e33"]) == 1.0
        )

    def test_nfc_composes_latin_accents(self):
        assert grading.short_answer_credit("cafe\u0301", ["café"]) == 1.0

    def test_a_different_or_empty_answer_earns_nothing(self):
        assert grading.short_answer_credit("ข่าวจริง", ["ข่าวปลอม"]) == 0.0
        assert grading.short_answer_credit("   ", ["ข่าวปลอม"]) == 0.0
        assert grading.short_answer_credit("ข่าว", ["ข่าวปลอม"]) == 0.0


class TestScore:
    def test_score_is_points_weighted(self):
        assert grading.score_percent([(1, 1.0), (3, 0.0)]) == 25.0
        assert grading.score_percent([(2, 0.5), (2, 1.0)]) == 75.0
        assert grading.score_percent([(1, 1.0), (1, 1.0), (1, 0.0)]) == 66.7

    def test_no_points_scores_zero(self):
        assert grading.score_percent([]) == 0.0


class TestGradingAnAttempt:
    def test_each_type_earns_its_credit_and_points_weight_the_score(
        self, course, learner
    ):
        single = make_question(course, points=2)
        multiple = make_question(
            course,
            kind="multiple",
            text="เลือกทุกข้อที่ถูก",
            options=(("ก", True), ("ข", True), ("ค", False)),
        )
        short = make_question(
            course, kind="short", text="สายด่วน", options=(), accepted_answers="1111"
        )
        quiz = make_quiz(course, [single, multiple, short], pass_mark=50)
        attempt = services.attempt_start(user=learner, quiz=quiz)
        one_right = correct_ids(multiple)[:1]
        services.attempt_submit(
            user=learner,
            public_id=attempt.public_id,
            responses={
                single.pk: correct_ids(single),
                multiple.pk: one_right,
                short.pk: " ๑๑๑๑ ",
            },
        )
        credits = {
            a.question_id: a.credit for a in Answer.objects.filter(attempt=attempt)
        }
        assert credits == {
            single.pk: 1.0,
            multiple.pk: 0.5,
            short.pk: 0.0,
        }  # Thai digits are not accepted
        attempt.refresh_from_db()
        assert float(attempt.score) == round(100 * (2 + 0.5) / 4, 1) and attempt.passed

    def test_grading_uses_the_key_frozen_at_start(self, course, learner):
        question = make_question(course)
        quiz = make_quiz(course, [question])
        attempt = services.attempt_start(user=learner, quiz=quiz)
        chosen = correct_ids(question)
        # The trainer changes which option is correct while the attempt is open.
        question.options.update(is_correct=False)
        question.options.exclude(pk__in=chosen).update(is_correct=True)
        Question.objects.filter(pk=question.pk).update(points=5)
        services.attempt_submit(
            user=learner, public_id=attempt.public_id, responses={question.pk: chosen}
        )
        attempt.refresh_from_db()
        assert attempt.passed and float(attempt.score) == 100.0

    def test_options_not_offered_in_the_attempt_are_ignored(
        self, learner, quiz, course
    ):
        stranger = make_question(course, text="ไม่อยู่ในแบบทดสอบ")
        attempt = services.attempt_start(user=learner, quiz=quiz)
        first = attempt.plan[0]["question"]
        services.attempt_submit(
            user=learner,
            public_id=attempt.public_id,
            responses={first: correct_ids(stranger) + ["x", None]},
        )
        answer = Answer.objects.get(attempt=attempt, question_id=first)
        assert answer.selected == [] and answer.credit == 0.0
