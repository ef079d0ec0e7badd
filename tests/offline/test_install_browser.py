"""The install offer comes after the first completed lesson, not on arrival.

Headless Chromium never offers to install a site, so an init script stands in
for the browser: once the page has loaded it fires ``beforeinstallprompt``
with a ``prompt()`` that counts its calls, as Chromium does on a phone that
finds the manifest and the service worker. Everything the learner does is
clicked."""

import pytest
from playwright.sync_api import expect

from courses import services
from courses.models import LessonPage
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BROWSER_OFFERS_INSTALL = """
window.addEventListener("load", () => setTimeout(() => {
  const offer = new Event("beforeinstallprompt", {cancelable: true});
  offer.prompt = () => {
    window.installPrompted = (window.installPrompted || 0) + 1;
    return Promise.resolve();
  };
  window.dispatchEvent(offer);
}, 0));
"""


@pytest.fixture
def lessons():
    catalogue = factories.make_catalogue(factories.ensure_site())
    course = factories.make_course(
        catalogue, title="รู้ทันข่าวปลอม", slug="fake-news", modules=1, lessons=2
    )
    learner = factories.make_user()
    services.enrollment_create(user=learner, course=course)
    return learner, list(LessonPage.objects.descendant_of(course).order_by("path"))


def test_install_is_offered_after_the_first_completed_lesson(
    live_server, phone_page, sign_in, lessons
):
    page = phone_page
    learner, (first, second) = lessons
    page.context.add_init_script(BROWSER_OFFERS_INSTALL)
    sign_in(page, learner)
    page.goto(f"{live_server.url}{first.url}")
    install = page.get_by_role("button", name="ติดตั้งแอป")
    # On arrival the browser offers, but nothing is finished yet: no prompt.
    page.wait_for_function("document.readyState === 'complete'")
    expect(install).to_be_hidden()

    page.get_by_role("button", name="ทำเครื่องหมายว่าเรียนจบ").click()
    expect(page.get_by_text("เรียนบทนี้จบแล้ว")).to_be_visible()
    expect(install).to_be_visible()
    page.screenshot(path="/tmp/install-offer.png")
    install.click()
    expect(install).to_be_hidden()
    assert page.evaluate("window.installPrompted") == 1


def test_not_now_is_remembered(live_server, phone_page, sign_in, lessons):
    page = phone_page
    learner, (first, second) = lessons
    page.context.add_init_script(BROWSER_OFFERS_INSTALL)
    sign_in(page, learner)
    page.goto(f"{live_server.url}{first.url}")
    page.get_by_role("button", name="ทำเครื่องหมายว่าเรียนจบ").click()
    page.get_by_role("button", name="ไว้ทีหลัง").click()
    expect(page.get_by_role("button", name="ติดตั้งแอป")).to_be_hidden()

    # The next lesson, with the browser offering again: the learner said not now.
    page.goto(f"{live_server.url}{second.url}")
    page.wait_for_function("document.readyState === 'complete'")
    page.locator("#lesson-end").scroll_into_view_if_needed()  # read to the end
    expect(page.get_by_text("เรียนบทนี้จบแล้ว")).to_be_visible()
    expect(page.get_by_role("button", name="ติดตั้งแอป")).to_be_hidden()
    assert page.evaluate("window.installPrompted") is None
