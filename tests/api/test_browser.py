"""In a browser: a volunteer revokes the phone app's token from the profile
page; an administrator sees and revokes tokens under Settings → API tokens."""

import json
import os
import re
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from lms.accounts.roles import sync_roles
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(os.environ.get("SHOTS_DIR", "/tmp/shots-api"))
PASSWORD = "pass-1234-word"


def _shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _call(url, token=None, data=None):
    """The phone app's request, over HTTP to the live server."""
    headers = {"Content-Type": "application/json", "Accept-Language": "th"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    body = json.dumps(data).encode() if data is not None else None
    request = urllib.request.Request(url, data=body, headers=headers)
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read() or b"{}")


def test_volunteer_revokes_the_phone_app_from_the_profile_page(
    live_server, phone_page, site_sign_in
):
    sync_roles()
    factories.ensure_site()
    factories.make_user(phone="0812345678", password=PASSWORD)
    status, body = _call(
        f"{live_server.url}/api/v1/auth/token",
        data={"login": "0812345678", "password": PASSWORD, "name": "Galaxy A05"},
    )
    assert status == 201
    token = body["token"]
    assert _call(f"{live_server.url}/api/v1/me", token)[0] == 200

    page = phone_page
    site_sign_in(page, "0812345678", PASSWORD)
    page.goto(f"{live_server.url}/th/accounts/profile/")
    panel = page.locator("#app-tokens")
    expect(panel).to_contain_text("Galaxy A05")
    panel.scroll_into_view_if_needed()
    _shot(page, "profile-tokens")
    panel.get_by_role("button", name=re.compile("เพิกถอน|Revoke")).click()
    expect(page.locator(".msg-success")).to_contain_text("Galaxy A05")
    expect(page.locator("#app-tokens")).not_to_contain_text("Galaxy A05")
    _shot(page, "profile-token-revoked")

    status, body = _call(f"{live_server.url}/api/v1/me", token)
    assert status == 401 and body["code"] == "not_authenticated"


def test_administrator_revokes_a_volunteers_token(
    live_server, desktop_page, admin_sign_in
):
    sync_roles()
    factories.ensure_site()
    volunteer = factories.make_user(phone="0812345678", password=PASSWORD)
    factories.make_user(role="Administrator", username="admin1", password=PASSWORD)
    from wagtail.models import APIToken

    _token, plaintext = APIToken.create_token(user=volunteer, name="Galaxy A05")

    page = desktop_page
    admin_sign_in(page, "admin1", PASSWORD)
    page.goto(f"{live_server.url}/admin/api-tokens/")
    row = page.locator("tr", has_text="Galaxy A05")
    expect(row).to_be_visible()
    _shot(page, "admin-tokens")
    page.goto(
        live_server.url + reverse("wagtailusers_api_tokens:delete", args=[_token.pk])
    )
    _shot(page, "admin-token-confirm")
    page.locator("main form [type=submit]").first.click()
    expect(page.locator(".messages")).to_contain_text("Galaxy A05")
    _shot(page, "admin-token-revoked")
    assert _call(f"{live_server.url}/api/v1/me", plaintext)[0] == 401


def test_interactive_docs_list_the_endpoints(live_server, desktop_page):
    page = desktop_page
    page.goto(f"{live_server.url}/api/v1/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("learner API")
    operation = page.locator(".opblock-summary", has_text="/api/v1/courses").first
    operation.click()
    expect(page.locator(".opblock-body").first).to_be_visible()
    _shot(page, "docs")
    assert "cdn" not in page.content().lower()
