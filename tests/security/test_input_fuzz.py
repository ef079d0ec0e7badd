"""No GET input produces a 5xx: search (full-text syntax of SQLite FTS5 and
PostgreSQL, NUL and control characters) and the other GET parameters the
site and the API read. Run on SQLite and, in CI's second run, PostgreSQL."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lms.middleware import strip_control_characters
from lms.search.thai import segment, words_only
from tests import factories

pytestmark = pytest.mark.django_db

FTS_SYNTAX = [
    '"',
    '""',
    '"ข่าว',
    "ข่าว*",
    "*",
    "a OR b",
    "NOT",
    "AND",
    "NEAR(a b)",
    "title:ข่าว",
    "^ข่าว",
    "{title}: x",
    "(",
    ")",
    "'",
    "''",
    "\\",
    "!",
    "&",
    "|",
    "<->",
    ":*",
    "-ข่าว",
    "+",
    "\x00",
    "ข่าว\x00ปลอม",
    "\x1b[31m",
    "\ud7ff\U0010ffff",
    "ก\u0300\u0e48\u0e48",
    "\u200b",
]

# Search words mixed with syntax and arbitrary Unicode (Hypothesis's text
# includes NUL, other controls, combining marks and astral characters).
queries = st.one_of(
    st.sampled_from(FTS_SYNTAX),
    st.lists(
        st.one_of(st.sampled_from(FTS_SYNTAX), st.sampled_from(["ข่าว", "news"])),
        min_size=1,
        max_size=6,
    ).map("".join),
    st.text(max_size=40),
)

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def course(catalogue):
    return factories.make_course(catalogue, title="รู้ทันข่าวปลอม", modules=1)


@FUZZ
@given(q=queries)
def test_search_never_fails(client, course, q):
    for language in ("th", "en"):
        response = client.get(f"/{language}/search/", {"q": q, "page": q})
        assert response.status_code == 200, (q, response.status_code)


@pytest.mark.parametrize("q", FTS_SYNTAX)
def test_each_piece_of_syntax_is_searched_as_text(client, course, q):
    response = client.get("/th/search/", {"q": q})
    assert response.status_code == 200


def test_syntax_around_words_still_finds_them(client, course):
    for q in ['"ข่าวปลอม"', "ข่าวปลอม*", "(ข่าว)", "ข่าว\x00ปลอม", "ข่าว:ปลอม"]:
        response = client.get("/th/search/", {"q": q})
        assert "รู้ทันข่าวปลอม" in response.content.decode(), q


GET_PARAMETERS = [
    ("/th/search/", "page"),
    ("/th/courses/", "topic"),
    ("/th/courses/", "competency"),
    ("/verify/", "code"),
    ("/th/accounts/regions/", "province"),
    ("/th/accounts/regions/", "district"),
    ("/th/accounts/login/", "next"),
    ("/api/v1/courses", "competency"),
    ("/api/v1/courses", "topic"),
    ("/api/v1/courses", "page"),
    ("/api/v1/courses", "page_size"),
]


@FUZZ
@given(value=queries, which=st.sampled_from(GET_PARAMETERS))
def test_no_get_parameter_gives_a_server_error(client, course, value, which):
    path, name = which
    response = client.get(path, {name: value})
    assert response.status_code < 500, (path, name, value, response.status_code)


def test_control_characters_are_removed_from_get_parameters(client, course):
    response = client.get("/th/search/", {"q": "ข่าว\x00\x07ปลอม\x9f"})
    assert response.context["query"] == "ข่าวปลอม"
    assert strip_control_characters("a\tb\nc\x00d\x7f") == "a\tb\ncd"


def test_only_letters_marks_and_digits_reach_the_backend():
    assert words_only('"ข่าว" OR news* (2569)') == "ข่าว OR news 2569"
    assert segment('"ข่าวปลอม"*') == "ข่าว ปลอม"
