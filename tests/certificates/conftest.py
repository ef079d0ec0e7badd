"""Fixtures for certificates: a template, a course with its award, people who complete it."""

import shutil
import tempfile

import pytest
from django.test import override_settings

from certificates.models import (
    Award,
    AwardCourse,
    CertificateSignatory,
    CertificateTemplate,
)
from courses.models import LessonPage
from courses.services import enrollment_create, step_complete
from tests import factories


@pytest.fixture(autouse=True)
def _media_root():
    """Each test stores PDFs in its own temporary media directory."""
    path = tempfile.mkdtemp(prefix="certs-media-")
    with override_settings(MEDIA_ROOT=path):
        yield path
    shutil.rmtree(path, ignore_errors=True)


def make_template(**kwargs) -> CertificateTemplate:
    from certificates.demo import TEMPLATE_TH

    data = {**TEMPLATE_TH, **kwargs}
    data["slug"] = kwargs.get("slug") or f"tpl-{next(factories._seq)}"
    template = CertificateTemplate.objects.create(**data)
    CertificateSignatory.objects.create(
        template=template, name="นายประเสริฐ วงศ์สวัสดิ์", position="ผู้อำนวยการ"
    )
    return template


def make_award(*, template=None, courses=(), kind=Award.Kind.COURSE, **kwargs) -> Award:
    award = Award.objects.create(
        kind=kind, template=template or make_template(), **kwargs
    )
    for course in courses:
        AwardCourse.objects.create(award=award, course=course)
    return award


def complete(user, course) -> None:
    """Complete every lesson of ``course`` as the learner would."""
    enrollment_create(user=user, course=course)
    for lesson in LessonPage.objects.descendant_of(course).order_by("path"):
        step_complete(user=user, page=lesson)


@pytest.fixture
def template(db):
    return make_template()


@pytest.fixture
def competency(db):
    return factories.make_competency(
        code="D1", name_th="การรู้ดิจิทัล", name_en="Digital literacy"
    )


@pytest.fixture
def course(catalogue, competency):
    return factories.make_course(
        catalogue,
        title="การค้าออนไลน์อย่างปลอดภัย",
        slug="safe-selling",
        lessons=2,
        competencies=[(competency, 2)],
    )


@pytest.fixture
def award(template, course):
    return make_award(template=template, courses=[course])


@pytest.fixture
def volunteer(db):
    return factories.make_user(
        first_name="สมหญิง", last_name="ใจงาม", phone="0812345678"
    )
