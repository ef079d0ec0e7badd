"""``manage.py issue_certificates``: same rules as the bulk issue, codes and URLs printed."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from certificates.models import IssuedCertificate
from courses.models import Enrollment
from tests import factories

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = io.StringIO()
    call_command("issue_certificates", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_course_dry_run_then_issue_then_nothing_more(template, course):
    people = [factories.make_user() for _ in range(2)]
    for p in people:
        Enrollment.objects.create(user=p, course=course, completed_at=timezone.now())
    assert "2 certificate(s) would be issued" in run(
        "--template", template.slug, "--course", course.slug, "--dry-run"
    )
    assert not IssuedCertificate.objects.exists()
    out = run("--template", template.slug, "--course", course.slug)
    for certificate in IssuedCertificate.objects.all():
        assert (
            f"{certificate.code}  http://testserver/verify/{certificate.code}/" in out
        )
    assert "2 certificate(s) issued" in out
    assert "0 certificate(s) issued" in run(
        "--template", template.slug, "--course", course.slug
    )
    assert IssuedCertificate.objects.count() == 2


def test_province_filter(template, course):
    from lms.accounts.models import VolunteerProfile

    a, b = factories.make_user(), factories.make_user()
    VolunteerProfile.objects.filter(user=b).update(province_code="10")
    for p in (a, b):
        Enrollment.objects.create(user=p, course=course, completed_at=timezone.now())
    run("--template", template.slug, "--course", course.slug, "--province", "10")
    assert list(IssuedCertificate.objects.values_list("user_id", flat=True)) == [b.pk]


def test_people_csv(template, tmp_path):
    a = factories.make_user(email="staff1@example.org")
    path = tmp_path / "launch.csv"
    path.write_text("email\nstaff1@example.org\nghost@example.org\n")
    out = run(
        "--template",
        template.slug,
        "--people",
        str(path),
        "--award-name",
        "อบรมเปิดตัวโครงการ อสด.",
    )
    certificate = IssuedCertificate.objects.get()
    assert (
        certificate.user == a and certificate.award_name_th == "อบรมเปิดตัวโครงการ อสด."
    )
    assert certificate.code in out


def test_level(template):
    from competencies.models import VolunteerLevel, VolunteerStatus

    level = VolunteerLevel.objects.create(code="village", rank=1, name_th="ระดับหมู่บ้าน")
    person = factories.make_user()
    VolunteerStatus.objects.create(user=person, level=level)
    run("--template", template.slug, "--level", "village")
    assert IssuedCertificate.objects.get().award_name_th == "ระดับหมู่บ้าน"


def test_bad_arguments_are_command_errors(template):
    with pytest.raises(CommandError):
        run("--template", "nope", "--course", "x")
    with pytest.raises(CommandError):
        run("--template", template.slug, "--course", "no-such-course")
    with pytest.raises(CommandError):
        run("--template", template.slug, "--level", "no-such-level")
