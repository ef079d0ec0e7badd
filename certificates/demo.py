"""Demo certificates: a Thai and an English template and one award per course.

``load_demo_certificates()`` is idempotent (the lead's ``load_demo`` calls it
after the courses exist); ``issue_demo_certificate(user=…, course=…)`` gives a
demo volunteer the certificate of a course they completed.
"""

from django.db import transaction
from wagtail.models import Locale

from courses.models import CoursePage
from courses.services import canonical_page

from .models import (
    Award,
    AwardCourse,
    CertificateSignatory,
    CertificateTemplate,
    IssuedCertificate,
)
from .services import certificate_issue

TEMPLATE_TH = {
    "slug": "course-th",
    "name": "เกียรติบัตรหลักสูตร (ไทย)",
    "language": "th",
    "title_th": "เกียรติบัตร",
    "title_en": "Certificate of Completion",
    "body_th": (
        "ขอมอบเกียรติบัตรฉบับนี้ไว้เพื่อแสดงว่า\n\n{name}\n\n"
        "ได้ผ่านการเรียนรู้และสำเร็จหลักสูตร\n\n{award}\n\n"
        "{competencies}\n\n"
        "ให้ไว้ ณ วันที่ {date}"
    ),
    "body_en": "",
    "issuer_name_th": "โครงการอาสาสมัครดิจิทัล (อสด.)",
    "issuer_name_en": "Digital Volunteer Programme",
}
TEMPLATE_EN = {
    "slug": "course-en",
    "name": "Course certificate (English)",
    "language": "en",
    "title_th": "เกียรติบัตร",
    "title_en": "Certificate of Completion",
    "body_th": TEMPLATE_TH["body_th"],
    "body_en": (
        "This certifies that\n\n{name}\n\nhas successfully completed the course\n\n{award}\n\n"
        "{competencies}\n\nAwarded on {date}"
    ),
    "issuer_name_th": "โครงการอาสาสมัครดิจิทัล (อสด.)",
    "issuer_name_en": "Digital Volunteer Programme",
}
SIGNATORIES = [
    ("นายประเสริฐ วงศ์สวัสดิ์", "ผู้อำนวยการโครงการอาสาสมัครดิจิทัล"),
    ("นางสาวพิมพ์ชนก แก้วมณี", "หัวหน้าฝ่ายพัฒนาศักยภาพอาสาสมัคร"),
]


def _template(data: dict) -> CertificateTemplate:
    template, created = CertificateTemplate.objects.get_or_create(
        slug=data["slug"], defaults=data
    )
    if created:
        for i, (name, position) in enumerate(SIGNATORIES):
            CertificateSignatory.objects.create(
                template=template, name=name, position=position, sort_order=i
            )
    return template


@transaction.atomic
def load_demo_certificates() -> CertificateTemplate:
    """The default Thai template (and an English one) and an award for each Thai course."""
    template = _template(TEMPLATE_TH)
    _template(TEMPLATE_EN)
    thai = Locale.objects.filter(language_code="th").first()
    courses = CoursePage.objects.live()
    if thai is not None:
        courses = courses.filter(locale=thai)
    english = Locale.objects.filter(language_code="en").first()
    for course in courses:
        award = Award.objects.filter(
            kind=Award.Kind.COURSE, courses__course=course
        ).first()
        if award is None:
            award = Award.objects.create(kind=Award.Kind.COURSE, template=template)
            AwardCourse.objects.create(award=award, course=course)
        if not award.name_th:
            # Named after the course, so lists of awards read as what they are.
            translation = course.get_translation_or_none(english) if english else None
            award.name_th = course.title
            award.name_en = award.name_en or (translation.title if translation else "")
            award.save(update_fields=["name_th", "name_en"])
    return template


@transaction.atomic
def issue_demo_certificate(*, user, course) -> IssuedCertificate:
    """The certificate of ``course`` for ``user`` (issued once; the course's award is created if missing)."""
    course = canonical_page(course)
    award = Award.objects.filter(kind=Award.Kind.COURSE, courses__course=course).first()
    if award is None:
        award = Award.objects.create(
            kind=Award.Kind.COURSE, template=_template(TEMPLATE_TH)
        )
        AwardCourse.objects.create(award=award, course=course)
    certificate, _created = certificate_issue(user=user, award=award)
    return certificate
