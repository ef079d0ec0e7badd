"""On a phone, in Thai: forgot the password, get a code by SMS (file backend), set a new one."""

import json
import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from lms.accounts.models import User
from lms.accounts.roles import sync_roles
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(os.environ.get("SHOTS_DIR", "/tmp/shots-accounts"))
OLD = "เก่า-แก่-2026-pass"
NEW = "ใหม่-เอี่ยม-2026-x"


def test_reset_by_sms_code_end_to_end(live_server, phone_page, settings, tmp_path):
    settings.SMS_BACKEND = "lms.accounts.sms.backends.filebased.SmsBackend"
    settings.SMS_FILE_PATH = str(tmp_path)
    sync_roles()
    factories.ensure_site()
    factories.make_user(phone="0815551234", email="", password=OLD)
    page = phone_page
    page.goto(f"{live_server.url}/th/accounts/login/")
    page.get_by_role("link", name="ลืมรหัสผ่าน?").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("ตั้งรหัสผ่านใหม่")
    page.get_by_label("โทรศัพท์หรืออีเมล").fill("081-555-1234")
    page.get_by_role("button", name="ส่งรหัสให้ฉัน").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("กรอกรหัส")
    files = list(tmp_path.iterdir())
    assert len(files) == 1
    message = json.loads(files[0].read_text(encoding="utf-8"))
    assert message["to"] == "0815551234"
    code = re.search(r"\b(\d{6})\b", message["text"]).group(1)
    page.screenshot(path=str(SHOTS / "reset-code.png"), full_page=True)

    page.get_by_label("รหัส 6 หลัก").fill("000000" if code != "000000" else "111111")
    page.get_by_role("button", name="ตรวจสอบรหัส").click()
    expect(page.locator(".errorlist")).to_contain_text("รหัสไม่ถูกต้อง")
    page.get_by_label("รหัส 6 หลัก").fill(code)
    page.get_by_role("button", name="ตรวจสอบรหัส").click()

    # A weak password: the Thai message sits under the first password box.
    page.get_by_label("รหัสผ่านใหม่", exact=True).fill("12345678")
    page.get_by_label("ยืนยันการตั้งรหัสผ่านใหม่").fill("12345678")
    page.get_by_role("button", name="บันทึกรหัสผ่านใหม่").click()
    expect(page.locator("#id_new_password1_errors")).to_contain_text("ตัวเลขทั้งหมด")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "reset-weak.png"), full_page=True)
    page.get_by_label("รหัสผ่านใหม่", exact=True).fill(NEW)
    page.get_by_label("ยืนยันการตั้งรหัสผ่านใหม่").fill(NEW)
    page.get_by_role("button", name="บันทึกรหัสผ่านใหม่").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("การเรียนของฉัน")
    expect(page.get_by_text("บันทึกรหัสผ่านใหม่แล้ว")).to_be_visible()
    assert User.objects.get(phone="0815551234").check_password(NEW)
