"""In a browser: an administrator opens Volunteers → Import volunteers in the
admin, uploads a CSV, reads the preview, confirms, and the people exist."""

import os
import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from lms.accounts.roles import sync_roles
from tests import factories

from .conftest import FILES
from .generate import generate_rows, to_csv

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(os.environ.get("SHOTS_DIR", "/tmp/shots-volunteers"))
PASSWORD = "นำเข้าอาสา-2026"


@pytest.fixture(autouse=True)
def english():
    """Override the package's English fixture: the browser works in Thai."""
    yield


def test_administrator_imports_a_csv(
    live_server, desktop_page, tmp_path, admin_sign_in
):
    factories.ensure_site()
    sync_roles()
    admin = factories.make_user(
        role="Administrator", password=PASSWORD, username="admin-import"
    )
    existing = factories.make_user(username="0810000001", phone="0810000001", email="")
    rows = generate_rows(40, phone_start=810000000)
    rows[1]["last_name"] = "ปรับปรุงแล้ว"  # row 2 updates the person already registered
    path = tmp_path / "อาสาสมัคร.csv"
    path.write_bytes(to_csv(rows, bom=True))
    page = desktop_page
    admin_sign_in(page, admin.username, PASSWORD)

    # Labels match before and after the Thai catalogue is merged.
    page.get_by_role("button", name=re.compile("^(Volunteers|อาสาสมัคร)$")).click()
    page.get_by_role(
        "link", name=re.compile("^(Import volunteers|นำเข้าอาสาสมัคร)$")
    ).click()
    page.wait_for_url("**/admin/volunteers/import/")
    page.locator("input[type=file]").set_input_files(str(path))
    page.locator('button[value="preview"]').click()

    expect(page.locator('tr[data-row="1"]')).to_be_visible()
    expect(page.locator("tr.vi-update")).to_have_count(1)
    expect(page.locator("tr.vi-new")).to_have_count(39)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "import-preview.png"), full_page=False)
    assert not get_user_model().objects.filter(phone="0810000002").exists()

    page.locator('button[value="confirm"]').click()
    page.wait_for_url("**/admin/volunteers/import/")
    expect(page.locator(".messages")).to_contain_text("อาสาสมัคร.csv")
    page.screenshot(path=str(SHOTS / "import-done.png"), full_page=False)

    User = get_user_model()
    assert User.objects.filter(phone__in=[r["phone"] for r in rows]).count() == 40
    existing.refresh_from_db()
    assert existing.last_name == "ปรับปรุงแล้ว"

    # The import is in the audit log (Reports → Site history).
    page.goto(f"{live_server.url}/admin/reports/site-history/")
    expect(page.locator("main")).to_contain_text("อาสาสมัคร.csv")
    page.screenshot(path=str(SHOTS / "site-history.png"), full_page=False)

    # A file with a district outside its province: the row is marked, no confirm button.
    page.goto(f"{live_server.url}/admin/volunteers/import/")
    page.locator("input[type=file]").set_input_files(
        str(FILES / "district_not_in_province.csv")
    )
    page.locator('button[value="preview"]').click()
    expect(page.locator('tr.vi-error[data-row="2"]')).to_contain_text("บางรัก")
    expect(page.locator('button[value="confirm"]')).to_have_count(0)
    page.screenshot(path=str(SHOTS / "import-errors.png"), full_page=False)
