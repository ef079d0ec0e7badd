"""The reads behind the public pages: right pages, right order, fixed query counts."""

import pytest
from wagtail.models import Locale

from courses import selectors
from courses.models import CoursePage, ModulePage
from tests import factories

from .conftest import lesson, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def thai(db):
    return Locale.objects.get(language_code="th")


def test_course_list_is_live_courses_of_one_locale_by_title(catalogue, course, thai):
    other = factories.make_course(catalogue, title="ก การค้า", modules=0)
    draft = factories.make_course(catalogue, title="ข ร่าง", modules=0)
    draft.unpublish()
    translate(course, "Spotting fake news")
    assert list(selectors.course_list(locale=thai)) == [other, course]


def test_course_list_by_unknown_competency_is_empty(course, thai):
    assert list(selectors.course_list(locale=thai, competency_code="ZZ9")) == []


def test_latest_courses_newest_first_and_limited(catalogue, thai):
    made = [factories.make_course(catalogue, modules=0) for _ in range(4)]
    assert selectors.latest_courses(locale=thai, limit=3) == made[::-1][:3]


def test_course_outline_in_two_query_steps_whatever_the_size(
    course, django_assert_max_num_queries
):
    module = ModulePage.objects.child_of(course).get(slug="module-2")
    module.unpublish()
    course = CoursePage.objects.get(pk=course.pk)
    with django_assert_max_num_queries(4):
        outline = selectors.course_outline(course=course)
    assert [item["module"].slug for item in outline] == ["module-1"]
    assert [s.slug for s in outline[0]["steps"]] == ["lesson-1-1", "lesson-1-2"]


def test_adjacent_steps_finds_the_course_itself(course):
    previous, following = selectors.adjacent_steps(page=lesson("lesson-1-2"))
    assert (previous.slug, following.slug) == ("lesson-1-1", "lesson-2-1")
    assert selectors.adjacent_steps(page=lesson("lesson-1-1"))[0] is None
    assert selectors.adjacent_steps(page=lesson("lesson-2-2"))[1] is None


def test_adjacent_steps_of_a_page_outside_a_course(catalogue):
    assert selectors.adjacent_steps(page=catalogue) == (None, None)


def test_breadcrumbs_from_home_in_one_query(course, django_assert_num_queries):
    page = lesson("lesson-1-1")
    with django_assert_num_queries(1):
        crumbs = selectors.breadcrumbs(page=page)
    assert [c.slug for c in crumbs] == ["home", "courses", "fake-news", "module-1"]


def test_catalogue_for_each_language(catalogue, course, thai):
    english = translate(course, "Spotting fake news")
    assert selectors.catalogue_for(locale=thai) == catalogue
    en = Locale.objects.get(language_code="en")
    assert selectors.catalogue_for(locale=en).pk == english.get_parent().pk
