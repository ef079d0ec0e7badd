"""The 404 page on a phone, in Thai, with DEBUG off: the site's look and a way home."""

import pytest
from django.conf import settings
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_404_page_on_a_phone(live_server, phone_page, home_page):
    assert settings.DEBUG is False
    page = phone_page
    response = page.goto(f"{live_server.url}/th/no-such-page/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("ไม่พบหน้านี้")
    assert "width=device-width" in page.locator("meta[name=viewport]").get_attribute(
        "content"
    )
    # Laid out for the phone: nothing wider than the screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path="/tmp/shots-404.png", full_page=True)
    page.get_by_role("link", name="กลับหน้าแรก").click()
    expect(page).to_have_url(f"{live_server.url}/th/")
