"""In a browser at 1366x768, in the Thai admin: a trainer submits a whole
course (a module with two lessons and a quiz) in one click on its outline,
and an administrator approves it, with a comment, in one click."""

import os
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import expect
from wagtail.models import Page, WorkflowState

from lms.accounts.roles import sync_roles
from tests import factories
from tests.admin_browser import admin_sign_in

from .conftest import ensure_moderation_workflow, make_draft_course

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(os.environ.get("SHOTS_DIR", "/tmp/shots-authoring"))
DOCS = Path(__file__).resolve().parents[2] / "docs"
PASSWORD = "สอน-หลักสูตร-2026"


def _sign_in(browser, live_server, user):
    return admin_sign_in(browser, live_server, user, PASSWORD)


def test_submit_and_approve_a_course_in_one_action_each(live_server, browser):
    home = factories.ensure_site()
    sync_roles()
    # An earlier transactional test's flush took the migrations' workflow.
    ensure_moderation_workflow()
    catalogue = factories.make_catalogue(home)
    trainer = factories.make_user(role="Trainer", password=PASSWORD)
    admin = factories.make_user(role="Administrator", password=PASSWORD)
    course = make_draft_course(catalogue, trainer, title="ความปลอดภัยออนไลน์")
    SHOTS.mkdir(parents=True, exist_ok=True)
    pages = Page.objects.descendant_of(course, inclusive=True)

    # The trainer opens the outline from the course's page in the admin.
    context, page = _sign_in(browser, live_server, trainer)
    try:
        page.goto(f"{live_server.url}/admin/pages/{catalogue.pk}/")
        page.get_by_role("link", name="ความปลอดภัยออนไลน์").first.click()
        page.locator("header").get_by_role("button", name="การดำเนินการ").click()
        page.get_by_role("link", name="โครงสร้างหลักสูตร").first.click()
        page.wait_for_url(f"**{reverse('course_outline', args=[course.pk])}")
        rows = page.locator(".lms-outline__table tbody tr.lms-outline__row")
        expect(rows).to_have_count(4)  # the module, two lessons, the quiz
        expect(page.get_by_text("ฉบับร่าง (ยังไม่เคยเผยแพร่)").first).to_be_visible()
        page.get_by_role("button", name="ส่งทั้งหลักสูตรให้ตรวจอนุมัติ").click()
        expect(page.get_by_text("ส่งหลักสูตรให้ตรวจอนุมัติแล้ว (5 หน้า)")).to_be_visible()
        expect(page.get_by_text("รอการตรวจอนุมัติ")).to_have_count(5)
        page.screenshot(path=str(SHOTS / "course-outline-submitted.png"))
    finally:
        context.close()
    assert (
        WorkflowState.objects.filter(
            object_id__in=[str(p.pk) for p in pages],
            status=WorkflowState.STATUS_IN_PROGRESS,
        ).count()
        == 5
    )
    assert not any(p.live for p in pages)

    # The administrator approves the whole course, with one comment.
    context, page = _sign_in(browser, live_server, admin)
    try:
        page.goto(f"{live_server.url}{reverse('course_outline', args=[course.pk])}")
        page.get_by_label("ความเห็นถึงวิทยากร", exact=False).fill("เนื้อหาครบถ้วน")
        page.screenshot(path=str(DOCS / "course-outline.png"))
        page.get_by_role("button", name="อนุมัติทั้งหลักสูตร").click()
        expect(page.get_by_text("อนุมัติหลักสูตรแล้ว (5 หน้า)")).to_be_visible()
        expect(page.get_by_text("เผยแพร่อยู่", exact=True)).to_have_count(5)
        page.screenshot(path=str(SHOTS / "course-outline-approved.png"))
    finally:
        context.close()
    assert all(p.live for p in Page.objects.descendant_of(course, inclusive=True))
