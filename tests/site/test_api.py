"""The read-only content API (Wagtail API v2) for the volunteer app."""

import pytest
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from tests import factories

from .conftest import lesson, translate

pytestmark = pytest.mark.django_db


def items(client, **params) -> list[dict]:
    response = client.get("/api/v2/pages/", params)
    assert response.status_code == 200
    return response.json()["items"]


def test_courses_expose_topic_competencies_time_and_summary(client, course):
    found = items(
        client,
        type="courses.CoursePage",
        fields="topic,competencies,estimated_minutes,summary",
    )
    assert len(found) == 1
    assert found[0]["title"] == "รู้ทันข่าวปลอม"
    assert found[0]["topic"] == "digital_literacy"
    assert found[0]["estimated_minutes"] == 95
    assert found[0]["summary"] == "การตรวจสอบข่าวปลอมบนสื่อสังคมออนไลน์"
    assert found[0]["competencies"] == [
        {
            "code": "D1",
            "name_th": "การรู้เท่าทันสื่อ",
            "name_en": "Media literacy",
            "proficiency": 2,
        }
    ]


def test_cover_is_a_webp_rendition(client, course):
    course.cover_image = Image.objects.create(
        title="ปก", file=get_test_image_file(size=(800, 600))
    )
    course.save_revision().publish()
    cover = items(client, type="courses.CoursePage", fields="cover")[0]["cover"]
    assert cover["url"].endswith(".webp")
    assert (cover["width"], cover["height"]) == (640, 360)


def test_course_without_cover_has_null_cover(client, course):
    assert items(client, type="courses.CoursePage", fields="cover")[0]["cover"] is None


def test_lessons_expose_their_body(client, course):
    detail = client.get(f"/api/v2/pages/{lesson('lesson-1-1').pk}/").json()
    assert detail["meta"]["type"] == "courses.LessonPage"
    assert detail["body"][0]["type"] == "paragraph_block"
    assert "เนื้อหาบทเรียน 1.1" in detail["body"][0]["value"]


def test_drafts_are_not_listed_or_served(client, catalogue, course):
    draft = factories.make_course(catalogue, title="ร่าง", modules=0)
    draft.unpublish()
    assert [i["title"] for i in items(client, type="courses.CoursePage")] == [
        "รู้ทันข่าวปลอม"
    ]
    # (Django's LocaleMiddleware first redirects any 404 to a /th/ path.)
    assert client.get(f"/api/v2/pages/{draft.pk}/", follow=True).status_code == 404


def test_filter_by_locale(client, course):
    translate(course, "Spotting fake news")
    found = items(client, type="courses.CoursePage", locale="en")
    assert [i["title"] for i in found] == ["Spotting fake news"]
