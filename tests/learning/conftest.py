"""Fixtures for enrolment, progress and the dashboard."""

import pytest
from wagtail.models import Locale

from courses.models import LessonPage, ModulePage
from tests import factories


def lessons_of(course) -> list[LessonPage]:
    return list(LessonPage.objects.descendant_of(course).order_by("path"))


def modules_of(course) -> list[ModulePage]:
    return list(ModulePage.objects.child_of(course).order_by("path"))


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


def add_quiz(module, title="แบบทดสอบท้ายบท", **kwargs):
    """A published quiz step at the end of ``module`` (no questions needed:
    these tests complete it as the quiz engine does, through step_complete)."""
    from courses.quiz.models import QuizPage

    kwargs.setdefault("slug", f"quiz-{module.pk}")
    quiz = module.add_child(instance=QuizPage(title=title, **kwargs))
    quiz.save_revision().publish()
    return QuizPage.objects.get(pk=quiz.pk)


@pytest.fixture
def course(catalogue):
    """Two modules of two lessons each: four steps."""
    return factories.make_course(
        catalogue, title="รู้ทันข่าวปลอม", slug="fake-news", modules=2, lessons=2
    )


@pytest.fixture
def learner(db):
    return factories.make_user()


@pytest.fixture
def ordered_course(catalogue):
    """Modules in order: module 1 = lesson, quiz; module 2 = lesson, lesson."""
    course = factories.make_course(
        catalogue,
        title="ความปลอดภัยออนไลน์",
        modules=2,
        lessons=1,
        require_quiz_pass=True,
    )
    first, second = modules_of(course)
    second.add_child(
        instance=LessonPage(
            title="บทเรียน 2.2",
            slug="lesson-2-2",
            body=[("paragraph_block", "<p>ต่อ</p>")],
        )
    ).save_revision().publish()
    add_quiz(first)
    return course
