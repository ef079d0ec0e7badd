"""A phone reader opens the Thai site, switches to English and studies a lesson."""

import re

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale

from courses.models import LessonPage
from tests import factories

from .conftest import translate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def bilingual_course(db):
    # live_server flushes the database between tests: build everything here.
    home = factories.ensure_site()
    catalogue = factories.make_catalogue(home)
    competency = factories.make_competency(
        code="D1", name_th="การรู้เท่าทันสื่อ", name_en="Media literacy"
    )
    course = factories.make_course(
        catalogue,
        title="รู้ทันข่าวปลอม",
        slug="fake-news",
        topic="digital_literacy",
        summary="การตรวจสอบข่าวปลอมบนสื่อสังคมออนไลน์",
        modules=1,
        lessons=2,
        competencies=[(competency, 1)],
    )
    # The Thai home page comes from a data migration; set what we look for.
    home.hero_title = "เรียนรู้ดิจิทัล"
    home.save_revision().publish()
    english_home = home.get_translation_or_none(Locale.objects.get(language_code="en"))
    if english_home is None:
        translate(home, "Digital volunteers", hero_title="Learn digital skills")
    else:
        english_home.hero_title = "Learn digital skills"
        english_home.save_revision().publish()
    english = translate(
        course, "Spotting fake news", summary="Checking fake news on social media"
    )
    for lesson in LessonPage.objects.descendant_of(course).order_by("path"):
        n = lesson.title.split()[-1]
        translate(
            lesson, f"Lesson {n}", body=[("paragraph_block", f"<p>Lesson text {n}</p>")]
        )
    return english


def test_thai_home_to_english_course_and_lesson(
    live_server, phone_page, bilingual_course
):
    page = phone_page
    page.goto(f"{live_server.url}/th/")
    expect(page.locator("html")).to_have_attribute("lang", "th")
    expect(page.get_by_role("heading", level=1)).to_have_text("เรียนรู้ดิจิทัล")
    expect(page.get_by_text("รู้ทันข่าวปลอม")).to_be_visible()

    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Learn digital skills")

    page.get_by_role("link", name=re.compile("Spotting fake news")).click()
    expect(page).to_have_url(re.compile(r"/en/courses/fake-news/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Spotting fake news")
    expect(page.get_by_text("Media literacy")).to_be_visible()

    page.get_by_role("link", name="Lesson 1.1").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Lesson 1.1")
    expect(page.get_by_text("Lesson text 1.1")).to_be_visible()
    expect(page.locator(".crumbs")).to_contain_text("Spotting fake news")

    page.get_by_role("link", name=re.compile("Next")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Lesson 1.2")

    # The switcher leads to the Thai version of the same lesson.
    page.get_by_role("link", name="ไทย").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("บทเรียน 1.2")
    expect(page.locator("html")).to_have_attribute("lang", "th")

    # Nothing is wider than the phone's screen.
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
