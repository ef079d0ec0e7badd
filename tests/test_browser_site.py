"""A reader's first visit, in a real browser at a phone's size."""

import re

import pytest
from playwright.sync_api import expect

from lms.demo import loader
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_site(db):
    factories.ensure_site()  # a previous live-server test may have flushed the tree
    loader.load_framework()
    _home, catalogue = loader.load_site()
    loader.load_courses(catalogue)


def test_thai_home_switch_to_english_open_course_and_lesson(
    live_server, phone_page, demo_site
):
    page = phone_page
    page.goto(f"{live_server.url}/th/")
    expect(page.locator("html")).to_have_attribute("lang", "th")
    expect(page.get_by_role("heading", level=1)).to_have_text("เรียนรู้ดิจิทัล เพื่อชุมชนของเรา")

    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Digital skills for our community"
    )

    page.get_by_role("link", name=re.compile("Spotting fake news")).first.click()
    expect(page).to_have_url(re.compile(r"/en/courses/spotting-fake-news/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Spotting fake news and online threats"
    )

    page.get_by_role("link", name="The basic signs of fake news").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "The basic signs of fake news"
    )
    expect(page.locator(".crumbs")).to_contain_text(
        "Spotting fake news and online threats"
    )

    # Back to Thai on the same lesson: the switcher links the translation.
    page.get_by_role("link", name="ไทย").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("สังเกตข่าวปลอมเบื้องต้น")
    expect(page.locator("html")).to_have_attribute("lang", "th")
