"""Fixtures for the public site: a Thai course with its English translation."""

import pytest
from wagtail.models import Locale

from competencies.models import ProficiencyLevel
from courses.models import LessonPage
from tests import factories


def translate(page, title, **fields):
    """Publish the English translation of a Thai page (copying its parents)."""
    english = Locale.objects.get(language_code="en")
    copy = page.copy_for_translation(english, copy_parents=True, alias=False)
    copy.title = title
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    copy.refresh_from_db()
    return copy


def lesson(slug: str, course=None) -> LessonPage:
    qs = LessonPage.objects.filter(slug=slug)
    if course is not None:
        qs = qs.descendant_of(course)
    return qs.get()


@pytest.fixture
def d1(db):
    competency = factories.make_competency(
        code="D1", name_th="การรู้เท่าทันสื่อ", name_en="Media literacy", levels=0
    )
    for level, th, en in [(1, "เริ่มต้น", "Beginner"), (2, "ใช้งานได้", "Practitioner")]:
        ProficiencyLevel.objects.create(
            competency=competency, level=level, name_th=th, name_en=en
        )
    return competency


@pytest.fixture
def course(catalogue, d1):
    return factories.make_course(
        catalogue,
        title="รู้ทันข่าวปลอม",
        slug="fake-news",
        topic="digital_literacy",
        summary="การตรวจสอบข่าวปลอมบนสื่อสังคมออนไลน์",
        description="<p>เรียนวิธีตรวจสอบแหล่งที่มา</p>",
        estimated_minutes=95,
        modules=2,
        lessons=2,
        competencies=[(d1, 2)],
    )
