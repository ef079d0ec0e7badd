"""The "My learning" dashboard and the learning includes: right numbers,
robust to page changes, and a fixed number of queries whatever the size."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.storage.fallback import FallbackStorage
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from courses import services
from courses.progress_selectors import dashboard
from lms.pagecache import forget_reader as forget
from tests import factories

from .conftest import lessons_of, translate

# One bound for every size: the page costs the same for 2 or 10 courses (it
# also shows the level, certificates and recommendations: lms/home/learning.py),
# and the stamp of the reader's rows that what is kept of it is checked against.
DASHBOARD_MAX_QUERIES = 10
# Shown again with nothing of the reader changed: session, user, the stamp.
DASHBOARD_KEPT_MAX_QUERIES = 3


def _main(response) -> str:
    """The page's own part (the menu around it has a CSRF token of its own)."""
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def enrol_in_new_courses(catalogue, learner, count, modules=2, lessons=3):
    courses = []
    for _ in range(count):
        course = factories.make_course(catalogue, modules=modules, lessons=lessons)
        services.enrollment_create(user=learner, course=course)
        services.step_complete(user=learner, page=lessons_of(course)[0])
        courses.append(course)
    return courses


class TestDashboardData:
    def test_percentages_next_step_and_completed(self, catalogue, course, learner):
        other = factories.make_course(
            catalogue, title="ขายของออนไลน์", modules=1, lessons=3
        )
        services.enrollment_create(user=learner, course=course)
        services.enrollment_create(user=learner, course=other)
        services.step_complete(user=learner, page=lessons_of(course)[0])
        for lesson in lessons_of(other):
            services.step_complete(user=learner, page=lesson)
        data = dashboard(user=learner)
        [doing] = data["in_progress"]
        assert (doing.course.pk, doing.completed, doing.total, doing.percent) == (
            course.pk,
            1,
            4,
            25,
        )
        assert doing.next_step.pk == lessons_of(course)[1].pk
        [done] = data["completed"]
        assert (done.course.pk, done.percent) == (other.pk, 100)

    def test_a_third_rounds_down(self, catalogue, learner):
        course = factories.make_course(catalogue, modules=1, lessons=3)
        services.enrollment_create(user=learner, course=course)
        for lesson in lessons_of(course)[:2]:
            services.step_complete(user=learner, page=lesson)
        assert dashboard(user=learner)["in_progress"][0].percent == 66

    def test_competencies_of_completed_courses_only(self, catalogue, learner):
        d1 = factories.make_competency(
            code="D1", name_th="การรู้ดิจิทัล", name_en="Digital literacy"
        )
        d2 = factories.make_competency(
            code="D2", name_th="ความปลอดภัย", name_en="Safety"
        )
        finished = factories.make_course(
            catalogue, modules=1, lessons=1, competencies=[(d1, 2)]
        )
        started = factories.make_course(
            catalogue, modules=1, lessons=2, competencies=[(d2, 1)]
        )
        for course in (finished, started):
            services.enrollment_create(user=learner, course=course)
            services.step_complete(user=learner, page=lessons_of(course)[0])
        with translation.override("en"):
            earned = dashboard(user=learner)["competencies"]
        assert earned == [
            {"code": "D1", "name": "Digital literacy", "proficiency": 2, "courses": 1}
        ]

    def test_titles_and_links_follow_the_readers_language(self, course, learner):
        english = translate(course, "Spotting fake news")
        english_lesson = translate(lessons_of(course)[0], "Lesson one")
        services.enrollment_create(user=learner, course=course)
        with translation.override("en"):
            [item] = dashboard(user=learner)["in_progress"]
        assert (item.display_course.pk, item.display_next.pk) == (
            english.pk,
            english_lesson.pk,
        )
        with translation.override("th"):
            [item] = dashboard(user=learner)["in_progress"]
        assert item.display_course.pk == course.pk


class TestDashboardRobustness:
    def test_unpublished_and_deleted_pages_do_not_break_it(
        self, client, catalogue, course, learner
    ):
        services.enrollment_create(user=learner, course=course)
        lessons = lessons_of(course)
        services.step_complete(user=learner, page=lessons[0])
        lessons[1].unpublish()
        lessons[2].delete()
        hidden = factories.make_course(catalogue, title="หลักสูตรที่ถอนออก")
        services.enrollment_create(user=learner, course=hidden)
        hidden.unpublish()
        gone = factories.make_course(catalogue, title="หลักสูตรที่ถูกลบ")
        services.enrollment_create(user=learner, course=gone)
        gone.delete()
        client.force_login(learner)
        response = client.get(reverse("courses:dashboard"))
        assert response.status_code == 200
        [doing] = response.context["in_progress"]
        assert (doing.completed, doing.total, doing.percent) == (1, 2, 50)
        html = response.content.decode()
        assert "หลักสูตรที่ถอนออก" not in html and "หลักสูตรที่ถูกลบ" not in html
        assert lessons[1].title not in html

    def test_moved_and_retitled_pages_are_shown_as_they_are_now(
        self, client, catalogue, course, learner
    ):
        services.enrollment_create(user=learner, course=course)
        lessons = lessons_of(course)
        services.step_complete(user=learner, page=lessons[0])
        # Retitle the next lesson; move the last lesson into another course.
        lessons[1].title = "บทเรียนชื่อใหม่"
        lessons[1].save_revision().publish()
        elsewhere = factories.make_course(catalogue, modules=1, lessons=1)
        lessons[3].move(elsewhere.get_children().first(), pos="last-child")
        client.force_login(learner)
        response = client.get(reverse("courses:dashboard"))
        [doing] = response.context["in_progress"]
        assert (doing.completed, doing.total) == (1, 3)
        assert "บทเรียนชื่อใหม่" in response.content.decode()

    def test_empty_dashboard_points_to_the_catalogue(self, client, catalogue, learner):
        client.force_login(learner)
        html = client.get(reverse("courses:dashboard")).content.decode()
        assert catalogue.url in html


class TestQueryCounts:
    def test_dashboard_queries_do_not_grow_with_courses_or_steps(
        self, client, catalogue, learner, django_assert_max_num_queries
    ):
        client.force_login(learner)
        enrol_in_new_courses(catalogue, learner, 2, modules=1, lessons=2)
        client.get(
            reverse("courses:dashboard")
        )  # warm the site and content-type caches
        forget(learner.pk)
        with django_assert_max_num_queries(DASHBOARD_MAX_QUERIES):
            response = client.get(reverse("courses:dashboard"))
        assert len(response.context["in_progress"]) == 2
        finished = enrol_in_new_courses(catalogue, learner, 8, modules=3, lessons=4)
        for lesson in lessons_of(finished[0]):
            services.step_complete(user=learner, page=lesson)
        # New pages start a new content generation: the per-process lookups
        # (site, locales, translations) are read again once (lms/pagecache.py).
        client.get(reverse("courses:dashboard"))
        forget(learner.pk)
        with django_assert_max_num_queries(DASHBOARD_MAX_QUERIES):
            response = client.get(reverse("courses:dashboard"))
        assert (
            len(response.context["in_progress"]),
            len(response.context["completed"]),
        ) == (9, 1)
        made = response
        client.get(reverse("courses:dashboard"))  # the menu's catalogue link
        with django_assert_max_num_queries(DASHBOARD_KEPT_MAX_QUERIES):
            kept = client.get(reverse("courses:dashboard"))
        assert "in_progress" not in kept.context
        assert _main(kept) == _main(made)

    @pytest.mark.parametrize("include", ["course_actions", "lesson_actions"])
    def test_includes_cost_the_same_for_small_and_large_courses(
        self, rf: RequestFactory, catalogue, learner, include
    ):
        counts = []
        for modules, lessons in ((1, 2), (6, 8)):
            course = factories.make_course(catalogue, modules=modules, lessons=lessons)
            services.enrollment_create(user=learner, course=course)
            steps = lessons_of(course)
            services.step_complete(user=learner, page=steps[0])
            page = course if include == "course_actions" else steps[1].specific
            request = rf.get(page.url)
            request.user = learner
            request.session = {}
            request._messages = FallbackStorage(request)
            render_to_string(
                f"courses/includes/{include}.html", {"page": page, "request": request}
            )
            request = rf.get(page.url)
            request.user = learner
            with CaptureQueriesContext(connection) as queries:
                html = render_to_string(
                    f"courses/includes/{include}.html",
                    {"page": page, "request": request},
                )
            assert "data-learning" in html
            counts.append(len(queries))
        assert counts[0] == counts[1]
        assert counts[0] <= 10

    def test_anonymous_course_actions_offer_sign_in(self, rf, course):
        request = rf.get(course.url)
        request.user = AnonymousUser()
        html = render_to_string(
            "courses/includes/course_actions.html", {"page": course, "request": request}
        )
        assert 'data-learning="open"' in html
        assert reverse("accounts:login") in html
