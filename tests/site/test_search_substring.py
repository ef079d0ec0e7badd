"""Search finds a Thai word inside a longer word or phrase as people type it,
and the counts shown count what is listed (SQLite and PostgreSQL)."""

import re

import pytest
from wagtail.models import Locale

from courses.selectors import course_search
from lms.search.substring import substring_words
from tests import factories

pytestmark = pytest.mark.django_db


def titles(client, q) -> list[str]:
    response = client.get("/th/search/", {"q": q})
    assert response.status_code == 200
    return re.findall(r'class="card-title">([^<]+)<', response.content.decode())


@pytest.fixture
def scams(catalogue):
    factories.make_course(
        catalogue,
        title="ระวังแก๊งคอลเซ็นเตอร์",
        summary="มิจฉาชีพโทรมาหลอกลวง",
        modules=0,
    )
    factories.make_course(catalogue, title="เกษตรดิจิทัล", summary="ขายผลผลิต", modules=0)


@pytest.mark.parametrize(
    "query",
    ["แก๊งคอล", "คอลเซ็น", "เซ็นเตอร์", "มิจฉา", "หลอก", "ลวง", "แก๊งคอล มิจฉาชีพ"],
)
def test_finds_a_thai_word_inside_longer_words(client, scams, query):
    assert titles(client, query) == ["ระวังแก๊งคอลเซ็นเตอร์"]


def test_every_word_must_still_match(client, scams):
    assert titles(client, "แก๊งคอล ผลผลิต") == []


def test_full_text_matches_come_first(client, catalogue, scams):
    factories.make_course(catalogue, title="หลอก", summary="คำเดียว", modules=0)
    assert titles(client, "หลอก") == ["หลอก", "ระวังแก๊งคอลเซ็นเตอร์"]


def test_other_languages_and_drafts_are_not_found(client, catalogue, scams):
    course = factories.make_course(catalogue, title="แก๊งคอลร่าง", modules=0)
    course.unpublish()
    assert titles(client, "แก๊งคอล") == ["ระวังแก๊งคอลเซ็นเตอร์"]
    response = client.get("/en/search/", {"q": "แก๊งคอล"})
    assert "ระวังแก๊งคอลเซ็นเตอร์" not in response.content.decode()


def test_the_count_counts_the_courses_listed(client, catalogue, scams):
    for n in range(3):
        factories.make_course(catalogue, title=f"แก๊งคอลเซ็นเตอร์ {n}", modules=0)
    thai = Locale.objects.get(language_code="th")
    page = course_search(locale=thai, query="แก๊งคอล", page_number=1, per_page=2)
    second = course_search(locale=thai, query="แก๊งคอล", page_number=2, per_page=2)
    assert page.paginator.count == 4
    assert len(page.object_list) + len(second.object_list) == 4
    html = client.get("/th/search/", {"q": "แก๊งคอล"}).content.decode()
    assert "พบ 4 หลักสูตรสำหรับ" in html


def test_query_count_does_not_grow_with_matches(
    client, catalogue, scams, django_assert_max_num_queries
):
    client.get("/th/search/", {"q": "แก๊งคอล"})  # warm caches (content types, site)
    with django_assert_max_num_queries(30) as few:
        client.get("/th/search/", {"q": "แก๊งคอล"})
    at_first = len(few.captured_queries)
    for n in range(6):
        factories.make_course(catalogue, title=f"แก๊งคอลเซ็นเตอร์ {n}", modules=0)
    # New pages start a new content generation: the per-process lookups
    # (site, translations) are read again once (lms/pagecache.py).
    client.get("/th/search/", {"q": "แก๊งคอล"})
    with django_assert_max_num_queries(at_first):
        client.get("/th/search/", {"q": "แก๊งคอล"})


def test_one_letter_words_are_not_searched_as_substrings():
    assert substring_words('ก "แก๊ง" a คอล') == ["แก๊ง", "คอล"]


def test_postgresql_uses_the_trigram_index(scams):
    from django.db import connection

    from courses.models import CoursePage
    from lms.search.substring import matching_entries

    if connection.vendor != "postgresql":
        pytest.skip("pg_trgm is PostgreSQL's; SQLite scans the index table")
    assert matching_entries(CoursePage, ["แก๊งคอล"]).count() == 1
    queryset = matching_entries(None, ["แก๊งคอล"]).values("object_id")
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "lms_search_body_text_trgm" in plan, plan
