"""In a browser: an administrator signs in to the admin, finds a competency by
its Thai name, adds an indicator to a proficiency level, and saves it."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from competencies.models import ProficiencyLevel
from competencies.services import load_programme_framework
from lms.accounts.roles import sync_roles
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(os.environ.get("SHOTS_DIR", "/tmp/shots-competencies"))
PASSWORD = "กรอบสมรรถนะ-2026"


def _shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_administrator_edits_a_level_indicator(
    live_server, browser, viewport, admin_sign_in
):
    factories.ensure_site()
    sync_roles()
    load_programme_framework()
    admin = factories.make_user(role="Administrator", password=PASSWORD)
    size = {"phone": (360, 740), "desktop": (1280, 900)}[viewport]
    context = browser.new_context(
        viewport={"width": size[0], "height": size[1]}, locale="th-TH"
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        admin_sign_in(page, admin.username, PASSWORD)

        page.goto(f"{live_server.url}/admin/snippets/competencies/competency/")
        _shot(page, f"{viewport}-list")
        page.goto(
            f"{live_server.url}/admin/snippets/competencies/competency/?q=การรู้ดิจิทัล"
        )
        expect(page.get_by_role("link", name="D1", exact=True)).to_be_visible()
        _shot(page, f"{viewport}-search")
        page.get_by_role("link", name="D1", exact=True).click()
        page.wait_for_url("**/edit/**")

        indicators = page.locator("#id_proficiency_levels-0-indicators_th")
        indicators.fill(indicators.input_value() + "\nตรวจสอบลิงก์ก่อนคลิกทุกครั้ง")
        _shot(page, f"{viewport}-edit")
        indicators.scroll_into_view_if_needed()
        page.screenshot(path=str(SHOTS / f"{viewport}-edit-level.png"))
        page.get_by_role("button", name="บันทึก").first.click()
        page.wait_for_url("**/competency/")
        _shot(page, f"{viewport}-saved")
    finally:
        context.close()

    level = ProficiencyLevel.objects.get(competency__code="D1", level=1)
    assert level.indicators_th.splitlines()[-1] == "ตรวจสอบลิงก์ก่อนคลิกทุกครั้ง"
