"""Matching and numerical questions: graded on the server from the frozen key,
and the take page never reveals which answer goes with which item or the number."""

import re

import pytest
from django.urls import reverse

from courses.quiz import grading, selectors, services
from courses.quiz.models import Option, Question

from .helpers import make_question, make_quiz

PAIRS = (
    ("ฟิชชิง", "การหลอกขอรหัสผ่าน"),
    ("มัลแวร์", "โปรแกรมประสงค์ร้าย"),
    ("ดีปเฟก", "วิดีโอปลอมด้วย AI"),
    ("สแปม", "ข้อความขยะ"),
)


def make_matching(course, pairs=PAIRS):
    question = make_question(course, kind="matching", text="จับคู่คำศัพท์", options=())
    for i, (item, answer) in enumerate(pairs):
        Option.objects.create(
            question=question, text_th=item, match_th=answer, sort_order=i
        )
    return question


@pytest.fixture
def mixed_quiz(course):
    matching = make_matching(course)
    numerical = make_question(
        course,
        kind="numerical",
        text="ค่า π ประมาณเท่าใด",
        options=(),
        numeric_answer=3.14159,
        numeric_tolerance=0.01,
    )
    return make_quiz(course, [matching, numerical], pass_mark=50)


class TestGrading:
    @pytest.mark.parametrize(
        ("typed", "credit"),
        [
            ("3.14", 1.0),
            ("3.15", 1.0),
            (" ๓.๑๔ ", 1.0),
            ("3.16", 0.0),
            ("สามจุดหนึ่งสี่", 0.0),
            ("", 0.0),
            ("nan", 0.0),
            ("inf", 0.0),
        ],
    )
    def test_numerical_within_tolerance(self, typed, credit):
        assert grading.numerical_credit(typed, 3.14159, 0.01) == credit

    def test_thousands_and_exact(self):
        assert grading.numerical_credit("1,200", 1200, 0) == 1.0
        assert grading.numerical_credit("0.3", 0.1 + 0.2, 0) == 1.0

    def test_matching_share(self):
        pairs = [("ก", "ก"), ("ข", "ข"), ("ค", "ง"), ("ง", "")]
        assert grading.matching_credit(pairs) == 0.5


class TestAttempt:
    def test_take_page_hides_the_pairs_and_the_number(
        self, client, learner, mixed_quiz
    ):
        client.force_login(learner)
        html = client.post(
            reverse("quiz:start", args=[mixed_quiz.pk]), follow=True
        ).content.decode()
        matching = Question.objects.get(kind="matching")
        for item, answer in PAIRS:
            assert item in html and answer in html
        # Each select offers the answers by position only, never an option id.
        values = re.findall(rf'name="q{matching.pk}".*?</select>', html, re.S)
        assert len(values) == 4
        offered = set(re.findall(r'value="(\d+)"', "".join(values)))
        assert offered == {"0", "1", "2", "3"}
        assert "3.14" not in html and "0.01" not in html

    def test_graded_on_the_server(self, learner, mixed_quiz):
        attempt = services.attempt_start(user=learner, quiz=mixed_quiz)
        matching, numerical = (
            Question.objects.get(kind="matching"),
            Question.objects.get(kind="numerical"),
        )
        item = next(i for i in attempt.plan if i["question"] == matching.pk)
        by_id = {o.pk: o for o in matching.options.all()}
        position = {
            by_id[oid].match_th: index for index, oid in enumerate(item["choices"])
        }
        picks = [str(position[by_id[oid].match_th]) for oid in item["options"]]
        picks[0], picks[1] = picks[1], picks[0]  # two of four wrong
        attempt = services.attempt_submit(
            user=learner,
            public_id=attempt.public_id,
            responses={matching.pk: picks, numerical.pk: ["3.15"]},
        )
        credits = {a.question_id: a.credit for a in attempt.answers.all()}
        assert credits == {matching.pk: 0.5, numerical.pk: 1.0}
        assert attempt.score == 75 and attempt.passed
        review = selectors.attempt_review(attempt=attempt)
        assert [o["correct"] for o in review[0]["options"]].count(True) == 2
        assert review[1]["accepted"] == ["3.14159 ± 0.01"]

    def test_forged_picks_earn_nothing(self, learner, mixed_quiz):
        attempt = services.attempt_start(user=learner, quiz=mixed_quiz)
        matching = Question.objects.get(kind="matching")
        attempt = services.attempt_submit(
            user=learner,
            public_id=attempt.public_id,
            responses={matching.pk: ["99", "-3", "x", ""]},
        )
        assert attempt.answers.get(question=matching).credit == 0.0
