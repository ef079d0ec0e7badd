"""In a browser at 1366×768: a trainer imports a GIFT file into a course's
bank from the question bank's list, checks the preview, and saves it."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from courses.quiz.models import Question
from lms.accounts.roles import sync_roles
from tests import factories

from .test_formats import SAMPLES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(os.environ.get("QUIZ_SHOTS", "/tmp/shots-quiz"))
PASSWORD = "คลังข้อสอบ-2026"


def shoot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_trainer_imports_a_gift_file(live_server, browser, admin_sign_in):
    factories.ensure_site()
    sync_roles()
    course = factories.make_course(factories.make_catalogue(), modules=1, lessons=1)
    trainer = factories.make_user(role="Trainer", password=PASSWORD)
    context = browser.new_context(
        viewport={"width": 1366, "height": 768}, locale="th-TH"
    )
    page = context.new_page()
    page.set_default_timeout(20_000)
    try:
        admin_sign_in(page, trainer.username, PASSWORD)
        page.get_by_role("link", name="คลังข้อสอบ").first.click()
        page.get_by_role("link", name="นำเข้าคำถาม").click()
        page.get_by_label("หลักสูตร").select_option(label=course.title)
        page.get_by_label("รูปแบบไฟล์").select_option(label="GIFT (Moodle)")
        page.get_by_label("ไฟล์", exact=True).set_input_files(str(SAMPLES / "bank.gift"))
        shoot(page, "import-form")
        page.get_by_role("button", name="ตรวจไฟล์").click()
        expect(page.get_by_text("อ่านคำถามได้ 11 ข้อ")).to_be_visible()
        expect(page.get_by_text("ฟิชชิง → การหลอกขอรหัสผ่าน")).to_be_visible()
        assert not Question.objects.exists()
        shoot(page, "import-preview")
        if os.environ.get("UPDATE_DOCS_SCREENSHOTS"):
            page.screenshot(path="docs/import-preview.png")
        page.get_by_role("button", name="บันทึกคำถามทั้งหมด 11 ข้อ").click()
        expect(page.get_by_text("นำเข้าคำถาม 11 ข้อ")).to_be_visible()
        shoot(page, "import-saved")
        assert Question.objects.filter(course=course).count() == 11
    finally:
        context.close()
