"""On a phone, in Thai: the final quiz (warned about an unanswered question)
leads to the completion screen with the certificate; My certificates from the menu."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from competencies.models import LevelRequirement, VolunteerLevel
from courses.models import LessonPage
from courses.services import enrollment_create, step_complete
from lms.accounts.roles import sync_roles
from tests import factories
from tests.quiz.helpers import make_question, make_quiz

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(os.environ.get("SHOTS_DIR", "/tmp/shots-completion"))
DOCS = Path(__file__).resolve().parent.parent.parent / "docs"
PASSWORD = "pass-1234-word"


def _shot(page, name, docs=False):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    if docs and os.environ.get("UPDATE_DOCS_SCREENSHOTS") == "1":
        page.screenshot(path=str(DOCS / f"{name}.png"), full_page=True)


def _sign_in(page, base, phone):
    page.goto(f"{base}/th/accounts/login/")
    page.get_by_label("โทรศัพท์หรืออีเมล").fill(phone)
    page.get_by_label("รหัสผ่าน").fill(PASSWORD)
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("การเรียนของฉัน")


def test_final_quiz_to_completion_screen_and_my_certificates(
    live_server, phone_page, volunteer, course, award, settings, competency, catalogue
):
    settings.CERTIFICATES_BASE_URL = live_server.url
    sync_roles()
    village = VolunteerLevel.objects.create(
        code="village", rank=1, name_th="อาสาสมัครดิจิทัลระดับหมู่บ้าน"
    )
    LevelRequirement.objects.create(
        level=village, competency=competency, min_proficiency=2
    )
    problem = factories.make_competency(code="D2", name_th="แก้ปัญหาด้วยดิจิทัล")
    subdistrict = VolunteerLevel.objects.create(
        code="subdistrict", rank=2, name_th="อาสาสมัครดิจิทัลระดับตำบล"
    )
    LevelRequirement.objects.create(
        level=subdistrict, competency=problem, min_proficiency=1
    )
    factories.make_course(
        catalogue,
        title="ใช้ดิจิทัลแก้ปัญหาชุมชน",
        slug="community",
        competencies=[(problem, 1)],
    )
    first = make_question(course, text="ข้อใดคือสัญญาณของข่าวปลอม")
    second = make_question(
        course,
        kind="true_false",
        text="หน่วยงานรัฐขอให้โอนเงินทางโทรศัพท์",
        options=(("จริง", False), ("เท็จ", True)),
    )
    quiz = make_quiz(course, [first, second], pass_mark=50, title="แบบทดสอบท้ายหลักสูตร")
    enrollment_create(user=volunteer, course=course)
    for lesson in LessonPage.objects.descendant_of(course):
        step_complete(user=volunteer, page=lesson)

    page = phone_page
    _sign_in(page, live_server.url, "0812345678")
    page.goto(live_server.url + quiz.url)
    page.get_by_role("button", name="เริ่มทำแบบทดสอบ").click()
    page.get_by_label("พาดหัวเร้าอารมณ์").check()
    page.get_by_role("button", name="ส่งคำตอบ").click()

    # Warned: one question left blank; go back and answer it.
    warning = page.locator("#quiz-unanswered")
    expect(warning).to_be_visible()
    expect(warning).to_contain_text("ยังไม่ได้ตอบ 1 ข้อ")
    _shot(page, "quiz-unanswered")
    warning.get_by_role("button", name="กลับไปตอบ").click()
    expect(warning).to_be_hidden()
    page.get_by_label("เท็จ").check()
    page.get_by_role("button", name="ส่งคำตอบ").click()

    # The completion screen.
    expect(page.get_by_role("heading", level=1)).to_have_text("เรียนจบหลักสูตรแล้ว!")
    expect(page.get_by_text("การค้าออนไลน์อย่างปลอดภัย").first).to_be_visible()
    certificate = volunteer.certificates.get()
    pdf = page.get_by_role("link", name="ดาวน์โหลด PDF")
    expect(pdf).to_have_attribute("href", f"/th/certificates/{certificate.code}/pdf/")
    expect(page.get_by_role("link", name="แชร์ทาง LINE")).to_be_visible()
    expect(page.get_by_role("button", name="คัดลอก")).to_be_visible()
    expect(page.get_by_text("การรู้ดิจิทัล")).to_be_visible()
    expect(page.locator(".level-badge")).to_contain_text(
        "ระดับใหม่: อาสาสมัครดิจิทัลระดับหมู่บ้าน"
    )
    expect(page.get_by_role("link", name="ไปที่หลักสูตร")).to_be_visible()
    expect(page.get_by_text("ใช้ดิจิทัลแก้ปัญหาชุมชน")).to_be_visible()
    _shot(page, "completion-screen", docs=True)
    page.get_by_role("link", name="ดูเกียรติบัตร").click()
    expect(page.locator("[data-status=valid]")).to_be_visible()

    # My certificates from the header menu, on any page.
    page.goto(f"{live_server.url}/th/learn/")
    _shot(page, "my-learning", docs=True)
    page.get_by_role("navigation", name="หลัก").get_by_text("เมนู").click()
    page.get_by_role("navigation", name="หลัก").get_by_role(
        "link", name="เกียรติบัตรของฉัน"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("เกียรติบัตรของฉัน")
    expect(page.locator(f"[data-code='{certificate.code}']")).to_be_visible()


def test_submitting_anyway_is_accepted_and_said(
    live_server, phone_page, volunteer, course
):
    sync_roles()
    first = make_question(course)
    second = make_question(course, text="ข้อที่สอง")
    quiz = make_quiz(course, [first, second], pass_mark=100)
    enrollment_create(user=volunteer, course=course)
    page = phone_page
    _sign_in(page, live_server.url, "0812345678")
    page.goto(live_server.url + quiz.url)
    page.get_by_role("button", name="เริ่มทำแบบทดสอบ").click()
    page.get_by_role("button", name="ส่งคำตอบ").click()
    warning = page.locator("#quiz-unanswered")
    expect(warning).to_contain_text("ยังไม่ได้ตอบ 2 ข้อ")
    warning.get_by_role("button", name="ส่งเลย").click()
    expect(page.get_by_text("ไม่ได้ตอบ 2 ข้อ")).to_be_visible()
    expect(page.get_by_text("ไม่ผ่าน").first).to_be_visible()
