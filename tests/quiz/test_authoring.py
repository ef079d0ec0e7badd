"""Trainers author the question bank and quizzes in the Wagtail admin."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from courses.quiz.models import Question, QuizPage
from tests import factories

from .helpers import make_question, make_quiz


def post_question(
    client, course, kind, options, accepted="", text="คำถามทดสอบ", **extra
):
    data = nested_form_data(
        {
            **extra,
            "course": course.pk,
            "kind": kind,
            "text_th": text,
            "text_en": "",
            "accepted_answers": accepted,
            "explanation_th": "",
            "explanation_en": "",
            "points": 1,
            "tags": "",
            "options": inline_formset(
                [{"text_th": t, "text_en": "", "is_correct": c} for t, c in options]
            ),
        }
    )
    return client.post(reverse("wagtailsnippets_quiz_question:add"), data)


class TestQuestionValidation:
    @pytest.mark.parametrize(
        ("kind", "options", "accepted", "ok"),
        [
            ("single", [("ก", True), ("ข", False)], "", True),
            ("single", [("ก", True), ("ข", True)], "", False),
            ("single", [("ก", True)], "", False),
            ("true_false", [("จริง", False), ("เท็จ", True)], "", True),
            ("true_false", [("จริง", False), ("เท็จ", False)], "", False),
            (
                "true_false",
                [("จริง", True), ("เท็จ", False), ("ไม่แน่ใจ", False)],
                "",
                False,
            ),
            ("multiple", [("ก", True), ("ข", True), ("ค", False)], "", True),
            ("multiple", [("ก", False), ("ข", False)], "", False),
            ("short", [], "ข่าวปลอม", True),
            ("short", [], "  \n ", False),
            ("short", [("ก", True), ("ข", False)], "ข่าวปลอม", False),
            ("free", [], "", True),
            ("free", [("ก", True), ("ข", False)], "", False),
        ],
    )
    def test_options_must_fit_the_type(
        self, client, roles, course, kind, options, accepted, ok
    ):
        client.force_login(factories.make_user(role="Administrator"))
        response = post_question(client, course, kind, options, accepted)
        assert (response.status_code == 302) is ok
        assert Question.objects.filter(text_th="คำถามทดสอบ").exists() is ok

    def test_trainer_may_author_a_question(self, client, roles, course):
        client.force_login(factories.make_user(role="Trainer"))
        response = post_question(client, course, "single", [("ก", True), ("ข", False)])
        assert response.status_code == 302
        question = Question.objects.get(text_th="คำถามทดสอบ")
        assert question.points == 1 and question.options.count() == 2

    @pytest.mark.parametrize("answer", ["true", "false"])
    def test_true_false_makes_its_two_options(self, client, roles, course, answer):
        client.force_login(factories.make_user(role="Trainer"))
        response = post_question(
            client, course, "true_false", [], true_false_answer=answer
        )
        assert response.status_code == 302
        question = Question.objects.get(text_th="คำถามทดสอบ")
        options = list(question.options.order_by("sort_order"))
        assert [(o.text_th, o.text_en) for o in options] == [
            ("ถูก", "True"),
            ("ผิด", "False"),
        ]
        assert [o.is_correct for o in options] == [answer == "true", answer == "false"]

    def test_true_false_without_options_needs_the_answer(self, client, roles, course):
        client.force_login(factories.make_user(role="Trainer"))
        response = post_question(client, course, "true_false", [])
        assert response.status_code == 200
        assert "เลือกว่าข้อความนี้ถูกหรือผิด" in response.content.decode()
        assert not Question.objects.exists()

    def test_volunteer_has_no_question_bank(self, client, roles, course):
        client.force_login(factories.make_user(role="Volunteer"))
        response = post_question(client, course, "single", [("ก", True), ("ข", False)])
        assert response.status_code in (302, 403) and not Question.objects.exists()


class TestBankListing:
    @pytest.fixture
    def bank(self, course, catalogue):
        other = factories.make_course(catalogue, slug="selling", title="ขายของออนไลน์")
        make_question(course, text="ข้อใดคือสัญญาณของข่าวปลอม")
        make_question(
            course,
            kind="short",
            text="สายด่วนคือเบอร์ใด",
            options=(),
            accepted_answers="1111",
        )
        make_question(other, text="ราคาขายควรครอบคลุมอะไรบ้าง")
        return other

    def test_search_finds_a_thai_word_inside_a_phrase(self, client, roles, bank):
        client.force_login(factories.make_user(role="Trainer"))
        html = client.get(
            reverse("wagtailsnippets_quiz_question:list"), {"q": "ข่าวปลอม"}
        ).content.decode()
        assert "ข้อใดคือสัญญาณของข่าวปลอม" in html and "ราคาขาย" not in html

    def test_filter_by_course(self, client, roles, course, bank):
        client.force_login(factories.make_user(role="Trainer"))
        html = client.get(
            reverse("wagtailsnippets_quiz_question:list"), {"course": bank.pk}
        ).content.decode()
        assert "ราคาขายควรครอบคลุมอะไรบ้าง" in html and "สายด่วน" not in html

    def test_filter_by_type(self, client, roles, bank):
        client.force_login(factories.make_user(role="Trainer"))
        html = client.get(
            reverse("wagtailsnippets_quiz_question:list"), {"kind": "short"}
        ).content.decode()
        assert "สายด่วนคือเบอร์ใด" in html and "ราคาขาย" not in html


class TestQuizPageForm:
    def _post_quiz(self, client, quiz, questions, random_tag=""):
        existing = list(quiz.question_links.all())
        links = [
            {
                "id": link.pk,
                "question": link.question_id,
                "DELETE": link.question not in questions,
            }
            for link in existing
        ]
        links += [
            {"question": q.pk}
            for q in questions
            if q.pk not in {link.question_id for link in existing}
        ]
        data = nested_form_data(
            {
                "title": quiz.title,
                "slug": quiz.slug,
                "intro": "",
                "pass_mark": 60,
                "attempts_allowed": 0,
                "time_limit_minutes": 0,
                "random_questions": 0,
                "random_tag": random_tag,
                "shuffle_questions": "",
                "shuffle_options": "on",
                "feedback": "always",
                "question_links": inline_formset(links, initial=len(existing)),
                "competency_links": inline_formset([]),
            }
        )
        return client.post(reverse("wagtailadmin_pages:edit", args=[quiz.pk]), data)

    def test_questions_from_another_courses_bank_are_refused(
        self, client, roles, course, catalogue
    ):
        other = factories.make_course(catalogue, slug="other", title="อีกวิชา")
        own, foreign = (
            make_question(course, text="ของวิชานี้"),
            make_question(other, text="ของวิชาอื่น"),
        )
        quiz = make_quiz(course, [own])
        client.force_login(factories.make_user(role="Administrator"))
        response = self._post_quiz(client, quiz, [own, foreign])
        assert response.status_code == 200 and "ของวิชาอื่น" in response.content.decode()
        assert list(
            QuizPage.objects.get(pk=quiz.pk)
            .get_latest_revision_as_object()
            .question_links.values_list("question_id", flat=True)
        ) == [own.pk]

    def test_own_questions_are_saved(self, client, roles, course):
        first, second = (
            make_question(course, text="ข้อแรก"),
            make_question(course, text="ข้อสอง"),
        )
        quiz = make_quiz(course, [first])
        client.force_login(factories.make_user(role="Administrator"))
        response = self._post_quiz(client, quiz, [first, second])
        assert response.status_code == 302
        latest = QuizPage.objects.get(pk=quiz.pk).get_latest_revision_as_object()
        assert [link.question_id for link in latest.question_links.all()] == [
            first.pk,
            second.pk,
        ]

    def test_a_random_tag_must_exist_in_the_bank(self, client, roles, course):
        make_question(course, text="มีแท็ก", tags=["ข่าว"])
        quiz = make_quiz(course, [])
        client.force_login(factories.make_user(role="Administrator"))
        assert (
            self._post_quiz(client, quiz, [], random_tag="ไม่มีแท็กนี้").status_code == 200
        )
        assert self._post_quiz(client, quiz, [], random_tag="ข่าว").status_code == 302


class TestQuestionChooser:
    def test_chooser_searches_thai_and_filters_by_course(
        self, client, roles, course, catalogue
    ):
        other = factories.make_course(catalogue, slug="selling", title="ขายของออนไลน์")
        make_question(course, text="ข้อใดคือสัญญาณของข่าวปลอม")
        make_question(course, text="ราคาขายควรครอบคลุมอะไร")
        make_question(other, text="ข่าวปลอมในตลาดออนไลน์")
        client.force_login(factories.make_user(role="Trainer"))
        url = reverse("wagtailsnippetchoosers_quiz_question:choose_results")
        html = client.get(url, {"q": "ข่าวปลอม"}).content.decode()
        assert (
            "สัญญาณของข่าวปลอม" in html
            and "ข่าวปลอมในตลาดออนไลน์" in html
            and "ราคาขาย" not in html
        )
        html = client.get(url, {"q": "ข่าวปลอม", "course": course.pk}).content.decode()
        assert "สัญญาณของข่าวปลอม" in html and "ตลาดออนไลน์" not in html
        assert (
            client.get(
                reverse("wagtailsnippetchoosers_quiz_question:choose")
            ).status_code
            == 200
        )

    def test_opened_from_a_quiz_it_lists_its_course_and_filters_as_chosen(
        self, client, roles, course, catalogue, django_assert_max_num_queries
    ):
        other = factories.make_course(catalogue, slug="selling", title="ขายของออนไลน์")
        make_question(course, text="ข้อเลือกตอบ", tags=["ข่าว"])
        make_question(
            course, kind="short", text="ข้อเติมคำ", options=(), accepted_answers="ก"
        )
        make_question(other, text="ข้อของวิชาอื่น", tags=["ตลาด"])
        quiz = make_quiz(course, [])
        client.force_login(factories.make_user(role="Trainer"))
        # The quiz editor carries its course to the chooser (a hidden field the
        # chooser's linkedFields reads).
        edit = client.get(reverse("wagtailadmin_pages:edit", args=[quiz.pk]))
        html = edit.content.decode()
        assert f'name="bank_course" value="{course.pk}"' in html
        assert "#id_bank_course" in html
        assert "Bank course" not in html  # the hidden field shows no English label
        url = reverse("wagtailsnippetchoosers_quiz_question:choose")
        html = client.get(url, {"course": course.pk}).json()["html"]
        assert "ข้อเลือกตอบ" in html and "ข้อเติมคำ" in html
        assert "ข้อของวิชาอื่น" not in html
        assert "ตลาด" not in html  # only this bank's tags are offered
        assert "เลือกตอบข้อเดียว" in html  # each question's type is shown
        assert html.count("data-chooser-modal-search-filter") >= 2
        results = reverse("wagtailsnippetchoosers_quiz_question:choose_results")
        html = client.get(results, {"course": course.pk, "kind": "short"}).content
        assert "ข้อเติมคำ" in html.decode() and "ข้อเลือกตอบ" not in html.decode()
        html = client.get(results, {"course": course.pk, "tag": "ข่าว"}).content
        assert "ข้อเลือกตอบ" in html.decode() and "ข้อเติมคำ" not in html.decode()

    def test_query_count_is_constant(
        self, client, roles, course, django_assert_max_num_queries
    ):
        client.force_login(factories.make_user(role="Trainer"))
        url = reverse("wagtailsnippetchoosers_quiz_question:choose_results")
        make_question(course, text="ข้อ 0", tags=["ก"])
        client.get(url, {"course": course.pk})
        with CaptureQueriesContext(connection) as few:
            client.get(url, {"course": course.pk})
        for i in range(15):
            make_question(course, text=f"ข้อ {i + 1}", tags=[f"แท็ก{i}"])
        with django_assert_max_num_queries(len(few)):
            client.get(url, {"course": course.pk})

    def test_a_new_question_starts_in_the_course_it_is_added_from(
        self, client, roles, course
    ):
        client.force_login(factories.make_user(role="Trainer"))
        html = client.get(
            reverse("wagtailsnippets_quiz_question:add"), {"course": course.pk}
        ).content.decode()
        assert f'<option value="{course.pk}" selected>' in html
        assert "page-chooser" not in html
