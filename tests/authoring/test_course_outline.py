"""The course outline screen: the course's modules and steps in order with
their status, reorder and rename from there, in a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.authoring import selectors
from courses.models import LessonPage, ModulePage
from tests import factories
from tests.quiz.helpers import make_question, make_quiz

pytestmark = pytest.mark.django_db


def _outline(client, course):
    return client.get(reverse("course_outline", args=[course.pk]))


class TestOutlineScreen:
    def test_shows_modules_and_steps_in_order_with_status(
        self, client, catalogue, trainer
    ):
        course = factories.make_course(catalogue, modules=2, lessons=2)
        make_quiz(course, [make_question(course)])
        lesson = LessonPage.objects.descendant_of(course).order_by("path").first()
        draft = lesson.get_latest_revision_as_object()
        draft.title = "บทเรียนที่แก้แล้ว"
        draft.save_revision(user=trainer)
        client.force_login(trainer)
        response = _outline(client, course)
        assert response.status_code == 200
        html = response.content.decode()
        titles = [
            "บทที่ 1",
            "บทเรียนที่แก้แล้ว",
            "บทเรียน 1.2",
            "บทที่ 2",
            "บทเรียน 2.2",
            "แบบทดสอบท้ายบท",
        ]
        positions = [html.index(f'value="{t}"') for t in titles]
        assert positions == sorted(positions)
        tree = selectors.course_outline_tree(course=course)
        statuses = {n.page.draft_title: n.status for n in selectors.outline_nodes(tree)}
        assert statuses["บทเรียนที่แก้แล้ว"] == selectors.CHANGED
        assert statuses["บทเรียน 1.2"] == selectors.LIVE
        assert tree.children[1].children[-1].kind == "quiz.quizpage"
        assert reverse("wagtailadmin_pages:view_draft", args=[lesson.pk]) in html

    def test_query_count_is_constant_as_the_course_grows(
        self, client, catalogue, trainer, django_assert_max_num_queries
    ):
        small = factories.make_course(catalogue, modules=1, lessons=1)
        big = factories.make_course(catalogue, modules=4, lessons=6)
        for course in (small, big):
            make_quiz(course, [make_question(course)])
        client.force_login(trainer)
        _outline(client, small)  # warm caches (content types, session)
        with CaptureQueriesContext(connection) as small_run:
            assert _outline(client, small).status_code == 200
        with django_assert_max_num_queries(len(small_run.captured_queries)):
            assert _outline(client, big).status_code == 200

    def test_a_volunteer_cannot_open_it(self, client, catalogue, roles):
        course = factories.make_course(catalogue)
        client.force_login(factories.make_user())
        assert _outline(client, course).status_code in (302, 403)

    def test_rename_makes_a_draft_title_and_the_live_title_stays(
        self, client, catalogue, trainer
    ):
        course = factories.make_course(catalogue, modules=1, lessons=1)
        module = ModulePage.objects.child_of(course).get()
        client.force_login(trainer)
        response = client.post(
            reverse("course_outline", args=[course.pk]),
            {"action": "rename", "page": module.pk, "title": "บทนำ"},
        )
        assert response.status_code == 302
        module.refresh_from_db()
        assert module.draft_title == "บทนำ" and module.title == "บทที่ 1"
        assert module.has_unpublished_changes

    def test_move_up_and_down(self, client, catalogue, administrator):
        course = factories.make_course(catalogue, modules=1, lessons=3)
        module = ModulePage.objects.child_of(course).get()
        last = LessonPage.objects.child_of(module).order_by("path").last()
        client.force_login(administrator)
        url = reverse("course_outline", args=[course.pk])
        client.post(url, {"action": "up", "page": last.pk})
        order = list(
            LessonPage.objects.child_of(module)
            .order_by("path")
            .values_list("title", flat=True)
        )
        assert order == ["บทเรียน 1.1", "บทเรียน 1.3", "บทเรียน 1.2"]
        client.post(url, {"action": "down", "page": last.pk})
        client.post(url, {"action": "down", "page": last.pk})  # already last: nothing
        order = list(
            LessonPage.objects.child_of(module)
            .order_by("path")
            .values_list("title", flat=True)
        )
        assert order == ["บทเรียน 1.1", "บทเรียน 1.2", "บทเรียน 1.3"]

    def test_a_trainer_reorders_a_course_not_live_yet_but_not_a_live_one(
        self, client, catalogue, trainer, draft_course
    ):
        module = ModulePage.objects.child_of(draft_course).get()
        quiz = module.get_children().order_by("path").last()
        client.force_login(trainer)
        client.post(
            reverse("course_outline", args=[draft_course.pk]),
            {"action": "up", "page": quiz.pk},
        )
        assert module.get_children().order_by("path")[1].pk == quiz.pk

        live = factories.make_course(catalogue, modules=1, lessons=2)
        lesson = LessonPage.objects.descendant_of(live).order_by("path").last()
        response = client.post(
            reverse("course_outline", args=[live.pk]),
            {"action": "up", "page": lesson.pk},
            follow=True,
        )
        assert list(response.context["messages"])[0].level_tag == "error"
        assert LessonPage.objects.descendant_of(live).order_by("path").last() == lesson

    @pytest.mark.parametrize(
        "data",
        [
            {"action": "rename", "page": "x", "title": "ก"},
            {"action": "rename", "page": "999999", "title": "ก"},
            {"action": "up"},
            {"action": "nonsense"},
            {"action": "approve"},
            {"action": "rename", "page": "{module}", "title": "   "},
        ],
    )
    def test_bad_input_is_a_clear_error_not_a_5xx(
        self, client, catalogue, trainer, data
    ):
        course = factories.make_course(catalogue, modules=1, lessons=1)
        other = factories.make_course(catalogue, modules=1, lessons=1)
        module = ModulePage.objects.child_of(course).get()
        data = {k: v.replace("{module}", str(module.pk)) for k, v in data.items()}
        client.force_login(trainer)
        response = client.post(
            reverse("course_outline", args=[course.pk]), data, follow=True
        )
        assert response.status_code == 200
        assert list(response.context["messages"])[0].level_tag == "error"
        # A page of another course is not this course's.
        client.post(
            reverse("course_outline", args=[course.pk]),
            {"action": "rename", "page": other.pk, "title": "ก"},
        )
        other.refresh_from_db()
        assert other.draft_title != "ก"

    def test_header_button_on_the_course_editor(self, client, catalogue, trainer):
        course = factories.make_course(catalogue)
        client.force_login(trainer)
        response = client.get(reverse("wagtailadmin_pages:edit", args=[course.pk]))
        assert reverse("course_outline", args=[course.pk]) in response.content.decode()
