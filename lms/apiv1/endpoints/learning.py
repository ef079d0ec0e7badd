"""Enrolment and progress: the same services as the site's buttons."""

from datetime import datetime

from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.pagination import paginate
from wagtail.models import Page

from courses import services
from courses.models import CoursePage, StepCompletion
from courses.progress_selectors import (
    CourseProgress,
    course_progress,
    dashboard,
    in_language,
    is_step,
)

from ..core import ApiError, Id, Pages, errors, not_found
from .common import StepKind, step_kind, step_ref

router = Router(tags=["learning"])


class StepRef(Schema):
    id: int
    title: str
    kind: StepKind
    content_url: str


class StepProgress(StepRef):
    done: bool
    locked: bool


class EnrolmentOut(Schema):
    course_id: int
    title: str
    percent: int
    completed_steps: int
    total_steps: int
    is_complete: bool
    enrolled_at: datetime
    completed_at: datetime | None
    next_step: StepRef | None


class EnrolmentDetail(EnrolmentOut):
    steps: list[StepProgress]


class EnrolIn(Schema):
    course_id: Id


class CompletionOut(Schema):
    step_id: int
    completed_at: datetime
    enrolment: EnrolmentOut


def _refused(err) -> ApiError:
    return ApiError(409, getattr(err, "code", "refused"), str(err))


def enrolment_out(request, progress: CourseProgress, shown: dict | None = None) -> dict:
    """One enrolment's progress; titles in the reader's language."""
    if shown is None:
        pages = [progress.course] + ([progress.next_step] if progress.next_step else [])
        shown = in_language(pages)
    course = shown.get(progress.course.translation_key, progress.course)
    following = progress.next_step
    if following is not None:
        following = shown.get(following.translation_key, following)
    return {
        "course_id": progress.course.pk,
        "title": course.title,
        "percent": progress.percent,
        "completed_steps": progress.completed,
        "total_steps": progress.total,
        "is_complete": progress.is_complete,
        "enrolled_at": progress.enrollment.enrolled_at,
        "completed_at": progress.enrollment.completed_at,
        "next_step": step_ref(request, following),
    }


def _own_progress(user, course_id: int) -> CourseProgress:
    """The person's progress in a live course they are enrolled in, else 404."""
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    progress = course_progress(user=user, course=services.canonical_page(course))
    if not progress.is_enrolled:
        raise not_found()
    return progress


@router.get("/enrolments", response={200: list[EnrolmentOut], **errors()})
@paginate(Pages)
def enrolment_list(request):
    """The person's courses, as on *My learning*: in progress (last studied
    first), then completed (most recent first)."""
    data = dashboard(user=request.user)
    items = data["in_progress"] + data["completed"]
    shown = {}
    for item in items:
        shown[item.course.translation_key] = item.display_course or item.course
        if item.next_step is not None:
            shown[item.next_step.translation_key] = item.display_next or item.next_step
    return [enrolment_out(request, item, shown) for item in items]


@router.post("/enrolments", response={201: EnrolmentOut, **errors(404, 409)})
def enrolment_create(request, payload: EnrolIn):
    """Enrol in a course (again: resumes; twice: harmless). Refused with 409
    ``prerequisites_missing`` while a prerequisite course is not completed."""
    course = get_object_or_404(CoursePage.objects.live(), pk=payload.course_id)
    try:
        enrollment = services.enrollment_create(user=request.user, course=course)
    except services.EnrollmentError as err:
        raise _refused(err) from err
    progress = course_progress(user=request.user, course=enrollment.course)
    return Status(201, enrolment_out(request, progress))


@router.get("/enrolments/{course_id}", response={200: EnrolmentDetail, **errors(404)})
def enrolment_detail(request, course_id: Id):
    """Progress in one course, step by step (done, locked). Not enrolled: 404."""
    progress = _own_progress(request.user, course_id)
    shown = in_language([progress.course, *progress.steps])
    data = enrolment_out(request, progress, shown)
    locked = progress.locked
    data["steps"] = [
        {
            **step_ref(request, shown.get(step.translation_key, step)),
            "kind": step_kind(step),
            "done": step.pk in progress.done,
            "locked": step.pk in locked,
        }
        for step in progress.steps
    ]
    return data


@router.delete("/enrolments/{course_id}", response={204: None, **errors(404)})
def enrolment_delete(request, course_id: Id):
    """Leave a course; completed steps are kept for when the person comes back."""
    progress = _own_progress(request.user, course_id)
    services.enrollment_delete(user=request.user, course=progress.course)
    return Status(204, None)


@router.post(
    "/steps/{step_id}/complete", response={200: CompletionOut, **errors(404, 409)}
)
def step_complete(request, step_id: Id):
    """Mark a lesson read (idempotent). Refused with 409 when not enrolled
    (``not_enrolled``), while the module is locked (``step_locked``) or for
    a quiz (``quiz_needs_pass``: quizzes are completed by passing them)."""
    page = get_object_or_404(Page.objects.live(), pk=step_id)
    if not is_step(page):
        raise not_found()
    try:
        # A quiz is completed by passing it (POST /attempts/{id}/submit).
        completion: StepCompletion = services.lesson_mark_read(
            user=request.user, page=page
        )
    except services.EnrollmentError as err:
        raise _refused(err) from err
    progress = course_progress(user=request.user, course=completion.course)
    return {
        "step_id": completion.page_id,
        "completed_at": completion.completed_at,
        "enrolment": enrolment_out(request, progress),
    }
