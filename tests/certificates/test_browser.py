"""On a phone: a volunteer finds the certificate they earned, shares it; anyone verifies it."""

import os
from pathlib import Path

import pytest
from django.test import override_settings

from certificates.models import IssuedCertificate
from tests import factories

from .conftest import complete, make_award

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(os.environ.get("CERTIFICATES_SHOTS", "/tmp/shots-certs"))


def shoot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_volunteer_finds_downloads_and_verifies_a_certificate(
    live_server, phone_page, sign_in
):
    catalogue = factories.make_catalogue(factories.ensure_site())
    d1 = factories.make_competency(
        code="D1", name_th="การรู้ดิจิทัล", name_en="Digital literacy"
    )
    course = factories.make_course(
        catalogue, title="การค้าออนไลน์อย่างปลอดภัย", lessons=1, competencies=[(d1, 2)]
    )
    make_award(courses=[course])
    volunteer = factories.make_user(
        first_name="กัญญาณัฐฐ์ศิริ", last_name="ประเสริฐวงศ์ตระกูลพิพัฒน์"
    )
    complete(volunteer, course)
    certificate = IssuedCertificate.objects.get(user=volunteer)
    page = phone_page
    sign_in(page, volunteer)

    with override_settings(CERTIFICATES_BASE_URL=live_server.url):
        page.goto(f"{live_server.url}/th/certificates/")
        shoot(page, "my-certificates")
        card = page.locator(f'[data-code="{certificate.code}"]')
        assert card.is_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        link = card.locator("input").input_value()
        assert link == f"{live_server.url}/verify/{certificate.code}/"
        href = card.get_by_role("link").first.get_attribute("href")
        response = page.request.get(f"{live_server.url}{href}")
        assert (
            response.status == 200
            and response.headers["content-type"] == "application/pdf"
        )

        page.goto(link)
        shoot(page, "verify-valid")
        assert page.locator('[data-status="valid"]').is_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 360

        page.goto(f"{live_server.url}/verify/")
        page.fill("#code", certificate.code.replace("-", "").lower())
        page.locator(".verify-form button[type=submit]").click()
        page.wait_for_url(f"**/verify/{certificate.code}/")
        page.goto(f"{live_server.url}/verify/AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG/")
        shoot(page, "verify-unknown")
        assert page.locator('[data-status="unknown"]').is_visible()
