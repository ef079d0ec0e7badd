"""In a browser at 1366×768: a trainer opens a quiz's question statistics from
its editor, switches to first attempts only, and sees the distractor table."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from courses import services as course_services
from courses.quiz import services
from lms.accounts.roles import sync_roles
from tests import factories

from .helpers import make_question, make_quiz

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(os.environ.get("QUIZ_SHOTS", "/tmp/shots-quiz"))
PASSWORD = "สถิติรายข้อ-2026"


def test_trainer_reads_the_item_analysis(live_server, browser, admin_sign_in):
    factories.ensure_site()
    sync_roles()
    course = factories.make_course(factories.make_catalogue(), modules=1, lessons=1)
    questions = [
        make_question(
            course,
            text="ข้อใดคือสัญญาณของข่าวปลอม",
            options=(
                ("พาดหัวเร้าอารมณ์", True),
                ("มีแหล่งที่มาชัดเจน", False),
                ("มีวันที่เผยแพร่", False),
            ),
        ),
        make_question(
            course,
            kind="true_false",
            text="หน่วยงานรัฐโทรขอให้โอนเงิน",
            options=(("ถูก", False), ("ผิด", True)),
        ),
    ]
    questions.append(
        make_question(
            course,
            kind="multiple",
            text="วิธีใดช่วยตรวจสอบภาพข่าวได้",
            options=(
                ("ค้นหาภาพย้อนกลับ", True),
                ("ตรวจกับศูนย์ต่อต้านข่าวปลอม", True),
                ("ดูจำนวนคนที่แชร์", False),
            ),
        )
    )
    quiz = make_quiz(course, questions, title="แบบทดสอบรู้ทันข่าวปลอม", pass_mark=60)
    # Eight learners whose answers vary, so every figure has something to say:
    # option positions chosen per question.
    patterns = [
        ([0], [1], [0, 1]),
        ([0], [1], [0]),
        ([0], [0], [0, 1]),
        ([1], [1], [0, 2]),
        ([0], [1], [0, 1]),
        ([2], [0], [2]),
        ([1], [0], [1]),
        ([0], [1], [0, 1, 2]),
    ]
    for pattern in patterns:
        user = factories.make_user()
        course_services.enrollment_create(user=user, course=course)
        attempt = services.attempt_start(user=user, quiz=quiz)
        responses = {}
        for question, picks in zip(questions, pattern, strict=True):
            ids = list(
                question.options.order_by("sort_order").values_list("pk", flat=True)
            )
            responses[question.pk] = [ids[i] for i in picks]
        services.attempt_submit(
            user=user, public_id=attempt.public_id, responses=responses
        )
    trainer = factories.make_user(role="Administrator", password=PASSWORD)
    context = browser.new_context(
        viewport={"width": 1366, "height": 768}, locale="th-TH"
    )
    page = context.new_page()
    page.set_default_timeout(20_000)
    try:
        admin_sign_in(page, trainer.username, PASSWORD)
        page.goto(f"{live_server.url}/admin/pages/{quiz.pk}/edit/")
        # The page header's "⋯" menu holds the quiz's statistics.
        page.locator("header button:has(svg.icon-dots-horizontal)").first.click()
        page.get_by_role("link", name="สถิติรายข้อ").click()
        expect(page.get_by_role("columnheader", name="ดัชนีความง่าย")).to_be_visible()
        expect(page.get_by_text("พาดหัวเร้าอารมณ์").first).to_be_visible()
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "statistics.png"), full_page=True)
        if os.environ.get("UPDATE_DOCS_SCREENSHOTS"):
            page.screenshot(path="docs/item-analysis.png")
        page.get_by_role("link", name="เฉพาะครั้งแรก").click()
        expect(page.get_by_text("เฉพาะครั้งแรก")).to_be_visible()
        page.screenshot(path=str(SHOTS / "statistics-first.png"), full_page=True)
    finally:
        context.close()
