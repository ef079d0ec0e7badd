"""Catalogue and course detail: public content, ETags and Last-Modified."""

import pytest

from courses.models import CoursePage, LessonPage
from tests import factories


@pytest.mark.django_db
class TestCatalogue:
    def test_lists_live_courses_in_the_requested_language_paginated(
        self, anon, catalogue
    ):
        factories.make_course(catalogue, title="ก การค้า", topic="ecommerce")
        factories.make_course(catalogue, title="ข เกษตร", topic="eagriculture")
        draft = factories.make_course(catalogue, title="ค ร่าง")
        draft.unpublish()
        response = anon.get("/courses", page_size=1)
        assert response.status_code == 200
        body = response.json()
        assert body["count"] == 2 and [c["title"] for c in body["items"]] == ["ก การค้า"]
        card = body["items"][0]
        assert card["content_url"].endswith(f"/api/v2/pages/{card['id']}/")
        assert card["topic_label"]
        assert (
            anon.get("/courses", page=2, page_size=1).json()["items"][0]["title"]
            == "ข เกษตร"
        )
        anon.language = "en"
        assert anon.get("/courses").json()["count"] == 0  # no English translations yet

    def test_filters_by_topic_and_competency(self, anon, catalogue):
        competency = factories.make_competency(code="D1")
        factories.make_course(
            catalogue,
            title="เกษตร",
            topic="eagriculture",
            competencies=[(competency, 2)],
        )
        factories.make_course(catalogue, title="ค้าขาย", topic="ecommerce")
        assert [
            c["title"]
            for c in anon.get("/courses", topic="eagriculture").json()["items"]
        ] == ["เกษตร"]
        items = anon.get("/courses", competency="D1").json()["items"]
        assert [c["title"] for c in items] == ["เกษตร"]
        assert items[0]["competencies"][0] == {
            "code": "D1",
            "name": competency.name_th,
            "proficiency": 2,
            "proficiency_name": "",
        }

    def test_an_unknown_topic_names_the_field(self, anon, catalogue):
        response = anon.get("/courses", topic="astrology")
        assert response.status_code == 422
        assert list(response.json()["fields"]) == ["topic"]

    def test_nul_characters_never_reach_the_database(self, anon, catalogue):
        # PostgreSQL cannot compare text with NUL: control characters are
        # removed from every GET parameter (lms.middleware), so not a 500.
        response = anon.get("/courses", competency="D1\x00")
        assert response.status_code == 200
        assert response.wsgi_request.GET["competency"] == "D1"

    def test_etag_gives_304_until_content_changes(self, anon, catalogue):
        course = factories.make_course(catalogue, title="เดิม")
        first = anon.get("/courses")
        etag = first["ETag"]
        assert etag and first["Last-Modified"]
        assert "Accept-Language" in first["Vary"]
        again = anon.get("/courses", headers={"If-None-Match": etag})
        assert again.status_code == 304 and again.content == b""
        course.title = "ใหม่"
        course.save_revision().publish()
        changed = anon.get("/courses", headers={"If-None-Match": etag})
        assert (
            changed.status_code == 200 and changed.json()["items"][0]["title"] == "ใหม่"
        )

    def test_if_modified_since(self, anon, catalogue):
        factories.make_course(catalogue)
        stamp = anon.get("/courses")["Last-Modified"]
        assert (
            anon.get("/courses", headers={"If-Modified-Since": stamp}).status_code
            == 304
        )

    def test_query_count_does_not_grow_with_the_catalogue(
        self, anon, catalogue, django_assert_max_num_queries
    ):
        competency = factories.make_competency()
        for size in (2, 8):
            while CoursePage.objects.count() < size:
                factories.make_course(
                    catalogue, lessons=1, competencies=[(competency, 1)]
                )
            anon.get("/courses")
            with django_assert_max_num_queries(10):
                assert len(anon.get("/courses").json()["items"]) == size


@pytest.mark.django_db
class TestCourseDetail:
    def test_outline_competencies_and_prerequisites(self, anon, catalogue):
        first = factories.make_course(catalogue, title="พื้นฐาน")
        competency = factories.make_competency(code="D2")
        course = factories.make_course(
            catalogue,
            title="ขั้นสูง",
            modules=2,
            lessons=2,
            competencies=[(competency, 1)],
        )
        course.prerequisite_links.create(prerequisite=first)
        course.save_revision().publish()
        body = anon.get(f"/courses/{course.pk}").json()
        assert body["title"] == "ขั้นสูง" and body["language"] == "th"
        assert [m["title"] for m in body["modules"]] == ["บทที่ 1", "บทที่ 2"]
        assert [s["kind"] for s in body["modules"][0]["steps"]] == ["lesson", "lesson"]
        assert body["prerequisites"] == [{"id": first.pk, "title": "พื้นฐาน"}]
        assert body["competencies"][0]["proficiency_name"] == "ระดับ 1"

    def test_english_readers_get_the_translation(self, anon, catalogue):
        from wagtail.models import Locale

        course = factories.make_course(
            catalogue, title="ขายของออนไลน์", modules=1, lessons=1
        )
        english = course.copy_for_translation(
            Locale.objects.get(language_code="en"), copy_parents=True
        )
        english.title = "Selling online"
        english.save_revision().publish()
        anon.language = "en"
        body = anon.get(f"/courses/{course.pk}").json()
        assert body["title"] == "Selling online" and body["language"] == "en"
        assert [c["title"] for c in anon.get("/courses").json()["items"]] == [
            "Selling online"
        ]
        anon.language = "th"
        assert anon.get(f"/courses/{english.pk}").json()["title"] == "ขายของออนไลน์"

    def test_lesson_content_is_in_wagtail_api_v2(self, anon, client, catalogue):
        course = factories.make_course(catalogue)
        step = anon.get(f"/courses/{course.pk}").json()["modules"][0]["steps"][0]
        content = client.get(step["content_url"].replace("http://testserver", ""))
        assert content.status_code == 200 and "body" in content.json()

    def test_unpublished_or_unknown_course_is_a_json_404(self, anon, catalogue):
        course = factories.make_course(catalogue)
        course.unpublish()
        for path in (f"/courses/{course.pk}", "/courses/999999", "/no-such-endpoint"):
            response = anon.get(path)
            assert response.status_code == 404, path
            assert response.json()["code"] == "not_found"

    def test_a_lesson_id_is_not_a_course(self, anon, catalogue):
        course = factories.make_course(catalogue)
        lesson = LessonPage.objects.descendant_of(course).first()
        assert anon.get(f"/courses/{lesson.pk}").status_code == 404

    def test_etag_changes_when_a_lesson_is_published(self, anon, catalogue):
        course = factories.make_course(catalogue)
        etag = anon.get(f"/courses/{course.pk}")["ETag"]
        assert (
            anon.get(
                f"/courses/{course.pk}", headers={"If-None-Match": etag}
            ).status_code
            == 304
        )
        lesson = LessonPage.objects.descendant_of(course).first()
        lesson.title = "บทเรียนใหม่"
        lesson.save_revision().publish()
        assert (
            anon.get(
                f"/courses/{course.pk}", headers={"If-None-Match": etag}
            ).status_code
            == 200
        )

    def test_query_count_is_fixed(self, anon, catalogue, django_assert_max_num_queries):
        small = factories.make_course(catalogue, modules=1, lessons=1)
        big = factories.make_course(catalogue, modules=4, lessons=5)
        # Warm: what every reader of a course shares is read once per process
        # and content generation (lms.pagecache.per_generation).
        anon.get(f"/courses/{small.pk}")
        anon.get(f"/courses/{big.pk}")
        with django_assert_max_num_queries(14) as small_run:
            anon.get(f"/courses/{small.pk}")
        with django_assert_max_num_queries(len(small_run.captured_queries)):
            anon.get(f"/courses/{big.pk}")


@pytest.mark.django_db
def test_schema_and_docs_are_served(anon):
    schema = anon.get("/openapi.json").json()
    assert schema["info"]["version"] == "1"
    assert "/api/v1/attempts/{attempt_id}/submit" in schema["paths"]
    assert schema["components"]["securitySchemes"]["TokenAuth"]["scheme"] == "bearer"
    docs = anon.get("/docs")
    assert docs.status_code == 200 and b"swagger" in docs.content.lower()


@pytest.mark.django_db
def test_operation_ids_are_short_and_unique(anon):
    paths = anon.get("/openapi.json").json()["paths"]
    ids = [op["operationId"] for ops in paths.values() for op in ops.values()]
    assert len(ids) == len(set(ids)) >= 24
    assert "attempt_submit" in ids and all(
        "." not in i and "lms_" not in i for i in ids
    )
