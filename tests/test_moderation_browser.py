"""In a browser: a trainer submits a change, an administrator rejects it with
a comment from the page editor, and the trainer receives the comment by e-mail."""

import os
from pathlib import Path

import pytest
from django.core import mail
from playwright.sync_api import expect

from courses.models import ModulePage
from lms.accounts.roles import sync_roles
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(os.environ.get("SHOTS_DIR", "/tmp/shots-reports"))
PASSWORD = "ตรวจ-เนื้อหา-2026"


def _open_actions(page):
    page.locator(
        "footer .dropdown-toggle, footer [data-w-dropdown-target=toggle]"
    ).first.click()


def test_trainer_submits_administrator_rejects_with_a_comment(
    live_server, browser, admin_sign_in
):
    factories.ensure_site()
    sync_roles()
    factories.ensure_moderation_workflow()
    course = factories.make_course(modules=1, lessons=1)
    module = ModulePage.objects.child_of(course).get()
    trainer = factories.make_user(
        role="Trainer", password=PASSWORD, email="trainer@example.org"
    )
    admin = factories.make_user(
        role="Administrator", password=PASSWORD, email="admin@example.org"
    )
    SHOTS.mkdir(parents=True, exist_ok=True)
    mail.outbox.clear()

    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="th-TH"
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        admin_sign_in(page, trainer.username, PASSWORD)
        page.goto(f"{live_server.url}/admin/pages/{module.pk}/edit/")
        page.locator("#id_title").fill("บทที่ 1 (ปรับปรุง)")
        _open_actions(page)
        page.locator("button[name=action-submit]").click()
        expect(page.locator(".messages .success")).to_be_visible()
        page.screenshot(path=str(SHOTS / "moderation-submitted.png"), full_page=True)
        context.clear_cookies()

        admin_sign_in(page, admin.username, PASSWORD)
        page.goto(f"{live_server.url}/admin/pages/{module.pk}/edit/")
        _open_actions(page)
        page.locator("button[data-workflow-action-name=reject]").click()
        comment = page.locator("textarea[name=comment]")
        comment.fill("กรุณาเพิ่มตัวอย่างจากชุมชน")
        page.screenshot(path=str(SHOTS / "moderation-reject.png"), full_page=True)
        comment.locator("xpath=ancestor::form").locator("[type=submit]").click()
        expect(page.locator(".messages")).to_be_visible()
        page.screenshot(path=str(SHOTS / "moderation-rejected.png"), full_page=True)
    finally:
        context.close()

    module.refresh_from_db()
    assert module.title != "บทที่ 1 (ปรับปรุง)"
    to_trainer = [m for m in mail.outbox if m.to == ["trainer@example.org"]]
    assert len(to_trainer) == 1 and "กรุณาเพิ่มตัวอย่างจากชุมชน" in to_trainer[0].body
