"""In a browser at 1366x768: a trainer adds a video whose site cannot be
embedded; the lesson saves, keeps the link, and learners get a link."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from courses.models import LessonPage
from lms.accounts.roles import sync_roles
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(os.environ.get("SHOTS_DIR", "/tmp/shots-authoring"))
PASSWORD = "สอน-วิดีโอ-2026"
# No oEmbed provider knows this host, as when the network is down.
URL = "https://video.example.go.th/lesson-1.mp4"


def test_trainer_saves_a_video_that_cannot_be_embedded(live_server, browser):
    home = factories.ensure_site()
    sync_roles()
    course = factories.make_course(factories.make_catalogue(home), modules=1, lessons=1)
    lesson = LessonPage.objects.descendant_of(course).get()
    trainer = factories.make_user(role="Trainer", password=PASSWORD)
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(
        viewport={"width": 1366, "height": 768}, locale="th-TH"
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        page.goto(f"{live_server.url}/admin/login/")
        page.locator("#id_username").fill(trainer.username)
        page.locator("#id_password").fill(PASSWORD)
        page.locator("button[type=submit]").click()
        page.wait_for_url("**/admin/")
        page.goto(f"{live_server.url}/admin/pages/{lesson.pk}/edit/")

        page.get_by_role("button", name="Insert a block").last.click()
        page.get_by_role("option", name="วิดีโอ", exact=True).click()
        url_field = page.locator("input[name$='-value-video']").last
        url_field.fill(URL)
        expect(page.get_by_text("ระบบจะเก็บลิงก์ไว้และแสดงให้ผู้เรียนเป็นลิงก์")).to_be_visible()
        page.screenshot(path=str(SHOTS / "video-link-block.png"))
        page.get_by_role("button", name="บันทึกฉบับร่าง").click()
        page.wait_for_load_state()
        expect(page.get_by_text("Cannot find an embed")).to_have_count(0)

        draft = LessonPage.objects.get(pk=lesson.pk).get_latest_revision_as_object()
        videos = [
            b.value["video"].url for b in draft.body if b.block_type == "embed_block"
        ]
        assert videos == [URL]

        # Published, learners see a link to the video.
        LessonPage.objects.get(pk=lesson.pk).get_latest_revision().publish()
        page.goto(f"{live_server.url}{lesson.url}")
        link = page.get_by_role("link", name="ดูวิดีโอ")
        expect(link).to_have_attribute("href", URL)
        page.screenshot(path=str(SHOTS / "video-link-lesson.png"))
    finally:
        context.close()
