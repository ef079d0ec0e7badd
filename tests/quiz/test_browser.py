"""A volunteer takes a quiz on a phone: answers are saved as they go, survive
a reload, and the result shows score, feedback and history."""

import os
from pathlib import Path

from playwright.sync_api import expect

from courses import services as course_services
from courses.quiz.models import Attempt
from tests import factories

from .helpers import make_question, make_quiz

SHOTS = Path(os.environ.get("QUIZ_SHOTS", "/tmp/shots-quiz"))


def shoot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_take_a_quiz_on_a_phone(live_server, phone_page, site_sign_in):
    factories.ensure_site()
    course = factories.make_course(factories.make_catalogue(), modules=1, lessons=1)
    single = make_question(
        course,
        text="ข้อใดเป็นสัญญาณเตือนของข่าวปลอม",
        options=(
            ("พาดหัวว่า ด่วน! แชร์ด่วน!", True),
            ("มีลิงก์ไปยังเว็บไซต์ .go.th", False),
            ("ระบุชื่อผู้เขียนและวันที่", False),
        ),
        explanation_th="ข่าวปลอมมักเร่งให้รีบแชร์ก่อนคิด",
    )
    multiple = make_question(
        course,
        kind="multiple",
        text="วิธีใดช่วยตรวจสอบภาพข่าวได้",
        options=(
            ("ค้นหาภาพย้อนกลับ", True),
            ("ตรวจกับศูนย์ต่อต้านข่าวปลอม", True),
            ("ดูจำนวนคนที่แชร์", False),
        ),
    )
    make_question(
        course,
        kind="true_false",
        text="หน่วยงานรัฐอาจโทรมาขอให้โอนเงินเพื่อตรวจสอบบัญชี",
        options=(("จริง", False), ("เท็จ", True)),
    )
    short = make_question(
        course,
        kind="short",
        text="สายด่วนศูนย์ต่อต้านข่าวปลอมคือหมายเลขใด",
        options=(),
        accepted_answers="1111",
    )
    questions = list(course.questions.order_by("pk"))
    quiz = make_quiz(
        course,
        questions,
        title="แบบทดสอบ: รู้ทันข่าวปลอม",
        time_limit_minutes=10,
        pass_mark=60,
    )
    volunteer = factories.make_user(phone="0819990001", password="pass-1234-word")
    course_services.enrollment_create(user=volunteer, course=course)

    page = phone_page
    site_sign_in(page, "0819990001", "pass-1234-word")
    page.wait_for_load_state()

    page.goto(f"{live_server.url}{quiz.url}")
    page.get_by_role("button", name="เริ่มทำแบบทดสอบ").click()
    expect(page.locator("[data-timer]")).to_contain_text(":")
    page.get_by_label("พาดหัวว่า ด่วน! แชร์ด่วน!").check()
    page.get_by_label("ค้นหาภาพย้อนกลับ").check()
    with page.expect_response(
        lambda r: r.url.endswith("/save/") and "1111" in (r.request.post_data or "")
    ):
        page.locator(f"input[name=q{short.pk}]").fill(
            " 1111 "
        )  # saved 0.8 s after typing stops
    expect(page.locator("[data-save-status]")).not_to_be_empty()
    shoot(page, "take")

    # The phone drops the page: the saved answers come back.
    page.reload()
    expect(page.get_by_label("พาดหัวว่า ด่วน! แชร์ด่วน!")).to_be_checked()
    expect(page.locator(f"input[name=q{short.pk}]")).to_have_value(" 1111 ")
    attempt = Attempt.objects.get(user=volunteer)
    assert attempt.draft[str(single.pk)] and attempt.draft[str(multiple.pk)]

    page.get_by_label("เท็จ").check()
    page.get_by_role("button", name="ส่งคำตอบ").click()
    # single 1 + multiple 0.5 + true/false 1 + short 1 = 3.5 of 4.
    expect(page.locator(".score")).to_contain_text("3 จาก 4 ข้อถูก, 87.5 %")
    expect(page.locator(".review").first).to_contain_text("ข่าวปลอมมักเร่งให้รีบแชร์ก่อนคิด")
    shoot(page, "result")
    page.set_viewport_size({"width": 360, "height": 740})
    assert (
        page.evaluate("document.documentElement.scrollWidth") <= 360
    )  # nothing overflows sideways
