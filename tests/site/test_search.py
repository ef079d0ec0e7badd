"""Thai-aware full-text search of live courses in the reader's language."""

import re

import pytest
from wagtail.models import Locale

from courses.selectors import course_search
from lms.search.thai import segment
from tests import factories

from .conftest import translate

pytestmark = pytest.mark.django_db


def titles(client, url, q, **params) -> list[str]:
    response = client.get(url, {"q": q, **params})
    assert response.status_code == 200
    return re.findall(r'class="card-title">([^<]+)<', response.content.decode())


@pytest.fixture
def farming(catalogue):
    return factories.make_course(
        catalogue,
        title="เกษตรดิจิทัล",
        topic="eagriculture",
        summary="ขายผลผลิตทางออนไลน์",
        modules=0,
    )


def test_segment_cuts_thai_into_words_and_leaves_latin_alone():
    assert segment("การตรวจสอบข่าวปลอม").split() == ["การ", "ตรวจสอบ", "ข่าว", "ปลอม"]
    assert segment("Fake news") == "Fake news"
    assert segment("") == ""


@pytest.mark.parametrize("query", ["ข่าวปลอม", "ปลอม", "สื่อสังคม", "ตรวจสอบ ข่าว", "รู้ทัน"])
def test_finds_thai_words_inside_thai_text(client, course, farming, query):
    assert titles(client, "/th/search/", query) == ["รู้ทันข่าวปลอม"]


def test_searches_the_description_too(client, course, farming):
    assert titles(client, "/th/search/", "แหล่งที่มา") == ["รู้ทันข่าวปลอม"]


def test_every_word_of_the_query_must_match(client, course, farming):
    assert titles(client, "/th/search/", "ข่าวปลอม ผลผลิต") == []
    assert set(titles(client, "/th/search/", "ออนไลน์")) == {"รู้ทันข่าวปลอม", "เกษตรดิจิทัล"}


def test_finds_english_words_in_english_pages_only(client, course, farming):
    english = translate(
        course, "Spotting fake news", summary="Checking fake news on social media"
    )
    assert titles(client, "/en/search/", "social media") == ["Spotting fake news"]
    assert titles(client, "/en/search/", "fake") == ["Spotting fake news"]
    assert titles(client, "/en/search/", "ข่าวปลอม") == []
    assert titles(client, "/th/search/", "social media") == []
    assert english.locale.language_code == "en"


def test_drafts_are_not_found(client, course, farming):
    farming.unpublish()
    assert titles(client, "/th/search/", "ผลผลิต") == []


def test_empty_query_shows_only_the_form(client, course):
    html = client.get("/th/search/").content.decode()
    assert 'name="q"' in html and "card-title" not in html


def test_results_are_paginated(client, catalogue):
    for i in range(23):
        factories.make_course(catalogue, title=f"ข่าวปลอม ตอนที่ {i:02d}", modules=0)
    first = titles(client, "/th/search/", "ปลอม")
    second = titles(client, "/th/search/", "ปลอม", page=2)
    assert len(first) == 20 and len(second) == 3
    assert not set(first) & set(second)
    html = client.get("/th/search/", {"q": "ปลอม"}).content.decode()
    assert (
        "23" in html
        and 'rel="next" href="?q=%E0%B8%9B%E0%B8%A5%E0%B8%AD%E0%B8%A1&amp;page=2"'
        in html
    )


def test_selector_pages_results_with_card_data(
    catalogue, d1, django_assert_max_num_queries
):
    for i in range(5):
        factories.make_course(
            catalogue, title=f"ข่าวปลอม {i}", modules=0, competencies=[(d1, 1)]
        )
    thai = Locale.objects.get(language_code="th")
    page = course_search(locale=thai, query="ข่าวปลอม", page_number=2, per_page=2)
    assert page.paginator.count == 5 and len(page.object_list) == 2
    with django_assert_max_num_queries(0):
        codes = [
            link.competency.code
            for c in page.object_list
            for link in c.competency_links.all()
        ]
    assert codes == ["D1", "D1"]


def test_finds_lessons_by_words_in_their_blocks(client, course):
    from courses.models import LessonPage

    lesson = LessonPage.objects.descendant_of(course).order_by("path").first()
    lesson.body = [
        ("paragraph_block", "<p>ตั้งรหัสผ่านที่ปลอดภัย</p>"),
        (
            "callout_block",
            {"kind": "tip", "title": "เคล็ดลับ", "text": "<p>เปิดยืนยันตัวตนสองขั้นตอน</p>"},
        ),
    ]
    lesson.save_revision().publish()
    for query in ("รหัสผ่าน", "ยืนยันตัวตน"):
        html = client.get("/th/search/", {"q": query}).content.decode()
        section = re.search(
            r'<section aria-labelledby="lessons-h">.*?</section>', html, re.S
        )
        assert section, query
        assert f'href="{lesson.url}"' in section.group(0), query
    html = client.get("/th/search/", {"q": "คณิตศาสตร์"}).content.decode()
    assert "lessons-h" not in html


def test_no_match_says_so(client, course):
    html = client.get("/th/search/", {"q": "คณิตศาสตร์"}).content.decode()
    assert "card-title" not in html
    assert re.search(r'<p class="panel" role="status">[^<]*คณิตศาสตร์', html)
