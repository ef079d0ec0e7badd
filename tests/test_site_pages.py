"""The public site: home, catalogue, course, module, lesson, search and content API."""

import pytest
from wagtail.models import Locale

from tests import factories


def translate(page, title, **fields):
    """Make and publish the English translation of a Thai page (and its parents)."""
    english = Locale.objects.get(language_code="en")
    copy = page.copy_for_translation(english, copy_parents=True, alias=False)
    copy.title = title
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    copy.refresh_from_db()
    return copy


@pytest.fixture
def d1(db):
    return factories.make_competency(
        code="D1", name_th="การรู้ดิจิทัล", name_en="Digital literacy"
    )


@pytest.fixture
def course(catalogue, d1):
    return factories.make_course(
        catalogue,
        title="รู้ทันข่าวปลอม",
        slug="fake-news",
        topic="digital_literacy",
        summary="การตรวจสอบข่าวปลอมบนสื่อสังคมออนไลน์",
        modules=2,
        lessons=2,
        competencies=[(d1, 2)],
    )


class TestPages:
    def test_home_lists_latest_courses_and_topics(self, client, course):
        html = client.get("/th/").content.decode()
        assert "รู้ทันข่าวปลอม" in html
        assert "?topic=digital_literacy" in html

    def test_catalogue_filters_by_topic_and_competency(self, client, catalogue, course):
        other = factories.make_course(
            catalogue, title="ขายของออนไลน์", topic="ecommerce"
        )
        html = client.get("/th/courses/?topic=digital_literacy").content.decode()
        assert course.title in html and other.title not in html
        html = client.get("/th/courses/?competency=D1").content.decode()
        assert course.title in html and other.title not in html
        html = client.get("/th/courses/").content.decode()
        assert course.title in html and other.title in html

    def test_course_page_shows_outline_competencies_and_start(self, client, course):
        response = client.get(course.url)
        html = response.content.decode()
        assert response.status_code == 200
        assert "บทที่ 1" in html and "บทเรียน 2.2" in html
        assert "D1" in html and "การรู้ดิจิทัล" in html
        assert "/lesson-1-1/" in html

    def test_lesson_page_has_breadcrumbs_and_neighbours(self, client, course):
        lesson = factories.LessonPage.objects.get(slug="lesson-1-2")
        html = client.get(lesson.url).content.decode()
        assert 'aria-label="Breadcrumb"' in html or "crumbs" in html
        assert course.title in html
        assert 'rel="prev"' in html and "/lesson-1-1/" in html
        assert 'rel="next"' in html and "/lesson-2-1/" in html
        assert "เนื้อหาบทเรียน 1.2" in html

    def test_english_translation_is_linked_from_the_switcher(self, client, course):
        english = translate(course, "Spotting fake news")
        html = client.get(course.url).content.decode()
        assert f'href="{english.url}"' in html
        html = client.get(english.url).content.decode()
        assert 'lang="en"' in html and "Spotting fake news" in html

    def test_draft_courses_are_hidden(self, client, catalogue, course):
        draft = factories.make_course(catalogue, title="ร่างหลักสูตร")
        draft.unpublish()
        assert "ร่างหลักสูตร" not in client.get("/th/courses/").content.decode()


class TestThaiSearch:
    def test_finds_a_thai_word_inside_thai_text(self, client, course, catalogue):
        factories.make_course(
            catalogue,
            title="เกษตรดิจิทัล",
            topic="eagriculture",
            summary="ขายผลผลิตทางออนไลน์",
        )
        for query in ("ข่าวปลอม", "ปลอม", "สื่อสังคม"):
            html = client.get("/th/search/", {"q": query}).content.decode()
            assert "รู้ทันข่าวปลอม" in html, query
            assert "เกษตรดิจิทัล" not in html, query

    def test_finds_english_words_in_english_pages(self, client, course):
        translate(
            course, "Spotting fake news", summary="Checking fake news on social media"
        )
        html = client.get("/en/search/", {"q": "social media"}).content.decode()
        assert "Spotting fake news" in html
        assert "รู้ทันข่าวปลอม" not in html

    def test_no_match_says_so(self, client, course):
        html = client.get("/th/search/", {"q": "คณิตศาสตร์ขั้นสูง"}).content.decode()
        assert "รู้ทันข่าวปลอม" not in html


class TestContentApi:
    def test_courses_expose_topic_and_competencies(self, client, course):
        response = client.get(
            "/api/v2/pages/",
            {
                "type": "courses.CoursePage",
                "fields": "topic,competencies,estimated_minutes",
            },
        )
        assert response.status_code == 200
        items = response.json()["items"]
        assert len(items) == 1
        assert items[0]["topic"] == "digital_literacy"
        assert items[0]["competencies"] == [
            {
                "code": "D1",
                "name_th": "การรู้ดิจิทัล",
                "name_en": "Digital literacy",
                "proficiency": 2,
            }
        ]

    def test_drafts_are_not_listed(self, client, catalogue, course):
        draft = factories.make_course(catalogue, title="ร่าง")
        draft.unpublish()
        items = client.get("/api/v2/pages/", {"type": "courses.CoursePage"}).json()[
            "items"
        ]
        assert [i["title"] for i in items] == ["รู้ทันข่าวปลอม"]
