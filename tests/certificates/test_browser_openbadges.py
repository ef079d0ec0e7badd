"""On a phone: someone downloads the signed badge from the verification page,
then checks the file on the public "check a credential file" page."""

import os
from pathlib import Path

import pytest
from django.test import override_settings

from certificates import services
from tests import factories

from .conftest import make_award

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(os.environ.get("CERTIFICATES_SHOTS", "/tmp/shots-certs"))


def shoot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_download_the_baked_badge_and_check_it(live_server, phone_page, tmp_path):
    catalogue = factories.make_catalogue(factories.ensure_site())
    d1 = factories.make_competency(code="D1", name_th="การรู้ดิจิทัล")
    course = factories.make_course(
        catalogue, title="การค้าออนไลน์อย่างปลอดภัย", lessons=1, competencies=[(d1, 2)]
    )
    award = make_award(courses=[course])
    volunteer = factories.make_user(first_name="สมหญิง", last_name="ใจงาม")
    certificate = services.certificate_issue(user=volunteer, award=award)[0]
    page = phone_page
    with override_settings(CERTIFICATES_BASE_URL=live_server.url):
        page.goto(f"{live_server.url}/verify/{certificate.code}/")
        assert page.get_by_role("link", name="เพิ่มในโปรไฟล์ LinkedIn").is_visible()
        shoot(page, "verify-take-it-with-you")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        with page.expect_download() as info:
            page.get_by_role("link", name="ภาพเหรียญตรา (PNG)").click()
        badge = tmp_path / "badge.png"
        info.value.save_as(badge)
        with page.expect_download() as info:
            page.get_by_role("link", name="ใบรับรอง (JWT)").click()
        token = Path(info.value.path()).read_text()

        page.get_by_role(
            "link", name="ตรวจสอบไฟล์ใบรับรอง (ภาพเหรียญตรา .json หรือ JWT)"
        ).click()
        page.wait_for_url("**/verify/check/")
        page.get_by_label("ไฟล์ใบรับรองดิจิทัล").set_input_files(str(badge))
        page.get_by_role("button", name="ตรวจสอบ").click()
        verdict = page.locator('[data-verdict="valid"]')
        assert verdict.is_visible() and "สมหญิง ใจงาม" in verdict.inner_text()
        shoot(page, "check-file-valid")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360

        tampered = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
        page.get_by_label("หรือวางข้อความใบรับรอง").fill(tampered)
        page.get_by_role("button", name="ตรวจสอบ").click()
        assert page.locator('[data-verdict="tampered"]').is_visible()
        shoot(page, "check-file-tampered")
