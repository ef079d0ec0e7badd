"""Demo certificates: idempotent loading and a certificate for a demo volunteer."""

import pytest

from certificates.demo import issue_demo_certificate, load_demo_certificates
from certificates.models import Award, CertificateTemplate, IssuedCertificate
from tests import factories

pytestmark = pytest.mark.django_db


def test_load_demo_certificates_is_idempotent(course):
    load_demo_certificates()
    load_demo_certificates()
    assert (
        CertificateTemplate.objects.filter(slug="course-th", language="th").count() == 1
    )
    assert Award.objects.filter(courses__course=course).count() == 1


def test_issue_demo_certificate_once(course):
    load_demo_certificates()
    user = factories.make_user()
    first = issue_demo_certificate(user=user, course=course)
    assert issue_demo_certificate(user=user, course=course) == first
    assert IssuedCertificate.objects.count() == 1 and first.template.slug == "course-th"


def test_demo_awards_are_named_after_their_course(course):
    load_demo_certificates()
    award = Award.objects.get(courses__course=course)
    assert award.name_th == course.title


def test_the_bulk_run_page_names_the_province(client, roles, course):
    from django.urls import reverse

    from certificates.models import BulkIssueRun

    template = load_demo_certificates()
    award = Award.objects.create(
        kind=Award.Kind.EVENT, name_th="อบรมพิเศษ", template=template
    )
    run = BulkIssueRun.objects.create(award=award, filters={"province": "50"})
    client.force_login(factories.make_user(role="Administrator"))
    html = client.get(
        reverse("certificates_admin_run", args=[run.pk]), HTTP_ACCEPT_LANGUAGE="th"
    ).content.decode()
    assert "เชียงใหม่" in html
