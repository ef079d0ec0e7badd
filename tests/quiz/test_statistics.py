"""Item analysis like Moodle's statistics report: facility, discrimination,
distractors, marks counted by mark, first attempts or all, and the export."""

import csv
import io
import statistics as stdlib

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses import services as course_services
from courses.quiz import services, statistics
from courses.quiz.models import Answer, Question
from tests import factories

from .helpers import correct_ids, make_question, make_quiz, wrong_ids
from .test_analysis import analysed  # noqa: F401  (the hand-computed fixture)


def _by_text(data):
    return {q["text"]: q for q in data["questions"]}


class TestFigures:
    def test_facility_discrimination_and_distractors(self, analysed):  # noqa: F811
        data = statistics.quiz_statistics(quiz=analysed)
        rows = _by_text(data)
        assert data["attempts"] == 4 and data["pass_rate"] == 25
        assert [rows[t]["facility"] for t in ("ง่าย", "ยาก", "หลายข้อ")] == [
            75.0,
            50.0,
            62.5,
        ]
        # Credits on "easy" against each learner's score on the rest of the quiz.
        expected = stdlib.correlation([1, 1, 1, 0], [2, 0.5, 0, 2])
        assert rows["ง่าย"]["discrimination"] == round(100 * expected, 1)
        options = rows["หลายข้อ"]["options"]
        assert [(o["text"], o["correct"], o["share"]) for o in options] == [
            ("ก", True, 75),
            ("ข", True, 50),
            ("ค", False, 25),
        ]

    def test_first_attempts_only(self, analysed):  # noqa: F811
        learner = (
            Answer.objects.filter(attempt__quiz=analysed, credit=0)
            .order_by("attempt__score")
            .first()
            .attempt.user
        )
        again = services.attempt_start(user=learner, quiz=analysed)
        qs = [item["question"] for item in again.plan]

        services.attempt_submit(
            user=learner,
            public_id=again.public_id,
            responses={q: correct_ids(Question.objects.get(pk=q)) for q in qs},
        )
        assert statistics.quiz_statistics(quiz=analysed)["attempts"] == 5
        first = statistics.quiz_statistics(quiz=analysed, first_only=True)
        assert first["attempts"] == 4 and first["pass_rate"] == 25

    def test_free_text_marks_are_counted_by_mark(self, course, english):
        essay = make_question(course, kind="free", text="เขียนตอบ", options=())
        quiz = make_quiz(course, [essay], pass_mark=50)
        marker = factories.make_user(role="Trainer")
        for mark in (0.8, 0.8, 0.5, 0.0):
            user = factories.make_user()
            course_services.enrollment_create(user=user, course=course)
            attempt = services.attempt_start(user=user, quiz=quiz)
            services.attempt_submit(
                user=user, public_id=attempt.public_id, responses={essay.pk: "คำตอบ"}
            )
            answer = Answer.objects.get(attempt=attempt)
            services.answer_mark(marker=marker, answer_id=answer.pk, credit=mark)
        row = statistics.quiz_statistics(quiz=quiz)["questions"][0]
        assert row["facility"] == 52.5
        assert [(m["mark"], m["count"]) for m in row["marks"]] == [
            (80, 2),
            (50, 1),
            (0, 1),
        ]


def _learners(course, quiz, questions, n):
    for i in range(n):
        user = factories.make_user()
        course_services.enrollment_create(user=user, course=course)
        attempt = services.attempt_start(user=user, quiz=quiz)
        services.attempt_submit(
            user=user,
            public_id=attempt.public_id,
            responses={
                q.pk: correct_ids(q) if i % 2 else wrong_ids(q) for q in questions
            },
        )


class TestPage:
    @pytest.fixture
    def quiz_with(self, course):
        questions = [make_question(course, text=f"ข้อ {i}") for i in range(3)]
        return make_quiz(course, questions, pass_mark=50), questions

    def test_query_count_stays_constant(self, client, roles, course, quiz_with):
        quiz, questions = quiz_with
        client.force_login(factories.make_user(role="Administrator"))
        url = reverse("quiz_analysis", args=[quiz.pk])
        _learners(course, quiz, questions, 2)
        client.get(url)
        with CaptureQueriesContext(connection) as few:
            client.get(url)
        _learners(course, quiz, questions, 12)
        with CaptureQueriesContext(connection) as many:
            response = client.get(url)
        assert response.status_code == 200
        assert len(many) == len(few)

    def test_export_has_every_response(self, client, roles, course, quiz_with):
        quiz, questions = quiz_with
        _learners(course, quiz, questions, 3)
        client.force_login(factories.make_user(role="Administrator"))
        url = reverse("quiz_responses_export", args=[quiz.pk])
        response = client.get(url, {"format": "csv"})
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert len(rows) == 1 + 3 * 3
        assert "พาดหัวเร้าอารมณ์" in {r[9] for r in rows[1:]}
        xlsx = client.get(url, {"format": "xlsx"})
        assert xlsx.content[:2] == b"PK"

    def test_volunteer_cannot_export(self, client, roles, course, quiz_with):
        quiz, _questions = quiz_with
        client.force_login(factories.make_user(role="Volunteer"))
        response = client.get(reverse("quiz_responses_export", args=[quiz.pk]))
        assert response.status_code in (302, 403)
