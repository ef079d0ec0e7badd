"""In a browser: an administrator gives a trainer the provinces they serve.

Settings → Users → the trainer → the Roles tab, where the 77 provinces sit in
columns beside the role (they used to fold under the password fields, where
clicks landed on the password box). Saving keeps them, and the form shows
them ticked when opened again.
"""

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from lms.accounts.roles import sync_roles
from lms.accounts.selectors import scoped_provinces
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(os.environ.get("SHOTS_DIR", "/tmp/shots-reports"))
PASSWORD = "ผู้ดูแล-จังหวัด-2026"
TRAINER_PASSWORD = "วิทยากร-เดิม-2026"


def test_administrator_assigns_provinces_to_a_trainer(
    live_server, browser, admin_sign_in
):
    factories.ensure_site()
    sync_roles()
    admin = factories.make_user(role="Administrator", password=PASSWORD)
    trainer = factories.make_user(
        role="Trainer",
        first_name="วิทยากร",
        last_name="ประจำจังหวัด",
        password=TRAINER_PASSWORD,
    )
    context = browser.new_context(
        viewport={"width": 1366, "height": 768}, locale="th-TH"
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    SHOTS.mkdir(parents=True, exist_ok=True)
    try:
        page.goto(f"{live_server.url}/admin/login/")
        page.locator("#id_username").fill(admin.username)
        page.locator("#id_password").fill(PASSWORD)
        page.locator("button[type=submit]").click()
        page.wait_for_url("**/admin/")

        # Settings → Users → the trainer, as an administrator finds them.
        page.get_by_role("button", name="ตั้งค่า").click()
        # Wagtail's Thai catalogue calls it "หลายๆผู้ใช้" for now.
        page.get_by_role("link", name=re.compile("ผู้ใช้$")).click()
        page.get_by_role("link", name="วิทยากร ประจำจังหวัด").click()
        page.get_by_role("tab", name="บทบาท").click()

        chiang_mai = page.get_by_label("เชียงใหม่", exact=True)
        chiang_rai = page.get_by_label("เชียงราย", exact=True)
        expect(chiang_mai).to_be_visible()
        chiang_mai.click()
        page.get_by_text("เชียงราย", exact=True).click()  # the label is a target too
        expect(chiang_mai).to_be_checked()
        expect(chiang_rai).to_be_checked()
        page.screenshot(path=str(SHOTS / "user-scope.png"))

        page.get_by_role("button", name="บันทึก").click()
        page.wait_for_url("**/admin/users/")
        assert scoped_provinces(trainer) == {"50", "57"}

        # Opened again, the provinces are ticked; the password was not touched.
        page.get_by_role("link", name="วิทยากร ประจำจังหวัด").click()
        page.get_by_role("tab", name="บทบาท").click()
        expect(page.get_by_label("เชียงใหม่", exact=True)).to_be_checked()
        expect(page.get_by_label("เชียงราย", exact=True)).to_be_checked()
        expect(page.get_by_label("กรุงเทพมหานคร", exact=True)).not_to_be_checked()
        page.screenshot(path=str(SHOTS / "user-scope-saved.png"))
        trainer.refresh_from_db()
        assert trainer.check_password(TRAINER_PASSWORD)
    finally:
        context.close()
