"""The learner's actions and pages. Writes are POST with CSRF; every record
read or written is the signed-in user's own, and ids that are not a live
course or step give 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from wagtail.models import Page

from competencies.selectors import level_overview

from . import services
from .models import CoursePage
from .progress_selectors import (
    completed_course_ids,
    course_progress,
    in_language,
    is_step,
    just_completed_course,
)


def _safe_next(request) -> str | None:
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, {request.get_host()}, request.is_secure()
    ):
        return target
    return None


def _back(request, fallback: str) -> HttpResponseRedirect:
    return HttpResponseRedirect(_safe_next(request) or fallback)


def _shown(page: Page) -> Page:
    """``page`` in the reader's language when a live translation exists."""
    return in_language([page]).get(page.translation_key, page)


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _live_course(course_id: int) -> CoursePage:
    return get_object_or_404(CoursePage.objects.live(), pk=course_id)


@login_required
@require_GET
def competencies(request):
    """The volunteer's level, competency map and what the next level needs."""
    context = level_overview(user=request.user)
    names = {c.pk: c for area in context["areas"] for c in area.competencies.all()}
    for competency in names.values():
        # Proficiency in the framework's own words ("Applied"), not numbers.
        steps = {lv.level: lv.name for lv in competency.proficiency_levels.all()}
        competency.reached_name = steps.get(competency.reached, "")
        competency.required_name = steps.get(competency.required, "")
        competency.enough = competency.reached >= competency.required
    for item in context["missing"]:
        item["competency"] = names.get(item["competency_id"])
    return TemplateResponse(request, "learning/competencies.html", context)


@login_required
@require_POST
def enrol(request, course_id: int):
    course = _live_course(course_id)
    try:
        enrollment = services.enrollment_create(user=request.user, course=course)
    except services.EnrollmentError as err:
        messages.error(request, str(err))
        return _back(request, _shown(course).url)
    messages.success(request, _("You are enrolled. Enjoy the course!"))
    return HttpResponseRedirect(reverse("courses:resume", args=[enrollment.course_id]))


@login_required
@require_http_methods(["GET", "POST"])
def unenrol(request, course_id: int):
    """GET asks for confirmation (works without JS); POST leaves the course."""
    course = services.canonical_page(_live_course(course_id))
    progress = course_progress(user=request.user, course=course)
    if not progress.is_enrolled:
        raise Http404(_("You are not enrolled in this course."))
    if request.method == "GET":
        context = {
            "progress": progress,
            "display_course": _shown(course),
            "next": _safe_next(request) or "",
        }
        return TemplateResponse(request, "learning/unenrol_confirm.html", context)
    services.enrollment_delete(user=request.user, course=course)
    messages.success(
        request,
        _("You left the course. Your completed lessons are kept if you come back."),
    )
    return _back(request, _shown(course).url)


@login_required
@require_POST
def complete_step(request, page_id: int):
    """The "Mark as complete" button, and the end-of-lesson script (JSON)."""
    page = get_object_or_404(Page.objects.live(), pk=page_id)
    if not is_step(page):
        raise Http404(_("This page is not a lesson or a quiz."))
    before = completed_course_ids(user=request.user)
    try:
        services.lesson_mark_read(user=request.user, page=page)
    except services.EnrollmentError as err:
        if _wants_json(request):
            return JsonResponse({"ok": False, "error": str(err)}, status=400)
        messages.error(request, str(err))
        return _back(request, page.url)
    finished = just_completed_course(user=request.user, before=before, page=page)
    done_url = reverse("course_done", args=[finished.pk]) if finished else None
    if _wants_json(request):
        return JsonResponse({"ok": True, "done_url": done_url})
    if done_url:
        return HttpResponseRedirect(done_url)
    messages.success(request, _("Step completed."))
    return _back(request, page.url)


@login_required
@require_GET
def resume(request, course_id: int):
    """Go to the first step not done yet, in the reader's language; to the
    course page when everything is done or the reader is not enrolled."""
    course = services.canonical_page(_live_course(course_id))
    progress = course_progress(user=request.user, course=course)
    target = progress.next_step if progress.is_enrolled else None
    return HttpResponseRedirect(_shown(target or course).url)
