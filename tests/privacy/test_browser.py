"""In a browser: a volunteer (phone, Thai) accepts the notice at first sign-in,
downloads their data and asks for erasure; an administrator (1366x768)
approves it and the volunteer can no longer sign in."""

import io
import json
import os
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from lms.dataprotection import services as dataprotection
from lms.privacy.models import ErasureRequest
from tests import factories

from .conftest import EMAIL, FIRST, LAST, PHONE, make_notice

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(os.environ.get("SHOTS_DIR", "/tmp/shots-privacy"))
PASSWORD = "ข้าวเหนียว-มะม่วง-2026"


def _shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_volunteer_exports_and_asks_for_erasure_admin_approves(
    live_server, phone_page, browser, roles
):
    factories.ensure_site()
    make_notice()
    volunteer = factories.make_user(  # imported: has accepted no notice yet
        username=PHONE,
        first_name=FIRST,
        last_name=LAST,
        phone=PHONE,
        email=EMAIL,
        password=PASSWORD,
    )
    admin = factories.make_user(role="Administrator", password=PASSWORD)
    dataprotection.notice_accept(user=admin)

    page = phone_page
    page.goto(f"{live_server.url}/th/accounts/login/")
    page.get_by_label("โทรศัพท์หรืออีเมล").fill(PHONE)
    page.get_by_label("รหัสผ่าน").fill(PASSWORD)
    page.get_by_role("button", name="เข้าสู่ระบบ").click()

    # First sign-in: the notice comes first.
    expect(page.get_by_role("button", name="ยอมรับและดำเนินการต่อ")).to_be_visible()
    _shot(page, "1-accept-notice")
    page.get_by_role("button", name="ยอมรับและดำเนินการต่อ").click()
    expect(page.locator(".has-error .errorlist").first).to_contain_text("ทำเครื่องหมาย")
    page.get_by_text("ข้าพเจ้าได้อ่านประกาศความเป็นส่วนตัวแล้ว").click()
    page.get_by_role("button", name="ยอมรับและดำเนินการต่อ").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("การเรียนของฉัน")

    page.goto(f"{live_server.url}/th/accounts/profile/")
    page.get_by_role("button", name="จัดเตรียมสำเนาข้อมูลของฉัน").click()
    expect(page.get_by_text("กำลังจัดเตรียมข้อมูลของท่าน")).to_be_visible()
    page.reload()  # the worker (immediate in tests) has finished
    link = page.get_by_role("link", name="ดาวน์โหลดข้อมูลของฉัน")
    expect(link).to_be_visible()
    page.locator("#my-data").scroll_into_view_if_needed()
    _shot(page, "2-profile-my-data")
    with page.expect_download() as info:
        link.click()
    archive = zipfile.ZipFile(io.BytesIO(Path(info.value.path()).read_bytes()))
    data = json.loads(archive.read("data.json"))
    assert data["tables"]["accounts.User"]["rows"][0]["phone"] == PHONE
    assert "accounts.User.csv" in archive.namelist()

    page.get_by_role("link", name="ขอลบบัญชีของฉัน").click()
    page.get_by_label("สิ่งที่ท่านอยากแจ้งเรา").fill("ย้ายไปทำงานต่างจังหวัดแล้ว")
    page.get_by_role("button", name="ส่งคำขอ").click()
    expect(page.locator(".has-error .errorlist").first).to_contain_text("ทำเครื่องหมาย")
    page.get_by_text("ข้าพเจ้าเข้าใจว่าบัญชี").click()
    _shot(page, "3-erasure-request")
    page.get_by_role("button", name="ส่งคำขอ").click()
    expect(page.locator("[data-erasure][data-status=pending]")).to_be_visible()
    expect(page.get_by_text("รอการพิจารณา")).to_be_visible()
    _shot(page, "4-erasure-pending")
    request = ErasureRequest.objects.get(user=volunteer)

    context = browser.new_context(
        viewport={"width": 1366, "height": 768}, locale="th-TH"
    )
    admin_page = context.new_page()
    admin_page.set_default_timeout(15_000)
    try:
        admin_page.goto(f"{live_server.url}/admin/login/")
        admin_page.locator("#id_username").fill(admin.username)
        admin_page.locator("#id_password").fill(PASSWORD)
        admin_page.locator("button[type=submit]").click()
        admin_page.wait_for_url("**/admin/")
        admin_page.get_by_role("button", name="ข้อมูลส่วนบุคคล").click()
        admin_page.get_by_role("link", name="คำขอลบข้อมูล").click()
        admin_page.get_by_role("link", name=f"คำขอที่ {request.pk}").click()
        expect(admin_page.get_by_text(PHONE)).to_be_visible()
        admin_page.get_by_label("เหตุผลที่อนุมัติ").fill("ตรวจสอบตัวตนทางโทรศัพท์แล้ว")
        _shot(admin_page, "5-admin-request")
        admin_page.get_by_role("button", name="อนุมัติและลบข้อมูล").click()
        expect(admin_page.get_by_text("ลบข้อมูลของบุคคลนี้แล้ว")).to_be_visible()
        _shot(admin_page, "6-admin-done")
        admin_page.get_by_role("button", name="ข้อมูลส่วนบุคคล").click()
        admin_page.get_by_role("link", name="บันทึกรายการการประมวลผล").click()
        expect(admin_page.locator("tr[data-model='accounts.User']")).to_contain_text(
            "โทรศัพท์"
        )
        _shot(admin_page, "7-records-of-processing")
    finally:
        context.close()

    volunteer.refresh_from_db()
    assert (
        volunteer.first_name == "" and volunteer.phone == "" and not volunteer.is_active
    )
    # The volunteer's session has ended.
    page.goto(f"{live_server.url}/th/accounts/profile/")
    expect(page).to_have_url(
        f"{live_server.url}/th/accounts/login/?next=/th/accounts/profile/"
    )
