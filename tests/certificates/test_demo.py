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
