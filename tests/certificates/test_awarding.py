"""Awards: completing a course, a set of courses or reaching a level issues once."""

import pytest

from certificates import services
from certificates.models import Award, IssuedCertificate
from courses.signals import course_completed
from tests import factories

from .conftest import complete, make_award

pytestmark = pytest.mark.django_db


def test_completing_a_course_issues_its_certificate(award, course, volunteer):
    complete(volunteer, course)
    certificate = IssuedCertificate.objects.get(user=volunteer)
    assert certificate.award == award
    assert certificate.recipient_name == "สมหญิง ใจงาม"
    assert certificate.award_name_th == "การค้าออนไลน์อย่างปลอดภัย"
    assert certificate.competencies_th == "D1 การรู้ดิจิทัล"
    assert certificate.source == IssuedCertificate.Source.AUTOMATIC
    assert certificate.issued_by is None


def test_re_earning_does_not_duplicate(award, course, volunteer):
    complete(volunteer, course)
    complete(volunteer, course)  # every step again: idempotent progress
    course_completed.send(
        sender=None, user=volunteer, course=course
    )  # a replayed signal
    services.awards_for_course_completion(user=volunteer, course=course)
    assert IssuedCertificate.objects.filter(user=volunteer).count() == 1


def test_unfinished_course_issues_nothing(award, course, volunteer):
    from courses.models import LessonPage
    from courses.services import enrollment_create, step_complete

    enrollment_create(user=volunteer, course=course)
    step_complete(user=volunteer, page=LessonPage.objects.descendant_of(course).first())
    assert not IssuedCertificate.objects.exists()


def test_inactive_award_is_not_issued(award, course, volunteer):
    award.active = False
    award.save()
    complete(volunteer, course)
    assert not IssuedCertificate.objects.exists()


def test_course_set_needs_every_course(template, course, catalogue, volunteer):
    second = factories.make_course(catalogue, title="รู้ทันข่าวปลอม", lessons=1)
    both = make_award(
        template=template,
        courses=[course, second],
        kind=Award.Kind.COURSE_SET,
        name_th="ชุดวิชาค้าขาย",
    )
    complete(volunteer, course)
    assert not IssuedCertificate.objects.filter(award=both).exists()
    complete(volunteer, second)
    certificate = IssuedCertificate.objects.get(award=both)
    assert certificate.award_name_th == "ชุดวิชาค้าขาย"
    assert certificate.competencies_th == "D1 การรู้ดิจิทัล"


def test_renaming_the_course_later_leaves_issued_certificates_unchanged(
    award, course, volunteer
):
    complete(volunteer, course)
    course.title = "ชื่อใหม่ของหลักสูตร"
    course.save_revision().publish()
    certificate = IssuedCertificate.objects.get(user=volunteer)
    assert certificate.award_name_th == "การค้าออนไลน์อย่างปลอดภัย"


def test_award_for_level_issues_once(template, volunteer):
    from competencies.models import VolunteerLevel

    VolunteerLevel.objects.create(
        code="village", rank=1, name_th="ระดับหมู่บ้าน", name_en="Village"
    )
    award = make_award(template=template, kind=Award.Kind.LEVEL, level_code="village")
    first = services.award_for_level(user=volunteer, level_code="village")
    again = services.award_for_level(user=volunteer, level_code="village")
    assert [c.award for c in first] == [award] and again == []
    certificate = IssuedCertificate.objects.get(user=volunteer)
    assert certificate.award_name_th == "ระดับหมู่บ้าน"
    assert certificate.award_name_en == "Village"


def test_promotion_by_the_levels_code_issues_the_level_certificate(
    template, course, competency, volunteer
):
    """Completing the course gives evidence, the ladder promotes, the level award follows."""
    from competencies.models import LevelRequirement, VolunteerLevel

    level = VolunteerLevel.objects.create(
        code="village", rank=1, name_th="ระดับหมู่บ้าน", requires_previous=False
    )
    LevelRequirement.objects.create(
        level=level, competency=competency, min_proficiency=1
    )
    level_award = make_award(
        template=template, kind=Award.Kind.LEVEL, level_code="village"
    )
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        complete(volunteer, course)
    assert (
        IssuedCertificate.objects.filter(user=volunteer, award=level_award).count() == 1
    )
    assert volunteer.volunteer_status.level == level


def test_demotion_issues_nothing(template, volunteer):
    from competencies.models import VolunteerLevel

    level = VolunteerLevel.objects.create(code="village", rank=1, name_th="ระดับหมู่บ้าน")
    make_award(template=template, kind=Award.Kind.LEVEL, level_code="village")
    services.on_level_changed(
        sender=None, user=volunteer, level=level, previous=None, promoted=False
    )
    assert not IssuedCertificate.objects.exists()


def test_manual_issue_needs_a_reason_and_keeps_it(award, volunteer):
    admin = factories.make_user(role="Administrator")
    with pytest.raises(services.CertificateError):
        services.certificate_issue_manual(
            user=volunteer, award=award, issued_by=admin, reason="  "
        )
    certificate, created = services.certificate_issue_manual(
        user=volunteer, award=award, issued_by=admin, reason="ผ่านการประเมินภาคสนาม"
    )
    assert (
        created
        and certificate.reason == "ผ่านการประเมินภาคสนาม"
        and certificate.issued_by == admin
    )
    _same, created_again = services.certificate_issue_manual(
        user=volunteer, award=award, issued_by=admin, reason="อีกครั้ง"
    )
    assert not created_again


def test_database_refuses_a_second_valid_certificate(award, volunteer):
    from django.db import IntegrityError, transaction

    certificate, _ = services.certificate_issue(user=volunteer, award=award)
    with pytest.raises(IntegrityError), transaction.atomic():
        IssuedCertificate.objects.create(
            code="X",
            award=award,
            template=award.template,
            user=volunteer,
            recipient_name="x",
            award_name_th="x",
            issuer_name="x",
            issued_at=certificate.issued_at,
        )
