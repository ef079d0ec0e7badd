"""In a browser: an administrator gives a trainer the provinces they serve."""

import os
from pathlib import Path

import pytest

from lms.accounts.roles import sync_roles
from lms.accounts.selectors import scoped_provinces
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(os.environ.get("SHOTS_DIR", "/tmp/shots-reports"))
PASSWORD = "ผู้ดูแล-จังหวัด-2026"


def test_administrator_assigns_provinces_to_a_trainer(
    live_server, browser, admin_sign_in
):
    factories.ensure_site()
    sync_roles()
    admin = factories.make_user(
        role="Administrator", password=PASSWORD, is_superuser=True
    )
    trainer = factories.make_user(role="Trainer", first_name="วิทยากร")
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="th-TH"
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    SHOTS.mkdir(parents=True, exist_ok=True)
    try:
        admin_sign_in(page, admin.username, PASSWORD)
        page.goto(f"{live_server.url}/admin/users/edit/{trainer.pk}/")
        page.locator("details.lms-scope summary").click()
        page.locator("input[name=scope_provinces][value='50']").check()
        page.locator("input[name=scope_provinces][value='57']").check()
        page.screenshot(path=str(SHOTS / "user-scope.png"), full_page=True)
        page.locator("footer .actions--primary button[type=submit]").first.click()
        page.wait_for_url("**/admin/users/")
        assert scoped_provinces(trainer) == {"50", "57"}
    finally:
        context.close()
