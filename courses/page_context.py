"""What each course page adds to its template context, for the reader.

The page models cannot import the selectors and services that read them (those
import the models), so ``CoursesConfig.ready`` registers these functions in
``courses.models.pages.PAGE_CONTEXTS`` by model label, and each page's
``get_context`` calls the one for its type.
"""

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject
from wagtail.models import Page

from competencies.selectors import competency_choices

from .choices import Topic
from .models import CourseIndexPage, CoursePage, ModulePage
from .progress_selectors import (
    CourseProgress,
    canonical_page,
    course_progress,
    course_steps,
    locked_step_ids,
    missing_prerequisites,
)
from .quiz.selectors import quiz_status
from .selectors import (
    adjacent_steps,
    course_competencies,
    course_for_page,
    course_list,
    course_outline_and_steps,
    course_prerequisites,
    step_pages,
)


def progress_for(
    request: HttpRequest | None, user, course: CoursePage, steps=None
) -> CourseProgress:
    """``course_progress`` once per request: the page's context and the
    learning template tags ask for the same course. ``steps``: the course's
    live steps when the caller has read them already."""
    if request is None:
        return course_progress(user=user, course=course, steps=steps)
    memo = request.__dict__.setdefault("_course_progress", {})
    key = (getattr(user, "pk", None), course.pk)
    if key not in memo:
        memo[key] = course_progress(user=user, course=course, steps=steps)
    return memo[key]


def catalogue_context(page: CourseIndexPage, request: HttpRequest) -> dict:
    """The catalogue: live courses filtered by topic and competency."""
    topic = request.GET.get("topic") or None
    if topic not in Topic.values:
        topic = None
    competency = request.GET.get("competency") or None
    # Lazy: read only when the template's cached cards are not kept.
    return {
        "courses": SimpleLazyObject(
            lambda: list(
                course_list(locale=page.locale, topic=topic, competency_code=competency)
            )
        ),
        "topics": Topic.choices,
        "selected_topic": topic,
        "competencies": SimpleLazyObject(competency_choices),
        "selected_competency": competency,
    }


def course_context(page: CoursePage, request: HttpRequest) -> dict:
    """A course's outline, competencies, prerequisites and the reader's progress."""
    outline, steps = course_outline_and_steps(course=page)
    canonical = canonical_page(page)
    return {
        "progress": progress_for(
            request,
            request.user,
            canonical,
            steps=steps if canonical.pk == page.pk else None,
        ),
        # Read only if a template asks (the actions panel has its own).
        "missing_prerequisites": SimpleLazyObject(
            lambda: missing_prerequisites(user=request.user, course=canonical)
        ),
        "canonical": canonical,
        "outline": outline,
        "first_step": next((s for m in outline for s in m["steps"]), None),
        "competency_links": course_competencies(course=page),
        "prerequisites": course_prerequisites(course=page),
    }


def module_context(page: ModulePage, request: HttpRequest) -> dict:
    return {"steps": step_pages(course=page)}


def lesson_context(page: Page, request: HttpRequest) -> dict:
    return step_context(page, request.user, request=request)


def quiz_context(page: Page, request: HttpRequest) -> dict:
    context = step_context(page, request.user, request=request)
    context["status"] = quiz_status(user=request.user, quiz=page)
    return context


def step_context(page: Page, user=None, request: HttpRequest | None = None) -> dict:
    """Context every step page (lesson, quiz) shares: its course, neighbours and
    the reader's progress (enrolled, done, locked).

    The neighbours are plain pages (title and URL: one query for the course,
    shared with the reader's progress when the page is in the default
    language), not specific ones with their bodies."""
    # The pages above this one, read with the route (lms.home's router).
    ancestors = getattr(request, "_lms_ancestors", {}).get(page.pk)
    course = course_for_page(page=page, ancestors=ancestors)
    canonical_course = canonical_page(course) if course is not None else None
    signed_in = user is not None and user.is_authenticated
    progress = (
        progress_for(request, user, canonical_course)
        if canonical_course is not None and (signed_in or request is not None)
        else None
    )
    if course is None:
        steps = []
    elif progress is not None and canonical_course.pk == course.pk:
        steps = progress.steps
    else:
        steps = course_steps(course=course)
    previous, following = adjacent_steps(page=page, steps=steps)
    context = {
        "course": course,
        "steps": steps,
        "step_number": next(
            (i for i, s in enumerate(steps, 1) if s.pk == page.pk), None
        ),
        "previous_step": previous,
        "next_step": following,
        "enrolled": False,
        "step_done": False,
        "step_locked": False,
        "canonical_course": canonical_course,
    }
    if progress is not None and signed_in:
        canonical_step = canonical_page(page)
        context.update(
            canonical_step=canonical_step,
            enrolled=progress.enrollment is not None,
            step_done=canonical_step.pk in progress.done,
            step_locked=canonical_step.pk
            in locked_step_ids(
                course=canonical_course, steps=progress.steps, done=progress.done
            ),
        )
    return context


# Model label -> the function giving that page type's context.
PAGE_CONTEXTS = {
    "courses.courseindexpage": catalogue_context,
    "courses.coursepage": course_context,
    "courses.modulepage": module_context,
    "courses.lessonpage": lesson_context,
    "quiz.quizpage": quiz_context,
}
