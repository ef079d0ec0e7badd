"""In a browser: an administrator opens the reports, narrows them to a
province with the linked drop-downs, reads the chart and exports it."""

import csv
import io
import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(os.environ.get("SHOTS_DIR", "/tmp/shots-reports"))
PASSWORD = "รายงาน-ผู้ดูแล-2026"


def test_administrator_opens_a_report_and_exports_it(
    live_server, browser, world, admin_sign_in
):
    admin = factories.make_user(role="Administrator", password=PASSWORD)
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="th-TH"
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    SHOTS.mkdir(parents=True, exist_ok=True)
    try:
        admin_sign_in(page, admin.username, PASSWORD)
        page.screenshot(path=str(SHOTS / "admin-home.png"), full_page=True)

        # New strings are translated at integration: find things by address.
        page.locator(".lms-trainer-dashboard a[href='/admin/reports/']").click()
        page.wait_for_url("**/admin/reports/**")
        expect(page.locator("svg.lms-chart")).to_have_count(2)
        expect(page.locator("table.lms-report-table")).to_contain_text("เชียงใหม่")
        page.screenshot(path=str(SHOTS / "reports-enrolments.png"), full_page=True)

        # Province → its districts load without a reload; the report narrows.
        page.locator(".lms-tabs a[href*='report=quiz']").click()
        page.locator("#id_province").select_option("50")
        expect(page.locator("#id_district option[value='5002']")).to_have_count(1)
        page.locator(".lms-report-filters button[type=submit]").click()
        table = page.locator("table.lms-report-table")
        expect(table).to_contain_text("จอมทอง")
        expect(table).not_to_contain_text("กรุงเทพมหานคร")
        page.screenshot(path=str(SHOTS / "reports-quiz-chiang-mai.png"), full_page=True)

        with page.expect_download() as info:
            page.locator("a[href*='export=csv']").click()
        download = info.value
        assert download.suggested_filename.startswith("report-quiz-")
        text = Path(download.path()).read_text(encoding="utf-8-sig")
        rows = list(csv.reader(io.StringIO(text)))
        assert sorted(r[0] for r in rows[1:]) == sorted(["เมืองเชียงใหม่", "จอมทอง"])
        assert sum(int(r[1]) for r in rows[1:]) == 4
    finally:
        context.close()
