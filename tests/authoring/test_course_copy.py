"""Copying a course (a provincial variant, next year's edition) copies its
modules, steps and question bank; the copy's quizzes use the copy's questions."""

import pytest
from django.urls import reverse

from courses.authoring import services
from courses.models import CoursePage
from courses.quiz.models import Question, QuizPage
from tests import factories
from tests.quiz.helpers import make_question, make_quiz

pytestmark = pytest.mark.django_db


@pytest.fixture
def course_with_bank(catalogue):
    course = factories.make_course(catalogue, modules=1, lessons=2)
    questions = [
        make_question(course, tags=["บทที่1"]),
        make_question(course, text="ข้อสองเกี่ยวกับรหัสผ่าน"),
    ]
    make_quiz(course, questions)
    return course


def test_copy_has_its_own_question_bank_and_is_a_draft(course_with_bank, trainer):
    copy = services.course_copy(
        course=course_with_bank, title="การค้าออนไลน์ เชียงใหม่", slug="", user=trainer
    )
    assert copy.pk != course_with_bank.pk and not copy.live
    assert copy.slug == "การค้าออนไลน์-เชียงใหม่"
    assert copy.get_descendants().count() == course_with_bank.get_descendants().count()
    copied = list(Question.objects.filter(course=copy).order_by("pk"))
    original = list(Question.objects.filter(course=course_with_bank).order_by("pk"))
    assert [q.text_th for q in copied] == [q.text_th for q in original]
    assert {q.pk for q in copied}.isdisjoint({q.pk for q in original})
    assert [o.text_th for o in copied[0].options.all()] == [
        o.text_th for o in original[0].options.all()
    ]
    assert list(copied[0].tags.names()) == ["บทที่1"]
    quiz = QuizPage.objects.descendant_of(copy).get()
    assert {link.question_id for link in quiz.question_links.all()} == {
        q.pk for q in copied
    }
    draft = quiz.get_latest_revision_as_object()
    assert {link.question_id for link in draft.question_links.all()} == {
        q.pk for q in copied
    }
    # The original is untouched.
    original_quiz = QuizPage.objects.descendant_of(course_with_bank).get()
    assert {link.question_id for link in original_quiz.question_links.all()} == {
        q.pk for q in original
    }


def test_copy_view_copies_and_opens_the_outline(client, course_with_bank, trainer):
    client.force_login(trainer)
    url = reverse("course_copy", args=[course_with_bank.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"title": "ฉบับปี 2570", "slug": ""})
    copy = CoursePage.objects.get(title="ฉบับปี 2570")
    assert response.status_code == 302
    assert response.url == reverse("course_outline", args=[copy.pk])
    # An empty title is a clear error, not a 5xx.
    response = client.post(url, {"title": "  "}, follow=True)
    assert response.status_code == 200
    assert "error" in {m.level_tag for m in response.context["messages"]}


def test_a_volunteer_cannot_copy(client, course_with_bank, roles):
    client.force_login(factories.make_user())
    response = client.post(
        reverse("course_copy", args=[course_with_bank.pk]), {"title": "x"}
    )
    assert response.status_code in (302, 403)
    assert not CoursePage.objects.filter(title="x").exists()
