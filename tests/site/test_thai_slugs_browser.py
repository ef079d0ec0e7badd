"""In a browser at 1366x768: a Thai title keeps every character from the
admin's slug field to the public URL, and an abandoned autosaved draft never
stops a trainer who starts the same course again."""

import os
from pathlib import Path
from urllib.parse import unquote

import pytest
from playwright.sync_api import expect

from courses.models import CoursePage
from lms.accounts.roles import sync_roles
from tests import factories
from tests.admin_browser import admin_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(os.environ.get("SHOTS_DIR", "/tmp/shots-authoring"))
PASSWORD = "สอน-หลักสูตร-2026"
TITLE = "การขายสินค้าออนไลน์เบื้องต้น"


def _sign_in(browser, live_server, user):
    return admin_sign_in(browser, live_server, user, PASSWORD)


def _start_course(page, live_server, catalogue):
    # The catalogue's "add child page" leads here (one page type allowed).
    page.goto(f"{live_server.url}/admin/pages/{catalogue.pk}/add_subpage/")
    page.locator("#id_title").press_sequentially(TITLE)


def test_thai_title_is_kept_from_the_slug_field_to_the_url(live_server, browser):
    home = factories.ensure_site()
    sync_roles()
    catalogue = factories.make_catalogue(home)
    admin = factories.make_user(role="Administrator", password=PASSWORD)
    SHOTS.mkdir(parents=True, exist_ok=True)
    context, page = _sign_in(browser, live_server, admin)
    try:
        _start_course(page, live_server, catalogue)
        page.locator("#id_topic").select_option("ecommerce")
        page.locator("#id_summary").fill("ขายของออนไลน์อย่างปลอดภัย")
        page.get_by_role("tab", name="โปรโมท").click()
        expect(page.locator("#id_slug")).to_have_value(TITLE)
        page.screenshot(path=str(SHOTS / "thai-slug.png"))
        page.locator(
            "footer .dropdown-toggle, footer [data-w-dropdown-target=toggle]"
        ).first.click()
        page.get_by_role("button", name="เผยแพร่", exact=True).click()
        page.wait_for_url("**/admin/pages/*/")
        course = CoursePage.objects.get(title=TITLE)
        assert course.slug == TITLE and course.live

        page.goto(f"{live_server.url}{course.url}")
        expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
        assert unquote(page.url).endswith(f"/{TITLE}/")
    finally:
        context.close()


def test_starting_again_after_an_autosaved_draft(live_server, browser):
    home = factories.ensure_site()
    sync_roles()
    catalogue = factories.make_catalogue(home)
    trainer = factories.make_user(role="Trainer", password=PASSWORD)
    SHOTS.mkdir(parents=True, exist_ok=True)
    context, page = _sign_in(browser, live_server, trainer)
    try:
        # First try, abandoned: what Wagtail 8's autosave leaves behind once a
        # title is typed (a never-published draft holding the title's slug).
        first = catalogue.add_child(
            instance=CoursePage(
                title=TITLE, topic="ecommerce", summary="ร่างแรกที่ยังไม่เสร็จ", live=False
            )
        )
        first.save_revision(user=trainer)
        assert first.slug == TITLE

        # The trainer leaves it, starts the same course again and saves the
        # draft straight after typing the title. Thai typed through an input
        # method (here Playwright's insertText) fires no key-up, and the slug
        # follows the title on blur only after a 100 ms pause, so the form
        # used to leave with an empty slug: "This field is required" on the
        # Promote tab and nothing saved.
        _start_course(page, live_server, catalogue)
        page.get_by_role("button", name="บันทึกฉบับร่าง").click()
        page.wait_for_url("**/edit/**")
        expect(page.locator(".error-message")).to_have_count(0)
        page.get_by_role("tab", name="โปรโมท").click()
        expect(page.locator("#id_slug")).to_have_value(f"{TITLE}-2")
        page.get_by_role("tab", name="เนื้อหา").click()
        page.locator("#id_topic").select_option("ecommerce")
        page.locator("#id_summary").fill("ขายของออนไลน์อย่างปลอดภัย")
        page.get_by_role("button", name="บันทึกฉบับร่าง").click()
        expect(page.get_by_text("already in use")).to_have_count(0)
        page.wait_for_url("**/edit/**")
        expect(page.locator(".error-message")).to_have_count(0)
        page.screenshot(path=str(SHOTS / "draft-again.png"))

        second = CoursePage.objects.exclude(pk=first.pk).get(title=TITLE)
        assert second.slug == f"{TITLE}-2"
        assert (
            second.get_latest_revision_as_object().summary == "ขายของออนไลน์อย่างปลอดภัย"
        )
        # The first draft keeps what was typed into it.
        first_draft = CoursePage.objects.get(pk=first.pk)
        assert first_draft.get_latest_revision_as_object().summary == (
            "ร่างแรกที่ยังไม่เสร็จ"
        )
        assert first_draft.slug == TITLE
    finally:
        context.close()
