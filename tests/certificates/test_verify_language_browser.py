"""A verifier on a Thai phone switches the verification page to English and back;
the printed QR URL stays /verify/<code>/."""

import pytest
from playwright.sync_api import expect

from certificates.selectors import verification_url

from .conftest import complete

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_verify_page_switches_language_on_a_click(
    live_server, phone_page, volunteer, course, award
):
    complete(volunteer, course)
    certificate = volunteer.certificates.get()
    printed = verification_url(code=certificate.code)
    assert printed.endswith(f"/verify/{certificate.code}/")  # no language in it

    page = phone_page
    page.goto(f"{live_server.url}/verify/{certificate.code}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("ตรวจสอบเกียรติบัตร")
    expect(page.locator("html")).to_have_attribute("lang", "th")
    expect(page.locator(".facts")).to_contain_text("มอบให้สำหรับ")
    expect(page.locator(".facts")).not_to_contain_text("รางวัล")

    page.get_by_role("link", name="English").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Verify a certificate")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("[data-status=valid]")).to_contain_text("Valid")
    assert page.url.startswith(f"{live_server.url}/verify/{certificate.code}/")

    # Typing another code keeps English.
    page.get_by_label("Certificate code").fill(certificate.code.lower())
    page.get_by_role("button", name="Verify").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Verify a certificate")

    page.get_by_role("link", name="ไทย").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("ตรวจสอบเกียรติบัตร")
