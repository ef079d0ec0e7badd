"""Writes for the learning journey: enrolment and step progress.

Every write is idempotent under replays, double clicks and two open tabs:
unique constraints decide, and a duplicate insert is caught inside a
savepoint and turned into "already done". Records are always keyed to the
default-language (Thai) pages, so the English reader shares them.
"""

from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from .models import CoursePage, Enrollment, StepCompletion
from .progress_selectors import (
    canonical_page,  # re-exported: callers take it from services too
    course_of,
    course_steps,
    graded_content_type_ids,
    in_language,
    is_step,
    locked_step_ids,
    missing_prerequisites,
    quiz_content_type_ids,
)
from .signals import course_completed, step_completed


class EnrollmentError(Exception):
    """A learner may not enrol in (or progress through) a course yet; the message says why.

    ``code`` is a stable machine-readable reason, for the API's clients.
    """

    def __init__(self, message: str = "", code: str = "enrollment_refused"):
        super().__init__(message)
        self.code = code


def _get_or_create(model: type[models.Model], **fields) -> tuple[models.Model, bool]:
    """Insert once. A concurrent insert that won the race is read back instead:
    the savepoint keeps the caller's transaction usable after the IntegrityError."""
    try:
        with transaction.atomic():
            return model.objects.create(**fields), True
    except IntegrityError:
        return model.objects.get(**fields), False


@transaction.atomic
def enrollment_create(*, user, course: CoursePage) -> Enrollment:
    """Enrol ``user`` in ``course`` (idempotent).

    Refuses with an ``EnrollmentError`` naming the prerequisite courses that
    are not completed yet. Completions kept from an earlier enrolment count
    again at once, so re-enrolling resumes where the learner stopped.
    """
    course = canonical_page(course)
    missing = missing_prerequisites(user=user, course=course)
    if missing:
        shown = in_language(missing)
        titles = ", ".join(
            f"“{shown.get(c.translation_key, c).title}”" for c in missing
        )
        raise EnrollmentError(
            _("Complete %(courses)s first.") % {"courses": titles},
            code="prerequisites_missing",
        )
    enrollment, _created = _get_or_create(Enrollment, user=user, course=course)
    return enrollment


@transaction.atomic
def enrollment_delete(*, user, course: CoursePage) -> None:
    """Leave a course. Completed steps are kept, so enrolling again resumes."""
    Enrollment.objects.filter(user=user, course=canonical_page(course)).delete()


@transaction.atomic
def step_visit(*, user, page: Page) -> None:
    """Remember the step the learner last opened, for "continue where you left off".

    Does nothing outside an enrolment; one UPDATE, skipped when unchanged.
    """
    page = canonical_page(page)
    Enrollment.objects.filter(
        user=user, course__in=CoursePage.objects.ancestor_of(page)
    ).exclude(last_step=page).update(last_step=page, updated_at=timezone.now())


def lesson_mark_read(*, user, page: Page) -> StepCompletion:
    """The learner's own "done" for a step (the lesson's button or end-of-page
    script, the app's ``/steps/{id}/complete``). A quiz is completed only by
    passing it, so it is refused here with ``quiz_needs_pass``; another
    graded step (an e-learning package) with ``graded_step``."""
    if page.content_type_id in quiz_content_type_ids():
        raise EnrollmentError(
            _("A quiz is completed by passing it."), code="quiz_needs_pass"
        )
    if page.content_type_id in graded_content_type_ids():
        raise EnrollmentError(
            _("This step is completed by the result of its activity."),
            code="graded_step",
        )
    return step_complete(user=user, page=page)


@transaction.atomic
def step_complete(*, user, page: Page) -> StepCompletion:
    """Record that ``user`` finished a step: read a lesson, passed a quiz.

    Idempotent: calling it again returns the same row and sends nothing.
    Requires an enrolment and an open step (modules in order). When it
    completes the last step of the course, the enrolment is marked complete
    and ``course_completed`` is sent, once: the enrolment row is locked, so
    two tabs finishing the last two steps at once cannot both miss it.
    """
    page = canonical_page(page)
    if not is_step(page):
        raise EnrollmentError(
            _("Only lessons and quizzes can be completed."), code="not_a_step"
        )
    course = course_of(page=page)
    if course is None:
        raise EnrollmentError(
            _("This page is not part of a course."), code="not_in_course"
        )
    enrollment = (
        Enrollment.objects.select_for_update().filter(user=user, course=course).first()
    )
    if enrollment is None:
        raise EnrollmentError(_("Enrol in the course first."), code="not_enrolled")
    steps = course_steps(course=course)
    done = set(
        StepCompletion.objects.filter(user=user, course=course).values_list(
            "page_id", flat=True
        )
    )
    if page.pk not in done and page.pk in locked_step_ids(
        course=course, steps=steps, done=done
    ):
        raise EnrollmentError(
            _("Pass the quizzes of the earlier modules first."), code="step_locked"
        )
    completion, created = _get_or_create(
        StepCompletion, user=user, page=page, course=course
    )
    enrollment.last_step = page
    update = ["last_step", "updated_at"]
    # Signals are sent inside this transaction, so what listeners write
    # (competency evidence, levels, certificates) commits or rolls back with
    # the progress.
    if created:
        step_completed.send(sender=StepCompletion, user=user, page=page)
    done.add(page.pk)
    finished = bool(steps) and all(s.pk in done for s in steps)
    if enrollment.completed_at is None and finished:
        enrollment.completed_at = timezone.now()
        update.append("completed_at")
    enrollment.save(update_fields=update)
    if "completed_at" in update:
        course_completed.send(sender=Enrollment, user=user, course=course)
    return completion
