"""Public verification: valid / revoked / unknown, minimal personal data, OB 3.0 JSON, rate limit."""

import pytest
from django.test import override_settings
from django.urls import reverse

from certificates import services
from certificates.codes import generate_code
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(award, volunteer):
    certificate, _created = services.certificate_issue(user=volunteer, award=award)
    return certificate


def test_verification_urls_are_language_neutral(certificate):
    url = reverse("certificates_verify", args=[certificate.code])
    assert url == f"/verify/{certificate.code}/"
    assert (
        reverse("certificates_verify_json", args=[certificate.code])
        == f"/verify/{certificate.code}.json"
    )


def test_valid_certificate_shows_name_award_date_and_nothing_personal(
    client, certificate, volunteer
):
    response = client.get(f"/verify/{certificate.code}/", HTTP_ACCEPT_LANGUAGE="th")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-status="valid"' in html
    assert "สมหญิง ใจงาม" in html and "การค้าออนไลน์อย่างปลอดภัย" in html
    assert str(certificate.issued_at.year + 543) in html  # Buddhist Era in Thai
    for private in (volunteer.phone, volunteer.email, "เชียงใหม่", volunteer.username):
        assert private not in html


def test_typed_code_in_lower_case_redirects_to_the_canonical_page(client, certificate):
    typed = certificate.code.replace("-", " ").lower()
    response = client.get("/verify/", {"code": typed})
    assert (
        response.status_code == 302
        and response["Location"] == f"/verify/{certificate.code}/"
    )
    lower = client.get(f"/verify/{certificate.code.lower()}/")
    assert (
        lower.status_code == 302 and lower["Location"] == f"/verify/{certificate.code}/"
    )


def test_form_rejects_something_that_is_not_a_code(client):
    response = client.get("/verify/", {"code": "hello"})
    assert response.status_code == 200 and "errorlist" in response.content.decode()
    assert client.get("/verify/").status_code == 200


def test_unknown_code_is_a_404_page(client, db):
    response = client.get(f"/verify/{generate_code()}/")
    assert response.status_code == 404
    assert 'data-status="unknown"' in response.content.decode()
    assert client.get(f"/verify/{generate_code()}.json").status_code == 404


def test_revoked_certificate_shows_date_and_reason(client, certificate):
    admin = factories.make_user(role="Administrator")
    services.certificate_revoke(
        certificate=certificate, by=admin, reason="ข้อมูลการอบรมไม่ถูกต้อง"
    )
    html = client.get(f"/verify/{certificate.code}/").content.decode()
    assert 'data-status="revoked"' in html and "ข้อมูลการอบรมไม่ถูกต้อง" in html


def test_json_is_an_open_badges_3_credential(client, certificate):
    response = client.get(f"/verify/{certificate.code}.json")
    assert response.status_code == 200 and response["Content-Type"].startswith(
        "application/json"
    )
    data = response.json()
    assert data["@context"][:2] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert data["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert data["id"] == f"http://testserver/verify/{certificate.code}.json"
    assert (
        data["issuer"]["type"] == ["Profile"]
        and data["issuer"]["name"]
        and data["issuer"]["id"]
    )
    assert data["validFrom"].endswith("Z") and data["validFrom"][:4] == str(
        certificate.issued_at.year
    )
    subject = data["credentialSubject"]
    assert subject["type"] == ["AchievementSubject"]
    # The holder is a salted hash of their e-mail, never the name in clear
    # (tests/certificates/test_openbadges.py checks the hash).
    assert subject["identifier"][0]["hashed"] is True
    assert "สมหญิง" not in response.content.decode()
    achievement = subject["achievement"]
    assert achievement["type"] == ["Achievement"]
    assert achievement["id"].startswith("urn:uuid:")
    assert achievement["name"] == "การค้าออนไลน์อย่างปลอดภัย"
    assert achievement["description"] and achievement["criteria"]["narrative"]
    assert data["credentialStatus"]["type"] == "BitstringStatusListEntry"
    assert data["proof"]["cryptosuite"] == "eddsa-rdfc-2022"


def test_json_of_a_reissued_certificate_says_revoked_and_points_to_the_new_one(
    client, certificate
):
    admin = factories.make_user(role="Administrator")
    new = services.certificate_reissue(
        certificate=certificate, by=admin, reason="แก้ไขชื่อ", name="สมหญิง ใจงามยิ่ง"
    )
    # Revocation is in the status list (test_openbadges.py); the replacement
    # is linked beside the credential, which cannot change once signed.
    response = client.get(f"/verify/{certificate.code}.json")
    assert response.json()["credentialStatus"]["type"] == "BitstringStatusListEntry"
    assert f"/verify/{new.code}.json" in response["Link"]


@override_settings(CERTIFICATES_VERIFY_RATE=5)
def test_lookups_are_rate_limited_per_ip(client, certificate):
    for _ in range(5):
        assert client.get(f"/verify/{generate_code()}/").status_code == 404
    blocked = client.get(f"/verify/{certificate.code}/")
    assert blocked.status_code == 429 and blocked["Retry-After"] == "60"
    assert client.get(f"/verify/{certificate.code}.json").status_code == 429
    assert client.get("/verify/", {"code": certificate.code}).status_code == 429
    # Another address is not affected.
    assert (
        client.get(f"/verify/{certificate.code}/", REMOTE_ADDR="10.0.0.9").status_code
        == 200
    )


@override_settings(CERTIFICATES_VERIFY_RATE=1)
def test_rate_limit_page_is_translated(client, db):
    client.get(f"/verify/{generate_code()}/", HTTP_ACCEPT_LANGUAGE="en")
    response = client.get(f"/verify/{generate_code()}/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 429
    assert "Too many lookups" in response.content.decode()


class TestVerifyLanguageParameter:
    def test_lang_parameter_switches_the_page_not_the_url(
        self, client, volunteer, course, award
    ):
        from .conftest import complete

        complete(volunteer, course)
        code = volunteer.certificates.get().code
        thai = client.get(f"/verify/{code}/", HTTP_ACCEPT_LANGUAGE="th")
        assert "ตรวจสอบเกียรติบัตร" in thai.content.decode()
        assert f'href="/verify/{code}/?lang=en"' in thai.content.decode()
        english = client.get(f"/verify/{code}/?lang=en", HTTP_ACCEPT_LANGUAGE="th")
        html = english.content.decode()
        assert english["Content-Language"] == "en"
        assert "Verify a certificate" in html and "Awarded for" in html
        assert f'href="/verify/{code}/?lang=th"' in html
        # The form keeps the language through its redirect.
        response = client.get(f"/verify/?code={code.lower()}&lang=en")
        assert response["Location"] == f"/verify/{code}/?lang=en"

    def test_unknown_lang_is_ignored(self, client, db):
        response = client.get("/verify/?lang=xx", HTTP_ACCEPT_LANGUAGE="th")
        assert response.status_code == 200
        assert "ตรวจสอบเกียรติบัตร" in response.content.decode()
