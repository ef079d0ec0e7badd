"""Matching and numerical questions through the API: shown without the key,
answered with the take page's ids, graded by the same services as the site."""

import json
import re

import pytest
from django.test import Client
from django.urls import reverse

from courses.quiz.models import Answer, Attempt, Option
from courses.services import enrollment_create
from tests.quiz.helpers import make_question, make_quiz

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


def make_numerical(course, value=1234.5, tolerance=0.25):
    return make_question(
        course,
        kind="numerical",
        text="ผลรวมเท่าใด",
        options=(),
        numeric_answer=value,
        numeric_tolerance=tolerance,
    )


@pytest.fixture
def mixed_quiz(course):
    return make_quiz(
        course, [make_matching(course), make_numerical(course)], pass_mark=100
    )


@pytest.fixture
def enrolled(api, course):
    api.post("/enrolments", {"course_id": course.pk})
    return api


def _start(api, quiz):
    response = api.post(f"/quizzes/{quiz.pk}/attempts")
    assert response.status_code == 201, response.content
    return response


def _by_kind(body):
    return {q["kind"]: q for q in body["questions"]}


def _pairing(question, right=4):
    """item id → choice id, ``right`` items paired with their own answer and the
    rest with another item's."""
    wanted = dict(PAIRS)
    by_text = {c["text"]: c["id"] for c in question["choices"]}
    matches = {}
    for n, option in enumerate(question["options"]):
        answer = wanted[option["text"]]
        if n >= right:
            answer = next(a for a in wanted.values() if a != answer)
        matches[str(option["id"])] = by_text[answer]
    return matches


def _answers(body, *, right=4, number=None, text="๑,๒๓๔.๖"):
    shown = _by_kind(body)
    numerical = {"question": shown["numerical"]["id"]}
    if number is not None:
        numerical["number"] = number
    else:
        numerical["text"] = text
    return {
        "answers": [
            {
                "question": shown["matching"]["id"],
                "matches": _pairing(shown["matching"], right),
            },
            numerical,
        ]
    }


@pytest.mark.django_db
class TestQuestionsHideTheKey:
    def test_matching_and_numerical_are_shown_without_their_answers(
        self, enrolled, mixed_quiz
    ):
        response = _start(enrolled, mixed_quiz)
        body = response.json()
        shown = _by_kind(body)
        matching, numerical = shown["matching"], shown["numerical"]
        assert sorted(o["text"] for o in matching["options"]) == sorted(
            item for item, _ in PAIRS
        )
        assert sorted(c["text"] for c in matching["choices"]) == sorted(
            answer for _, answer in PAIRS
        )
        # Choices are positions, not option ids: nothing ties one to its item.
        assert [c["id"] for c in matching["choices"]] == [0, 1, 2, 3]
        assert set(matching["choices"][0]) == {"id", "text"}
        assert matching["matches"] == {} and numerical["choices"] == []
        assert numerical["options"] == [] and numerical["text_answer"] == ""
        for again in (response, enrolled.get(f"/attempts/{body['id']}")):
            text = again.content.decode()
            assert "1234" not in text and "0.25" not in text
            assert "correct" not in text and "accepted" not in text
            assert '"match"' not in text and "tolerance" not in text

    def test_choice_ids_are_the_take_pages_values(
        self, enrolled, volunteer, mixed_quiz
    ):
        body = _start(enrolled, mixed_quiz).json()
        web = Client()
        web.force_login(volunteer)
        html = web.get(
            reverse("quiz:attempt", args=[body["id"]]), follow=True
        ).content.decode()
        matching = _by_kind(body)["matching"]
        first = html.index(f'name="q{matching["id"]}"')
        select = html[first : html.index("</select>", first)]
        values = {
            text: int(value)
            for value, text in re.findall(
                r'<option value="(\d+)"[^>]*>([^<]+)<', select
            )
        }
        assert values == {c["text"]: c["id"] for c in matching["choices"]}

    def test_autosaved_matches_come_back(self, enrolled, mixed_quiz):
        body = _start(enrolled, mixed_quiz).json()
        payload = _answers(body, right=3)
        saved = enrolled.put(f"/attempts/{body['id']}/answers", payload)
        assert saved.json() == {"saved": True}
        again = _by_kind(enrolled.get(f"/attempts/{body['id']}").json())
        assert again["matching"]["matches"] == payload["answers"][0]["matches"]
        assert again["numerical"]["text_answer"] == "๑,๒๓๔.๖"
        assert "correct" not in str(again)

    def test_question_query_count_is_fixed(
        self, enrolled, course, django_assert_max_num_queries
    ):
        small = make_quiz(course, [make_matching(course), make_numerical(course)])
        attempt = _start(enrolled, small).json()
        enrolled.get(f"/attempts/{attempt['id']}")
        with django_assert_max_num_queries(15) as one:
            enrolled.get(f"/attempts/{attempt['id']}")
        queries = len(one)  # read now: the next request resets the log
        big = make_quiz(
            course,
            [make_matching(course) for _ in range(5)]
            + [make_numerical(course) for _ in range(5)]
            + [make_question(course) for _ in range(3)],
        )
        attempt = _start(enrolled, big).json()
        assert len(attempt["questions"]) == 13
        with django_assert_max_num_queries(queries):
            body = enrolled.get(f"/attempts/{attempt['id']}").json()
        assert len(body["questions"]) == 13


@pytest.mark.django_db
class TestGrading:
    @pytest.mark.parametrize(
        ("right", "numerical", "score"),
        [
            (4, {"text": "๑,๒๓๔.๖"}, 100.0),
            (4, {"number": 1234.75}, 100.0),
            (2, {"text": " 1234.4 "}, 75.0),  # half of the pairs right
            (4, {"number": 1235}, 50.0),  # outside the tolerance
            (0, {"text": ""}, 0.0),
        ],
    )
    def test_same_grade_as_the_take_page(
        self, enrolled, other, course, mixed_quiz, right, numerical, score
    ):
        body = _start(enrolled, mixed_quiz).json()
        payload = _answers(body, right=right)
        payload["answers"][1] = {"question": payload["answers"][1]["question"]}
        payload["answers"][1].update(numerical)
        graded = enrolled.post(f"/attempts/{body['id']}/submit", payload).json()
        assert graded["status"] == "graded" and float(graded["score"]) == score

        # The same answers through the site's form, by another volunteer.
        enrollment_create(user=other, course=course)
        web = Client()
        web.force_login(other)
        web.post(reverse("quiz:start", args=[mixed_quiz.pk]))
        attempt = Attempt.objects.get(user=other)
        shown = _by_kind(body)
        texts = {c["id"]: c["text"] for c in shown["matching"]["choices"]}
        items = {str(o["id"]): o["text"] for o in shown["matching"]["options"]}
        chosen = {
            items[k]: texts[v] for k, v in payload["answers"][0]["matches"].items()
        }
        item = next(i for i in attempt.plan if "choices" in i)
        options = {o.pk: o for o in Option.objects.filter(question=item["question"])}
        index = {options[oid].match_th: n for n, oid in enumerate(item["choices"])}
        numeric = numerical["text"] if "text" in numerical else str(numerical["number"])
        form = {
            f"q{item['question']}": [
                index[chosen[options[oid].text_th]] for oid in item["options"]
            ],
            f"q{shown['numerical']['id']}": numeric,
        }
        web.post(reverse("quiz:submit", args=[attempt.public_id]), form)
        attempt.refresh_from_db()
        assert float(attempt.score) == score
        api_credit = dict(
            Answer.objects.filter(attempt__public_id=body["id"]).values_list(
                "question_id", "credit"
            )
        )
        web_credit = dict(attempt.answers.values_list("question_id", "credit"))
        assert api_credit == web_credit

    def test_review_after_grading_shows_the_pairs(self, enrolled, mixed_quiz):
        body = _start(enrolled, mixed_quiz).json()
        graded = enrolled.post(
            f"/attempts/{body['id']}/submit", _answers(body, right=3)
        ).json()
        review = {r["kind"]: r for r in graded["review"]}
        options = review["matching"]["options"]
        assert sum(o["correct"] for o in options) == 3
        assert all(o["match"] == dict(PAIRS)[o["text"]] for o in options)
        assert review["matching"]["credit"] == 0.75
        assert review["numerical"]["accepted_answers"] == ["1234.5 ± 0.25"]

    def test_a_second_submission_counts_once(self, enrolled, mixed_quiz):
        body = _start(enrolled, mixed_quiz).json()
        first = enrolled.post(
            f"/attempts/{body['id']}/submit", _answers(body, right=0, text="1")
        ).json()
        assert float(first["score"]) == 0.0
        again = enrolled.post(f"/attempts/{body['id']}/submit", _answers(body))
        assert again.status_code == 200 and float(again.json()["score"]) == 0.0
        assert Answer.objects.filter(attempt__public_id=body["id"]).count() == 2
        assert Attempt.objects.get(public_id=body["id"]).score == 0


@pytest.mark.django_db
class TestBadAnswers:
    @pytest.mark.parametrize(
        ("change", "field", "message"),
        [
            (
                lambda m, n: m.update(matches={"999999": 0}),
                "answers.0.matches.999999",
                "รายการนี้ไม่ได้อยู่ในคำถาม",
            ),
            (
                lambda m, n: m.update(matches=dict.fromkeys(m["matches"], 99)),
                "answers.0.matches.",
                "คำตอบนี้ไม่ได้เป็นหนึ่งในตัวเลือกของคำถาม",
            ),
            (
                lambda m, n: m.update(matches=[0, 1]),
                "answers.0.matches",
                "ออบเจกต์",
            ),
            (
                lambda m, n: m.update(matches={"abc": 0}),
                "answers.0.matches.abc.[key]",
                "จำนวนเต็ม",
            ),
            (
                lambda m, n: m.update(options=[1]),
                "answers.0.options",
                "ไม่ได้ตอบด้วยช่องนี้",
            ),
            (
                lambda m, n: n.update(text="สามจุดห้า"),
                "answers.1.text",
                "กรอกตัวเลข",
            ),
            (lambda m, n: n.update(number="abc"), "answers.1.number", "กรอกตัวเลข"),
            (
                lambda m, n: n.update(number=3, text="3"),
                "answers.1.number",
                "ไม่ใช่ทั้งสองอย่าง",
            ),
            (
                lambda m, n: n.update(matches={}),
                "answers.1.matches",
                "ไม่ได้ตอบด้วยช่องนี้",
            ),
        ],
    )
    @pytest.mark.parametrize("method", ["put", "post"])
    def test_refused_with_a_message_naming_the_field(
        self, enrolled, mixed_quiz, change, field, message, method
    ):
        body = _start(enrolled, mixed_quiz).json()
        payload = _answers(body)
        matching, numerical = payload["answers"]
        change(matching, numerical)
        url = f"/attempts/{body['id']}/" + ("answers" if method == "put" else "submit")
        response = getattr(enrolled, method)(url, payload)
        assert response.status_code == 422, response.content
        error = response.json()
        assert error["code"] == "validation_error" and error["message"]
        named = [f for f in error["fields"] if f.startswith(field)]
        assert named and message in error["fields"][named[0]][0]
        attempt = Attempt.objects.get(public_id=body["id"])
        assert attempt.is_open and attempt.draft == {}

    def test_nan_is_not_a_number(self, enrolled, mixed_quiz):
        body = _start(enrolled, mixed_quiz).json()
        payload = _answers(body)
        raw = json.dumps(payload, ensure_ascii=False)
        raw = raw.replace('"text": "๑,๒๓๔.๖"', '"number": NaN')
        assert "NaN" in raw
        response = enrolled.client.post(
            f"/api/v1/attempts/{body['id']}/submit",
            raw,
            content_type="application/json",
            headers=enrolled.headers(),
        )
        assert response.status_code == 422
        assert list(response.json()["fields"]) == ["answers.1.number"]

    def test_a_single_choice_question_refuses_matches(self, enrolled, course):
        quiz = make_quiz(course, [make_question(course)])
        body = _start(enrolled, quiz).json()
        question = body["questions"][0]
        response = enrolled.post(
            f"/attempts/{body['id']}/submit",
            {"answers": [{"question": question["id"], "matches": {"1": 0}}]},
        )
        assert response.status_code == 422
        assert list(response.json()["fields"]) == ["answers.0.matches"]
        assert question["choices"] == [] and question["matches"] == {}
