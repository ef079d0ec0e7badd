"""Erasure: nothing personal left in any table; reports and certificates as documented."""

import json

import pytest
from django.db import connection
from django.urls import reverse

from certificates.models import IssuedCertificate
from lms.privacy import services
from lms.privacy.models import ErasureRequest
from lms.reports import selectors as reports
from lms.reports.selectors import ReportFilters
from tests import factories
from tests.reports.conftest import world  # noqa: F401  (the hand-counted reports world)

from .conftest import EMAIL, FIRST, LAST, PHONE, VILLAGE


def _needles() -> list[str]:
    needles = []
    for value in (FIRST, LAST, PHONE, EMAIL, VILLAGE):
        needles.append(value)
        escaped = json.dumps(value)[1:-1]  # JSON columns may store Thai as \u0e..
        if escaped != value:
            needles.append(escaped)
    return needles


def scan_every_column(needles) -> list[str]:
    """Every column of every table, read as text, searched for each needle."""
    found = []
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            for column in connection.introspection.get_table_description(cursor, table):
                for needle in needles:
                    cursor.execute(
                        f"SELECT COUNT(*) FROM {quote(table)} "
                        f"WHERE LOWER(CAST({quote(column.name)} AS TEXT)) LIKE %s",
                        [f"%{needle.lower()}%"],
                    )
                    if cursor.fetchone()[0]:
                        found.append(f"{table}.{column.name}: {needle}")
    return found


def _erase(person, administrator):
    request = services.erasure_request(user=person, message=f"ลบข้อมูลของ {FIRST} ด้วย")
    return services.erasure_approve(
        request_id=request.pk, by=administrator, reason=f"คำขอของคุณ{FIRST} {LAST}"
    )


@pytest.mark.django_db(transaction=False)
def test_no_personal_value_left_in_any_table(person, administrator):
    assert scan_every_column(_needles())  # the scan does find them before
    _erase(person, administrator)
    assert scan_every_column(_needles()) == []


def test_the_account_is_closed_and_the_pdf_deleted(person, administrator):
    certificate = IssuedCertificate.objects.get(user=person)
    pdf_name = certificate.pdf.name
    storage = certificate.pdf.storage
    assert storage.exists(pdf_name)
    _erase(person, administrator)
    person.refresh_from_db()
    assert not person.is_active and not person.has_usable_password()
    assert person.username == f"erased-{person.pk}"
    assert not storage.exists(pdf_name)


def test_certificate_is_revoked_and_verification_shows_no_name(
    client, person, administrator
):
    code = IssuedCertificate.objects.get(user=person).code
    _erase(person, administrator)
    certificate = IssuedCertificate.objects.get(code=code)
    assert certificate.revoked_at is not None and certificate.recipient_name == ""
    page = client.get(reverse("certificates_verify", args=[code])).content.decode()
    assert 'data-status="revoked"' in page
    assert FIRST not in page and LAST not in page
    credential = client.get(
        reverse("certificates_verify_json", args=[code])
    ).content.decode()
    assert FIRST not in credential


def _totals(scope=None):
    filters = ReportFilters()
    return {
        key: reports.report_build(key=key, filters=filters, scope=scope).totals
        for key in (
            "enrolments",
            "completions",
            "quiz",
            "competencies",
            "levels",
            "certificates",
        )
    }


def test_report_totals_unchanged_after_erasure(world, administrator):  # noqa: F811
    before = _totals()
    request = services.erasure_request(user=world["v1"])
    services.erasure_approve(request_id=request.pk, by=administrator, reason="ขอลบ")
    after = _totals()
    # The erased person's certificate is revoked (the documented rule): it is
    # still counted as issued, and now also under "revoked since".
    assert after["certificates"]["issued"] == before["certificates"]["issued"]
    assert after["certificates"]["revoked"] == before["certificates"]["revoked"] + 1
    after.pop("certificates"), before.pop("certificates")
    assert after == before


def test_decisions_are_once_and_need_a_reason(person, administrator):
    request = services.erasure_request(user=person)
    assert services.erasure_request(user=person) == request  # double submission
    with pytest.raises(services.PrivacyError):
        services.erasure_approve(request_id=request.pk, by=administrator, reason=" ")
    with pytest.raises(services.PrivacyError):
        services.erasure_refuse(
            request_id=request.pk, by=administrator, legal_ground="nonsense", reason="x"
        )
    services.erasure_refuse(
        request_id=request.pk,
        by=administrator,
        legal_ground=ErasureRequest.LegalGround.LEGAL_CLAIMS,
        reason="อยู่ระหว่างการตรวจสอบการเบิกจ่าย",
    )
    with pytest.raises(services.PrivacyError):
        services.erasure_approve(request_id=request.pk, by=administrator, reason="x")
    person.refresh_from_db()
    assert person.first_name == FIRST  # refused: nothing erased


def test_only_administrators_decide(client, person, administrator, roles):
    request = services.erasure_request(user=person)
    url = reverse("privacy_admin_request", args=[request.pk])
    trainer = factories.make_user(role="Trainer")
    client.force_login(trainer)
    assert client.get(url).status_code in (302, 403)
    assert client.post(
        url, {"action": "approve", "approve-reason": "x"}
    ).status_code in (302, 403)
    request.refresh_from_db()
    assert request.status == ErasureRequest.Status.PENDING
    client.force_login(administrator)
    assert client.get(url).status_code == 200
    response = client.post(url, {"action": "approve", "approve-reason": "ตามคำขอ"})
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == ErasureRequest.Status.DONE


def test_records_of_processing_lists_the_declarations(client, administrator, roles):
    client.force_login(administrator)
    page = client.get(reverse("privacy_admin_records")).content.decode()
    for label in (
        "accounts.User",
        "quiz.Answer",
        "axes.AccessLog",
        "certificates.IssuedCertificate",
    ):
        assert f'data-model="{label}"' in page
    client.force_login(factories.make_user(role="Trainer"))
    assert client.get(reverse("privacy_admin_records")).status_code in (302, 403)
