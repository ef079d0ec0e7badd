"""Who may do what: administrators issue and revoke; trainers may not; volunteers see only their own."""

import pytest
from django.urls import reverse

from certificates import services
from certificates.models import BulkIssueRun, IssuedCertificate
from lms.accounts.roles import ADMINISTRATOR, MODEL_PERMISSIONS, TRAINER, VOLUNTEER
from tests import factories

pytestmark = pytest.mark.django_db

CERT_PERMS = ("certificates.issue_certificate", "certificates.revoke_certificate")


@pytest.fixture
def admin(roles):
    return factories.make_user(role=ADMINISTRATOR)


@pytest.fixture
def trainer(roles):
    return factories.make_user(role=TRAINER)


@pytest.fixture
def certificate(award, volunteer):
    return services.certificate_issue(user=volunteer, award=award)[0]


@pytest.mark.parametrize(
    ("role", "expected"),
    [(ADMINISTRATOR, True), (TRAINER, False), (VOLUNTEER, False)],
)
def test_permission_matrix_cells(roles, role, expected):
    user = factories.make_user(role=role)
    for perm in (
        *CERT_PERMS,
        "certificates.change_certificatetemplate",
        "certificates.add_award",
    ):
        assert user.has_perm(perm) is expected, (role, perm)
        assert (perm in MODEL_PERMISSIONS[role]) is expected


def test_administrator_issues_by_hand(client, admin, award, volunteer):
    client.force_login(admin)
    response = client.post(
        reverse("certificates_admin_issue"),
        {"person": volunteer.phone, "award": award.pk, "reason": "ผ่านการประเมินภาคสนาม"},
    )
    certificate = IssuedCertificate.objects.get(user=volunteer)
    assert response.status_code == 302 and response["Location"].endswith(
        f"/issued/{certificate.pk}/"
    )
    assert certificate.source == "manual" and certificate.issued_by == admin


def test_trainer_cannot_issue_or_revoke(client, trainer, award, volunteer, certificate):
    client.force_login(trainer)
    for url in (
        reverse("certificates_admin_issue"),
        reverse("certificates_admin_bulk"),
        reverse("certificates_admin_revoke", args=[certificate.pk]),
    ):
        response = client.post(
            url,
            {
                "person": volunteer.phone,
                "award": award.pk,
                "reason": "x",
                "action": "confirm",
            },
        )
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            assert (
                "/admin/" in response["Location"]
                and "issued" not in response["Location"]
            )
    certificate.refresh_from_db()
    assert certificate.is_valid and IssuedCertificate.objects.count() == 1
    assert not BulkIssueRun.objects.exists()


def test_volunteer_cannot_reach_the_admin_views(client, volunteer, certificate):
    client.force_login(volunteer)
    response = client.post(
        reverse("certificates_admin_revoke", args=[certificate.pk]), {"reason": "x"}
    )
    assert response.status_code in (302, 403)
    certificate.refresh_from_db()
    assert certificate.is_valid


def test_administrator_revokes_and_reissues(client, admin, certificate):
    client.force_login(admin)
    url = reverse("certificates_admin_revoke", args=[certificate.pk])
    response = client.post(
        url, {"reason": "แก้ไขชื่อ", "name": "สมหญิง ใจงามยิ่ง", "action": "reissue"}
    )
    certificate.refresh_from_db()
    new = certificate.replaced_by
    assert (
        response.status_code == 302
        and new is not None
        and new.recipient_name == "สมหญิง ใจงามยิ่ง"
    )
    response = client.post(
        reverse("certificates_admin_revoke", args=[new.pk]),
        {"reason": "ยกเลิก", "action": "revoke"},
    )
    new.refresh_from_db()
    assert not new.is_valid and new.revocation_reason == "ยกเลิก"


def test_volunteer_downloads_only_their_own_pdf(client, certificate, volunteer):
    other = factories.make_user()
    client.force_login(volunteer)
    own = client.get(reverse("certificates:pdf", args=[certificate.code]))
    assert own.status_code == 200 and own["Content-Type"] == "application/pdf"
    assert own.content.startswith(b"%PDF")
    client.force_login(other)
    assert (
        client.get(reverse("certificates:pdf", args=[certificate.code])).status_code
        == 404
    )
    assert (
        client.get(reverse("certificates:pdf", args=["NOPE-NOPE"])).status_code == 404
    )


def test_anonymous_is_sent_to_sign_in(client, certificate):
    response = client.get(reverse("certificates:pdf", args=[certificate.code]))
    assert response.status_code == 302 and "login" in response["Location"]
    assert client.get(reverse("certificates:mine")).status_code == 302


def test_my_certificates_lists_only_mine_with_share_link(
    client, award, course, volunteer
):
    from .conftest import complete

    other = factories.make_user(first_name="ประยุทธ", last_name="คนอื่น")
    complete(volunteer, course)  # earned without doing anything else
    services.certificate_issue(user=other, award=award)
    client.force_login(volunteer)
    response = client.get(reverse("certificates:mine"))
    html = response.content.decode()
    mine = IssuedCertificate.objects.get(user=volunteer)
    assert response.status_code == 200
    assert mine.code in html and f"http://testserver/verify/{mine.code}/" in html
    assert IssuedCertificate.objects.get(user=other).code not in html


def test_admin_pdf_needs_view_permission(client, admin, trainer, certificate):
    url = reverse("certificates_admin_pdf", args=[certificate.pk])
    client.force_login(trainer)
    assert client.get(url).status_code in (302, 403)
    client.force_login(admin)
    assert client.get(url)["Content-Type"] == "application/pdf"
