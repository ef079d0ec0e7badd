"""A volunteer's first course, on a phone: sign up, enrol, study, finish."""

import re

import pytest
from playwright.sync_api import expect

from courses.models import Enrollment, StepCompletion
from lms.accounts.models import User
from lms.accounts.roles import sync_roles
from tests import factories
from tests.quiz.helpers import make_question, make_quiz

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_sign_up_with_linked_regions_enrol_study_and_finish(live_server, phone_page):
    sync_roles()
    catalogue = factories.make_catalogue(factories.ensure_site())
    course = factories.make_course(
        catalogue, title="รู้ทันข่าวปลอม", slug="fake-news", modules=2, lessons=2
    )
    questions = [
        make_question(
            course,
            text="ข้อใดเป็นสัญญาณของข่าวปลอม",
            options=(("พาดหัวเร้าอารมณ์", True), ("มีแหล่งที่มาชัดเจน", False)),
        ),
        make_question(
            course,
            text="ควรทำอย่างไรก่อนแชร์ข่าว",
            options=(("ตรวจสอบแหล่งที่มา", True), ("แชร์ทันที", False)),
        ),
    ]
    make_quiz(
        course,
        questions,
        title="แบบทดสอบท้ายหลักสูตร",
        pass_mark=100,
        shuffle_options=True,
    )
    page = phone_page

    page.goto(f"{live_server.url}/th/accounts/signup/")
    page.get_by_label("ชื่อ", exact=True).fill("สมหญิง")
    page.get_by_label("นามสกุล").fill("รักเรียน")
    page.get_by_label("โทรศัพท์มือถือ").fill("0815551234")
    url_before = page.url
    district = page.locator("[data-region=district]")
    page.locator("[data-region=province]").select_option("50")
    # The district list is filled from the server without leaving the page.
    expect(district.locator("option[value='5001']")).to_have_count(1)
    assert page.url == url_before
    district.select_option("5001")
    expect(
        page.locator("[data-region=subdistrict] option[value='500101']")
    ).to_have_count(1)
    page.locator("[data-region=subdistrict]").select_option("500101")
    page.get_by_label("รหัสผ่าน", exact=True).fill("ข้าวเหนียว-มะม่วง-2026")
    page.get_by_label("ยืนยันรหัสผ่าน").fill("ข้าวเหนียว-มะม่วง-2026")
    page.get_by_role("button", name="สร้างบัญชี").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("การเรียนของฉัน")
    assert User.objects.get(phone="0815551234").profile.district_code == "5001"

    page.goto(f"{live_server.url}{course.url}")
    page.get_by_role("button", name="ลงทะเบียนเรียนหลักสูตรนี้").click()
    for number in range(1, 5):
        expect(page.locator(".eyebrow")).to_have_text(f"ขั้นที่ {number} จาก 5")
        # Reading to the end of the lesson marks it complete (no button press).
        page.locator("#lesson-end").scroll_into_view_if_needed()
        expect(page.get_by_text("เรียนบทนี้จบแล้ว")).to_be_visible()
        page.locator("a[rel=next]").click()

    # The quiz: fail the first attempt, pass the second.
    expect(page.get_by_role("heading", level=1)).to_have_text("แบบทดสอบท้ายหลักสูตร")
    page.get_by_role("button", name="เริ่มทำแบบทดสอบ").click()
    page.get_by_label("มีแหล่งที่มาชัดเจน").check()
    page.get_by_label("แชร์ทันที").check()
    page.get_by_role("button", name="ส่งคำตอบ").click()
    expect(page.locator(".result")).to_contain_text("ไม่ผ่าน")
    expect(page.locator(".score")).to_contain_text(", 0 %")
    page.get_by_role("button", name="ทำใหม่อีกครั้ง").click()
    page.get_by_label("พาดหัวเร้าอารมณ์").check()
    page.get_by_label("ตรวจสอบแหล่งที่มา").check()
    page.get_by_role("button", name="ส่งคำตอบ").click()
    # Passing the final quiz completes the course: the completion screen.
    expect(page.get_by_role("heading", level=1)).to_have_text("เรียนจบหลักสูตรแล้ว!")

    page.get_by_role("navigation", name="หลัก").get_by_text("เมนู").click()
    page.get_by_role("link", name="การเรียนของฉัน", exact=True).click()
    card = page.locator(".progress-card", has_text="รู้ทันข่าวปลอม")
    expect(card.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "100")
    expect(card).to_contain_text("เรียนจบแล้ว")
    assert Enrollment.objects.get().completed_at is not None
    assert StepCompletion.objects.count() == 5

    # Sign out, then back in with the phone number.
    page.get_by_role("navigation", name="หลัก").get_by_text("เมนู").click()
    page.get_by_role("button", name="ออกจากระบบ").click()
    expect(page.get_by_text("ออกจากระบบแล้ว")).to_be_visible()
    page.goto(f"{live_server.url}/th/accounts/login/")
    page.get_by_label("โทรศัพท์หรืออีเมล").fill("081-555-1234")
    page.get_by_label("รหัสผ่าน").fill("ข้าวเหนียว-มะม่วง-2026")
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    expect(page).to_have_url(re.compile(r"/th/learn/$"))
