"""Pages run a fixed number of queries, however many courses, modules,
lessons, competencies and prerequisites there are.

Each page is measured with N and then 3N of everything under the same limit;
the count at 3N must also equal the count at N, so any per-item query fails.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from courses.models import CoursePrerequisite, LessonPage, ModulePage
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _rendered(settings):
    # What rendering costs: anonymous pages would come from the page cache.
    settings.LMS_PAGE_CACHE = False


# The most queries each page may run for an anonymous reader (rendered, not
# from the page cache). The route of a URL and the page it serves
# (HomePage.route), the site, the locales, Wagtail's view restrictions and
# what every reader of a course sees alike (its outline, steps, competencies
# and prerequisites) are kept per process for the content generation; the
# rest is the page's own content.
LIMITS = {
    "home": 0,
    "catalogue": 0,
    "catalogue_filtered": 0,
    "course": 2,
    "module": 2,
    "lesson": 0,
    "search": 9,
    "search_en": 6,
    "search_lessons": 7,
}


def url_for(name: str, course) -> str:
    module = ModulePage.objects.child_of(course).order_by("path").last()
    return {
        "home": "/th/",
        "catalogue": "/th/courses/",
        "catalogue_filtered": "/th/courses/?topic=ecommerce&competency=D1",
        "course": course.url,
        "module": module.url,
        "lesson": LessonPage.objects.child_of(module).order_by("path").last().url,
        "search": "/th/search/?q=ข่าวปลอม",
        "search_en": "/en/search/?q=fake",
        "search_lessons": "/th/search/?q=บทเรียน",
    }[name]


def build(catalogue, d1, size: int):
    """``size`` more courses, and one course with ``size`` modules of lessons,
    competencies and prerequisites; returns that course."""
    others = [
        factories.make_course(
            catalogue, summary="ข่าวปลอม", modules=1, lessons=1, competencies=[(d1, 1)]
        )
        for _ in range(size)
    ]
    competencies = [(d1, 2)] + [(factories.make_competency(), 1) for _ in range(size)]
    course = factories.make_course(
        catalogue, summary="ข่าวปลอม", modules=size, lessons=3, competencies=competencies
    )
    for other in others:
        CoursePrerequisite.objects.create(page=course, prerequisite=other)
    for page in [*others, course]:  # each with its own cover and renditions
        page.cover_image = Image.objects.create(
            title="ปก", file=get_test_image_file(size=(64, 36))
        )
        page.save_revision().publish()
    return course


def count(client, url: str) -> int:
    client.get(url)  # warm the site-root cache
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", list(LIMITS))
def test_query_count_does_not_grow(
    client, catalogue, d1, django_assert_max_num_queries, name
):
    n = 3
    course = build(catalogue, d1, n)
    at_n = count(client, url_for(name, course))
    assert at_n <= LIMITS[name]

    course = build(catalogue, d1, 2 * n)  # 3N courses in all; a 2N-module course
    url = url_for(name, course)
    client.get(url)
    with django_assert_max_num_queries(LIMITS[name]):
        client.get(url)
    assert count(client, url) == at_n


# A signed-in, enrolled learner (sessions in the database here: one query
# more than with Redis). The goals of bench/pages.py: at most 12 each.
SIGNED_IN_LIMITS = {"course": 4, "lesson": 4, "quiz": 5}


@pytest.mark.parametrize("name", list(SIGNED_IN_LIMITS))
def test_signed_in_learner_pages(client, catalogue, d1, name):
    from courses import services
    from tests.quiz.helpers import make_question, make_quiz

    learner = factories.make_user()
    client.force_login(learner)
    counts = []
    for size in (2, 6):
        course = factories.make_course(catalogue, modules=size, lessons=3)
        quiz = make_quiz(course, [make_question(course) for _ in range(size)])
        services.enrollment_create(user=learner, course=course)
        lesson = LessonPage.objects.descendant_of(course).order_by("path")[1]
        services.lesson_mark_read(user=learner, page=lesson)
        url = {"course": course.url, "lesson": lesson.url, "quiz": quiz.url}[name]
        client.get(url)  # warm: the visit is recorded, the caches filled
        counts.append(count(client, url))
    assert counts[0] == counts[1] <= SIGNED_IN_LIMITS[name]
