"""On a phone: sign up through the linked region drop-downs, sign out, sign back in."""

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
PASSWORD = "ข้าวเหนียว-มะม่วง-2026"


def _shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_sign_up_with_linked_regions_sign_out_and_back_in(live_server, phone_page):
    sync_roles()
    factories.ensure_site()
    page = phone_page
    page.goto(f"{live_server.url}/th/accounts/signup/")
    _shot(page, "signup")

    page.get_by_label("ชื่อ", exact=True).fill("สมหญิง")
    page.get_by_label("นามสกุล").fill("รักเรียน")
    page.get_by_label("โทรศัพท์มือถือ").fill("081-555-1234")

    province = page.locator("[data-region=province]")
    district = page.locator("[data-region=district]")
    subdistrict = page.locator("[data-region=subdistrict]")
    expect(district).to_be_disabled()
    # A marker on window survives only if the page is not reloaded.
    page.evaluate("window.__samePage = true")
    url_before = page.url

    province.select_option("50")
    expect(district.locator("option[value='5001']")).to_have_text("เมืองเชียงใหม่")
    expect(district).to_be_enabled()
    assert district.locator("option").count() > 20
    assert page.evaluate("window.__samePage") is True
    assert page.url == url_before

    district.select_option("5001")
    expect(subdistrict.locator("option[value='500101']")).to_have_count(1)
    subdistrict.select_option("500101")

    # Changing the province empties the sub-districts and reloads the districts.
    province.select_option("10")
    expect(district.locator("option[value='1001']")).to_have_count(1)
    expect(district.locator("option[value='5001']")).to_have_count(0)
    expect(subdistrict).to_be_disabled()
    province.select_option("50")
    expect(district.locator("option[value='5001']")).to_have_count(1)
    district.select_option("5001")
    expect(subdistrict.locator("option[value='500101']")).to_have_count(1)
    subdistrict.select_option("500101")
    assert page.evaluate("window.__samePage") is True

    page.get_by_label("หมู่บ้าน").fill("บ้านสันทราย หมู่ 2")
    page.get_by_label("รหัสผ่าน", exact=True).fill(PASSWORD)
    page.get_by_label("ยืนยันรหัสผ่าน").fill(PASSWORD)
    _shot(page, "signup-filled")
    page.get_by_role("button", name="สร้างบัญชี").click()

    # Signed in, on the dashboard.
    expect(page.get_by_role("heading", level=1)).to_have_text("การเรียนของฉัน")
    # The header is one row on a phone: its links are behind the menu.
    expect(page.get_by_role("button", name="ออกจากระบบ")).to_be_hidden()
    page.get_by_role("navigation", name="หลัก").get_by_text("เมนู").click()
    expect(page.get_by_role("button", name="ออกจากระบบ")).to_be_visible()
    user = User.objects.get(phone="0815551234")
    assert (
        user.profile.province_code,
        user.profile.district_code,
        user.profile.subdistrict_code,
    ) == (
        "50",
        "5001",
        "500101",
    )

    page.get_by_role("link", name="ข้อมูลส่วนตัว").click()
    expect(
        page.locator("[data-region=district] option[value='5001']")
    ).to_have_attribute("selected", "")
    _shot(page, "profile")

    page.get_by_role("navigation", name="หลัก").get_by_text("เมนู").click()
    page.get_by_role("button", name="ออกจากระบบ").click()
    page.get_by_role("navigation", name="หลัก").get_by_text("เมนู").click()
    expect(page.get_by_role("link", name="เข้าสู่ระบบ")).to_be_visible()

    page.goto(f"{live_server.url}/th/accounts/login/")
    page.get_by_label("โทรศัพท์หรืออีเมล").fill("0815551234")
    page.get_by_label("รหัสผ่าน").fill(PASSWORD)
    _shot(page, "login")
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    expect(page).to_have_url(re.compile(r"/th/learn/$"))
    page.get_by_role("navigation", name="หลัก").get_by_text("เมนู").click()
    expect(page.get_by_role("button", name="ออกจากระบบ")).to_be_visible()


def test_signup_errors_on_a_phone(live_server, phone_page):
    factories.ensure_site()
    factories.make_user(phone="0815551234")
    page = phone_page
    page.goto(f"{live_server.url}/th/accounts/signup/")
    page.get_by_label("โทรศัพท์มือถือ").fill("0815551234")
    page.get_by_role("button", name="สร้างบัญชี").click()
    expect(page.locator("#id_phone_errors")).to_contain_text("ลงทะเบียนไว้แล้ว")
    expect(page.locator("#id_first_name_errors")).to_be_visible()
    _shot(page, "signup-errors")
