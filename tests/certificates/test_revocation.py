"""Revocation with a reason; re-issue after a name correction, linked."""

import pytest

from certificates import services
from certificates.models import IssuedCertificate
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(db):
    return factories.make_user(role="Administrator")


@pytest.fixture
def certificate(award, volunteer):
    return services.certificate_issue(user=volunteer, award=award)[0]


def test_revoke_records_who_when_and_why(certificate, admin):
    services.certificate_revoke(certificate=certificate, by=admin, reason="ทุจริตการสอบ")
    certificate.refresh_from_db()
    assert certificate.revoked_at and certificate.revoked_by == admin
    assert certificate.revocation_reason == "ทุจริตการสอบ" and not certificate.is_valid


def test_revoke_needs_a_reason_and_happens_once(certificate, admin):
    with pytest.raises(services.CertificateError):
        services.certificate_revoke(certificate=certificate, by=admin, reason="")
    services.certificate_revoke(certificate=certificate, by=admin, reason="ผิดพลาด")
    with pytest.raises(services.CertificateError):
        services.certificate_revoke(certificate=certificate, by=admin, reason="อีกครั้ง")


def test_after_revocation_the_award_can_be_earned_again(
    certificate, admin, award, volunteer
):
    services.certificate_revoke(certificate=certificate, by=admin, reason="ผิดพลาด")
    new, created = services.certificate_issue(user=volunteer, award=award)
    assert created and new.pk != certificate.pk


def test_reissue_after_name_correction_creates_a_new_linked_certificate(
    certificate, admin, volunteer
):
    volunteer.last_name = "ใจงามดี"
    volunteer.save()
    new = services.certificate_reissue(
        certificate=certificate, by=admin, reason="แก้ไขนามสกุล"
    )
    certificate.refresh_from_db()
    assert certificate.replaced_by == new and not certificate.is_valid
    assert certificate.revocation_reason == "แก้ไขนามสกุล"
    assert new.is_valid and new.code != certificate.code
    assert new.recipient_name == "สมหญิง ใจงามดี"
    assert new.award_name_th == certificate.award_name_th  # award texts stay frozen
    assert new.source == IssuedCertificate.Source.REISSUE and new.issued_by == admin
    assert (
        IssuedCertificate.objects.filter(
            user=volunteer, revoked_at__isnull=True
        ).count()
        == 1
    )


def test_reissue_with_a_typed_name(certificate, admin):
    new = services.certificate_reissue(
        certificate=certificate, by=admin, reason="ชื่อสะกดผิด", name="สมหญิง ใจงามมาก"
    )
    assert new.recipient_name == "สมหญิง ใจงามมาก"
