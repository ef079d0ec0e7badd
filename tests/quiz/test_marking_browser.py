"""In a browser at 1366×768: a trainer marks two answers in a row, typing each
mark and clicking "save", without going back to the list; after each save the
next waiting answer is highlighted with its mark field focused."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from courses import services as course_services
from courses.quiz import services
from courses.quiz.models import Answer
from lms.accounts.models import TrainerScope
from lms.accounts.roles import sync_roles
from tests import factories

from .helpers import correct_ids, make_question, make_quiz

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(os.environ.get("QUIZ_SHOTS", "/tmp/shots-quiz"))
PASSWORD = "ตรวจคำตอบ-2026"


def test_trainer_marks_two_answers_in_a_row(live_server, browser, admin_sign_in):
    factories.ensure_site()
    sync_roles()
    course = factories.make_course(factories.make_catalogue(), modules=1, lessons=1)
    choice = make_question(course)
    free = make_question(
        course, kind="free", text="อธิบายวิธีรับมือแก๊งคอลเซ็นเตอร์", options=(), points=3
    )
    quiz = make_quiz(course, [choice, free], pass_mark=60, title="รับมือมิจฉาชีพ")
    texts = ["วางสายแล้วโทรกลับเบอร์ทางการ", "ไม่บอกรหัส OTP กับใคร", "ปรึกษาลูกหลานก่อนโอน"]
    for text in texts:
        learner = factories.make_user()
        course_services.enrollment_create(user=learner, course=course)
        attempt = services.attempt_start(user=learner, quiz=quiz)
        services.attempt_submit(
            user=learner,
            public_id=attempt.public_id,
            responses={choice.pk: correct_ids(choice), free.pk: text},
        )
    trainer = factories.make_user(role="Trainer", password=PASSWORD)
    TrainerScope.objects.create(user=trainer, province_code="50")
    context = browser.new_context(
        viewport={"width": 1366, "height": 768}, locale="th-TH"
    )
    page = context.new_page()
    page.set_default_timeout(20_000)
    SHOTS.mkdir(parents=True, exist_ok=True)
    try:
        admin_sign_in(page, trainer.username, PASSWORD)
        page.get_by_role("link", name="คำตอบรอตรวจ").first.click()
        # Filter by the quiz and the trainer's province, in Thai.
        page.get_by_label("แบบทดสอบ", exact=True).select_option(label="รับมือมิจฉาชีพ")
        page.get_by_label("จังหวัด", exact=True).select_option(label="เชียงใหม่")
        page.get_by_role("button", name="กรอง").click()
        expect(page.get_by_text("คำตอบรอตรวจ 3 ข้อ")).to_be_visible()
        for number, (text, mark) in enumerate(
            zip(texts[:2], ("80", "40"), strict=True)
        ):
            current = page.locator("section.marking-answer.is-next")
            expect(current.locator("blockquote")).to_have_text(text)
            field = current.get_by_label("คะแนน (0–100)")
            expect(field).to_be_focused()
            field.fill(mark)
            current.get_by_label("ความเห็น").fill("ตรวจแล้ว")
            if number == 0:
                page.screenshot(path=str(SHOTS / "marking-before-save.png"))
            current.get_by_role("button", name="บันทึกคะแนน").click()
            expect(page.get_by_text("บันทึกคะแนนแล้ว").first).to_be_visible()
            # Still the queue, same filters, the next answer in front.
            assert f"quiz={quiz.pk}" in page.url and "province=50" in page.url
        page.screenshot(path=str(SHOTS / "marking-after-two.png"))
        nxt = page.locator("section.marking-answer.is-next")
        expect(nxt.locator("blockquote")).to_have_text(texts[2])
        expect(nxt.get_by_label("คะแนน (0–100)")).to_be_focused()
        expect(page.get_by_text("คำตอบรอตรวจ 1 ข้อ")).to_be_visible()
    except Exception:
        page.screenshot(path=str(SHOTS / "marking-failure.png"))
        raise
    finally:
        context.close()
    marks = dict(
        Answer.objects.filter(question=free, marked_by=trainer).values_list(
            "text", "credit"
        )
    )
    assert marks == {texts[0]: 0.8, texts[1]: 0.4}
