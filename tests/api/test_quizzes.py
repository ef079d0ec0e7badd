"""Quizzes through the API: questions without answers, grading once, history."""

from datetime import timedelta

import pytest
from django.utils import timezone

from courses.quiz.models import Attempt
from tests.quiz.helpers import correct_ids, make_question, make_quiz, wrong_ids


@pytest.fixture
def quiz(course):
    single = make_question(course)
    short = make_question(
        course,
        kind="short",
        text="ศูนย์ต่อต้าน...ปลอม",
        options=(),
        accepted_answers="แอนตี้เฟก\nfake news",
    )
    return make_quiz(course, [single, short], pass_mark=100, attempts_allowed=3)


@pytest.fixture
def enrolled(api, course):
    api.post("/enrolments", {"course_id": course.pk})
    return api


def answers(quiz, right=True):
    single, short = [
        link.question for link in quiz.question_links.order_by("sort_order")
    ]
    return {
        "answers": [
            {
                "question": single.pk,
                "options": correct_ids(single) if right else wrong_ids(single),
            },
            {"question": short.pk, "text": "fake news" if right else "ไม่รู้"},
        ]
    }


@pytest.mark.django_db
class TestTakingAQuiz:
    def test_status_before_starting(self, enrolled, quiz):
        body = enrolled.get(f"/quizzes/{quiz.pk}").json()
        assert body["pass_mark"] == 100 and body["attempts_allowed"] == 3
        assert body["status"] == {
            "can_start": True,
            "passed": False,
            "pending": False,
            "remaining": 3,
            "open_attempt_id": None,
        }

    def test_questions_never_reveal_the_answers(self, enrolled, quiz):
        response = enrolled.post(f"/quizzes/{quiz.pk}/attempts")
        assert response.status_code == 201
        body = response.json()
        assert body["status"] == "in_progress" and len(body["questions"]) == 2
        text = response.content.decode()
        assert (
            "correct" not in text and "แอนตี้เฟก" not in text and "fake news" not in text
        )
        assert "accepted" not in text and body["review"] == []
        again = enrolled.get(f"/attempts/{body['id']}").content.decode()
        assert "correct" not in again and "fake news" not in again

    def test_autosave_then_fail_then_pass(self, enrolled, quiz, volunteer):
        attempt = enrolled.post(f"/quizzes/{quiz.pk}/attempts").json()
        saved = enrolled.put(
            f"/attempts/{attempt['id']}/answers", answers(quiz, right=False)
        )
        assert saved.json() == {"saved": True}
        reloaded = enrolled.get(f"/attempts/{attempt['id']}").json()
        assert reloaded["questions"][1]["text_answer"] == "ไม่รู้"
        failed = enrolled.post(
            f"/attempts/{attempt['id']}/submit", answers(quiz, right=False)
        ).json()
        assert (
            failed["status"] == "graded"
            and failed["passed"] is False
            and failed["questions"] == []
        )
        assert failed["feedback_shown"] and len(failed["review"]) == 2
        assert any(o["correct"] for o in failed["review"][0]["options"])
        # Submitting again changes nothing.
        again = enrolled.post(f"/attempts/{attempt['id']}/submit", answers(quiz)).json()
        assert again["passed"] is False
        second = enrolled.post(f"/quizzes/{quiz.pk}/attempts").json()
        assert second["number"] == 2
        passed = enrolled.post(f"/attempts/{second['id']}/submit", answers(quiz)).json()
        assert passed["passed"] is True and float(passed["score"]) == 100.0
        status = enrolled.get(f"/quizzes/{quiz.pk}").json()["status"]
        assert status["passed"] and not status["can_start"]
        refused = enrolled.post(f"/quizzes/{quiz.pk}/attempts")
        assert refused.status_code == 409 and refused.json()["code"] == "already_passed"
        history = enrolled.get("/attempts", quiz=quiz.pk).json()
        assert history["count"] == 2 and [a["number"] for a in history["items"]] == [
            2,
            1,
        ]
        progress = enrolled.get(
            f"/enrolments/{quiz.get_parent().get_parent().pk}"
        ).json()
        assert [s["done"] for s in progress["steps"] if s["kind"] == "quiz"] == [True]

    @pytest.mark.parametrize("mode", ["never", "on_pass"])
    def test_feedback_setting_hides_answers_after_a_failed_attempt(
        self, enrolled, quiz, mode
    ):
        quiz.feedback = mode
        quiz.save_revision().publish()
        attempt = enrolled.post(f"/quizzes/{quiz.pk}/attempts").json()
        response = enrolled.post(
            f"/attempts/{attempt['id']}/submit", answers(quiz, right=False)
        )
        body = response.json()
        assert body["passed"] is False and body["feedback_shown"] is False
        assert body["review"] == [] and "fake news" not in response.content.decode()

    def test_refusals_have_codes(self, api, course, quiz):
        response = api.post(f"/quizzes/{quiz.pk}/attempts")
        assert response.status_code == 409 and response.json()["code"] == "not_enrolled"
        api.post("/enrolments", {"course_id": course.pk})
        quiz.attempts_allowed = 1
        quiz.save_revision().publish()
        attempt = api.post(f"/quizzes/{quiz.pk}/attempts").json()
        api.post(f"/attempts/{attempt['id']}/submit", answers(quiz, right=False))
        response = api.post(f"/quizzes/{quiz.pk}/attempts")
        assert (
            response.status_code == 409
            and response.json()["code"] == "no_attempts_left"
        )

    def test_a_question_outside_the_attempt_names_the_field(
        self, enrolled, quiz, course
    ):
        stranger = make_question(course, text="ไม่อยู่ในแบบทดสอบ")
        attempt = enrolled.post(f"/quizzes/{quiz.pk}/attempts").json()
        response = enrolled.post(
            f"/attempts/{attempt['id']}/submit",
            {"answers": [{"question": stranger.pk, "options": []}]},
        )
        assert response.status_code == 422
        assert list(response.json()["fields"]) == ["answers.0.question"]
        assert Attempt.objects.get(public_id=attempt["id"]).is_open  # nothing changed

    def test_an_attempt_left_open_past_its_limit_is_closed_when_fetched(
        self, enrolled, quiz
    ):
        attempt = enrolled.post(f"/quizzes/{quiz.pk}/attempts").json()
        enrolled.put(f"/attempts/{attempt['id']}/answers", answers(quiz))
        Attempt.objects.filter(public_id=attempt["id"]).update(
            deadline=timezone.now() - timedelta(minutes=5)
        )
        body = enrolled.get(f"/attempts/{attempt['id']}").json()
        assert body["status"] == "graded" and body["late"] and body["passed"]


@pytest.mark.django_db
class TestOwnAttemptsOnly:
    def test_another_volunteers_attempt_is_404_everywhere(
        self, enrolled, other_api, quiz
    ):
        attempt = enrolled.post(f"/quizzes/{quiz.pk}/attempts").json()
        url = f"/attempts/{attempt['id']}"
        assert other_api.get(url).status_code == 404
        assert other_api.put(f"{url}/answers", answers(quiz)).status_code == 404
        response = other_api.post(f"{url}/submit", answers(quiz))
        assert response.status_code == 404 and response.json()["code"] == "not_found"
        assert Attempt.objects.get(public_id=attempt["id"]).is_open
        assert other_api.get("/attempts").json()["count"] == 0

    def test_unknown_quiz_and_bad_ids(self, enrolled, course):
        assert enrolled.get("/quizzes/999999").status_code == 404
        assert (
            enrolled.get(f"/quizzes/{course.pk}").status_code == 404
        )  # a course is not a quiz
        response = enrolled.get("/attempts/not-a-uuid")
        assert response.status_code == 422 and list(response.json()["fields"]) == [
            "attempt_id"
        ]

    def test_history_query_count_is_fixed(
        self, enrolled, course, quiz, django_assert_max_num_queries
    ):
        def take():
            attempt = enrolled.post(f"/quizzes/{quiz.pk}/attempts").json()
            enrolled.post(
                f"/attempts/{attempt['id']}/submit", answers(quiz, right=False)
            )

        take()
        enrolled.get("/attempts")
        with django_assert_max_num_queries(10) as one:
            enrolled.get("/attempts")
        queries = len(one)  # read now: the next request resets the log
        take()
        take()
        with django_assert_max_num_queries(queries):
            assert enrolled.get("/attempts").json()["count"] == 3
