"""Learner state for the course and lesson includes.

The page templates belong to the site; these tags let the learning includes
fetch what they need themselves, in a fixed number of queries, memoised on
the request so a page asking twice pays once.
"""

from dataclasses import dataclass, field

from django import template
from django.utils import timezone
from django.utils.dateformat import format as date_format
from pythainlp.util import thai_strftime
from wagtail.models import Page

from lms.i18n import current_language

from ..page_context import progress_for
from ..progress_selectors import (
    CourseProgress,
    course_of,
    graded_content_type_ids,
    in_language,
    missing_prerequisites,
)
from ..services import canonical_page, step_visit

register = template.Library()


@dataclass
class CourseLearning:
    """What course_actions.html shows for one reader and one course."""

    course: Page  # default-language course: the id in enrol/resume URLs
    progress: CourseProgress
    missing: list[Page] = field(
        default_factory=list
    )  # prerequisites, in the reader's language
    first_step: Page | None = None


@dataclass
class StepLearning:
    """What lesson_actions.html shows for one reader and one step."""

    step: Page  # default-language step: the id in the complete URL
    course: Page | None
    progress: CourseProgress | None
    done: bool = False
    locked: bool = False
    is_quiz: bool = False
    next_step: Page | None = None  # in the reader's language
    blocking_quiz: Page | None = (
        None  # the quiz that opens a locked step, in the reader's language
    )
    display_course: Page | None = None
    # Prerequisites not completed yet (reader not enrolled), in the reader's language.
    missing: list[Page] = field(default_factory=list)


def _memo(context, key, build):
    request = context.get("request")
    cache = getattr(request, "_learning_tags", None) if request is not None else None
    if cache is None:
        cache = {}
        if request is not None:
            request._learning_tags = cache
    if key not in cache:
        cache[key] = build()
    return cache[key]


def _user(context):
    request = context.get("request")
    return getattr(request, "user", None) or context.get("user")


@register.simple_tag(takes_context=True)
def course_learning(context, page: Page) -> CourseLearning:
    """``{% course_learning page as learning %}`` on a course page (either language)."""

    def build() -> CourseLearning:
        user = _user(context)
        course = canonical_page(page)
        progress = progress_for(context.get("request"), user, course)
        missing = (
            []
            if progress.is_enrolled
            else missing_prerequisites(user=user, course=course)
        )
        first = progress.steps[0] if progress.steps else None
        shown = in_language(missing + ([first] if first else []))
        return CourseLearning(
            course=course,
            progress=progress,
            missing=[shown.get(p.translation_key, p) for p in missing],
            first_step=first and shown.get(first.translation_key, first),
        )

    return _memo(context, ("course", page.pk), build)


@register.simple_tag(takes_context=True)
def step_learning(context, page: Page) -> StepLearning:
    """``{% step_learning page as learning %}`` on a lesson or quiz page.

    Also remembers this step as the enrolled reader's last one: the include
    is the page's hook for "continue where you left off".
    """

    def build() -> StepLearning:
        user = _user(context)
        step = canonical_page(page)
        known = context.get("canonical_course")
        # The page's context found the course already (for this very page).
        course = (
            known
            if known is not None and context.get("page") is page
            else course_of(page=step)
        )
        state = StepLearning(
            step=step,
            course=course,
            progress=None,
            is_quiz=step.content_type_id in graded_content_type_ids(),
        )
        if course is None:
            return state
        progress = progress_for(context.get("request"), user, course)
        state.progress = progress
        ids = [s.pk for s in progress.steps]
        following = (
            progress.steps[ids.index(step.pk) + 1] if step.pk in ids[:-1] else None
        )
        state.done = step.pk in progress.done
        state.locked = not state.done and step.pk in progress.locked
        blocking = None
        if state.locked:
            quizzes = graded_content_type_ids()
            blocking = next(
                (
                    s
                    for s in progress.steps
                    if s.content_type_id in quizzes and s.pk not in progress.done
                ),
                None,
            )
        missing = (
            missing_prerequisites(user=user, course=course)
            if not progress.is_enrolled and getattr(user, "is_authenticated", False)
            else []
        )
        shown = in_language(
            [p for p in (following, blocking, course) if p is not None] + missing
        )
        state.missing = [shown.get(p.translation_key, p) for p in missing]
        state.next_step = following and shown.get(following.translation_key, following)
        state.blocking_quiz = blocking and shown.get(blocking.translation_key, blocking)
        state.display_course = shown.get(course.translation_key, course)
        if (
            progress.is_enrolled
            and not state.locked
            and progress.enrollment.last_step_id != step.pk
        ):
            step_visit(user=user, page=step)
        return state

    return _memo(context, ("step", page.pk), build)


@register.simple_tag
def step_state(learning: CourseLearning, step: Page) -> str:
    """``{% step_state learning step as state %}`` in a course outline: "done",
    "current" (the next step to take), "locked", "todo" (open, later), or ""
    (not enrolled).

    ``step`` may be in either language; ``learning`` is what
    ``course_learning`` gave (no query).
    """
    progress = learning.progress
    if not progress.is_enrolled:
        return ""
    states = getattr(learning, "_step_states", None)
    if states is None:
        locked = progress.locked
        following = progress.next_step
        states = {}
        for s in progress.steps:
            if s.pk in progress.done:
                states[s.translation_key] = "done"
            elif s.pk in locked:
                states[s.translation_key] = "locked"
        if following is not None:
            states[following.translation_key] = "current"
        learning._step_states = states
    return states.get(step.translation_key, "todo")


@register.filter
def learning_date(value) -> str:
    """A date as people read it: Buddhist Era in Thai (25 พ.ย. 2569), else "25 November 2026"."""
    if not value:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    if current_language() == "th":
        return thai_strftime(value, "%-d %b %Y")
    return date_format(value, "j F Y")
