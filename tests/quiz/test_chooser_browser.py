"""In a browser at 1366×768: from a quiz's editor, the question chooser opens
on the course's own bank and narrows by type as soon as a type is chosen."""

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from lms.accounts.roles import sync_roles
from tests import factories

from .helpers import make_question, make_quiz

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(os.environ.get("QUIZ_SHOTS", "/tmp/shots-quiz"))
PASSWORD = "เลือกคำถาม-2026"


def test_chooser_lists_the_quizs_course_and_filters_on_choice(
    live_server, browser, admin_sign_in
):
    factories.ensure_site()
    sync_roles()
    catalogue = factories.make_catalogue()
    course = factories.make_course(catalogue, modules=1, lessons=1)
    other = factories.make_course(catalogue, slug="other", title="อีกวิชา")
    make_question(course, text="ข้อเลือกตอบของวิชานี้")
    make_question(
        course, kind="short", text="ข้อเติมคำของวิชานี้", options=(), accepted_answers="ก"
    )
    make_question(other, text="ข้อของวิชาอื่น")
    quiz = make_quiz(course, [], title="แบบทดสอบเลือกคำถาม")
    trainer = factories.make_user(role="Trainer", password=PASSWORD)
    context = browser.new_context(
        viewport={"width": 1366, "height": 768}, locale="th-TH"
    )
    page = context.new_page()
    page.set_default_timeout(20_000)
    try:
        admin_sign_in(page, trainer.username, PASSWORD)
        page.goto(f"{live_server.url}/admin/pages/{quiz.pk}/edit/")
        page.get_by_role("button", name=re.compile("^เพิ่ม\\s*คำถาม$")).first.click()
        page.get_by_role("button", name=re.compile("^เลือก\\s*คำถาม$")).first.click()
        modal = page.locator(".modal-content")
        expect(modal.get_by_text("ข้อเลือกตอบของวิชานี้")).to_be_visible()
        expect(modal.get_by_text("ข้อเติมคำของวิชานี้")).to_be_visible()
        expect(modal.get_by_text("ข้อของวิชาอื่น")).to_have_count(0)
        expect(modal.get_by_role("cell", name="เลือกตอบข้อเดียว")).to_be_visible()
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "chooser.png"))
        modal.get_by_label("ประเภท").select_option(label="เติมคำตอบสั้น")
        expect(modal.get_by_text("ข้อเลือกตอบของวิชานี้")).to_have_count(0)
        expect(modal.get_by_text("ข้อเติมคำของวิชานี้")).to_be_visible()
        page.screenshot(path=str(SHOTS / "chooser-short.png"))
        modal.get_by_text("ข้อเติมคำของวิชานี้").click()
        expect(page.locator(".modal-content")).to_have_count(0)
        expect(page.get_by_text("ข้อเติมคำของวิชานี้")).to_be_visible()
    finally:
        context.close()
