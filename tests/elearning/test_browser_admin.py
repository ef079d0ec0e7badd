"""In the admin (1366x768): a trainer uploads a zip-slip archive to a new
package step and reads why it was refused; nothing is unpacked. A good
SCORM package is then accepted."""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import expect

from courses.models import ModulePage
from elearning.models import Package, PackagePage
from lms.accounts.roles import sync_roles
from tests import factories

from . import packages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(os.environ.get("ELEARNING_SHOTS", "/tmp/shots-elearning"))
PASSWORD = "ฝึกอบรม-2026-แพ็กเกจ"


def test_trainer_upload_refused_then_accepted(live_server, browser, tmp_path):
    factories.ensure_site()
    sync_roles()
    course = factories.make_course(modules=1, lessons=1)
    module = ModulePage.objects.child_of(course).get()
    trainer = factories.make_user(role="Trainer", password=PASSWORD)
    bad = tmp_path / "evil.zip"
    bad.write_bytes(packages.bad_zip_slip())
    good = tmp_path / "course.zip"
    good.write_bytes(packages.scorm12_zip())

    context = browser.new_context(
        viewport={"width": 1366, "height": 768}, locale="th-TH"
    )
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/admin/login/")
        page.locator("#id_username").fill(trainer.username)
        page.locator("#id_password").fill(PASSWORD)
        page.locator("button[type=submit]").click()
        page.wait_for_url("**/admin/")
        page.goto(
            live_server.url
            + reverse(
                "wagtailadmin_pages:add", args=["elearning", "packagepage", module.pk]
            )
        )
        page.locator("#id_title").fill("รู้ทันข่าวปลอม")
        page.locator("#id_upload").set_input_files(str(bad))
        page.locator("footer button[type=submit]").first.click()
        error = (
            page.locator(
                "#panel-child-content-child-package-child-upload-section, [data-field-wrapper]"
            )
            .filter(has_text="นอกโฟลเดอร์")
            .first
        )
        expect(error).to_be_visible()
        page.screenshot(path=str(SHOTS / "admin-1-refused.png"), full_page=False)
        assert Package.objects.count() == 0
        root = Path(settings.ELEARNING_ROOT)
        assert not root.exists() or not any(root.iterdir())

        page.get_by_role("tab", name="โปรโมท").click()
        page.locator("#id_slug").fill("fake-news-package")
        page.get_by_role("tab", name="เนื้อหา").click()
        page.locator("#id_upload").set_input_files(str(good))
        page.locator("footer button[type=submit]").first.click()
        page.wait_for_url("**/admin/pages/**")
        expect(page.get_by_text("รู้ทันข่าวปลอม").first).to_be_visible()
        assert PackagePage.objects.get(title="รู้ทันข่าวปลอม").package.kind == "scorm12"
    finally:
        context.close()
