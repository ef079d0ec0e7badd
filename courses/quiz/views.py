"""Taking a quiz. Attempts are addressed by an unguessable id and only their owner sees them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.models import Locale

from courses.progress_selectors import (
    completed_course_ids,
    course_of,
    just_completed_course,
)

from . import selectors, services
from .models import Attempt, QuizPage


def _own_attempt(request, public_id) -> Attempt:
    """The attempt, if it is the signed-in user's; anyone else gets a 404."""
    attempt = (
        Attempt.objects.select_related("quiz")
        .filter(public_id=public_id, user=request.user)
        .first()
    )
    if attempt is None:
        raise Http404
    return attempt


def _localized_quiz(quiz: QuizPage) -> QuizPage:
    return quiz.get_translation_or_none(Locale.get_active()) or quiz


def _responses(request, attempt: Attempt) -> dict[int, list[str]]:
    """Form fields ``q<question id>``: option ids (radio/checkbox) or text."""
    return {
        item["question"]: request.POST.getlist(f"q{item['question']}")
        for item in attempt.plan
        if f"q{item['question']}" in request.POST
    }


@login_required
@require_POST
def start(request, page_id: int):
    quiz = get_object_or_404(QuizPage.objects.live(), pk=page_id)
    try:
        attempt = services.attempt_start(user=request.user, quiz=quiz)
    except services.QuizError as err:
        messages.error(request, str(err))
        return HttpResponseRedirect(quiz.url)
    return redirect("quiz:attempt", public_id=attempt.public_id)


@login_required
def attempt(request, public_id):
    attempt = _own_attempt(request, public_id)
    if (
        attempt.is_open
        and attempt.deadline
        and timezone.now() > attempt.deadline + services.GRACE
    ):
        # Left open past the limit: close it now, graded from what was saved.
        attempt = services.attempt_submit(
            user=request.user, public_id=public_id, responses={}
        )
    page = _localized_quiz(attempt.quiz)
    course = course_of(page=attempt.quiz) if attempt.passed else None
    done_url = (
        reverse("course_done", args=[course.pk])
        if course and course.pk in completed_course_ids(user=request.user)
        else None
    )
    if attempt.is_open:
        return TemplateResponse(
            request,
            "quiz/take.html",
            {
                "attempt": attempt,
                "quiz": page,
                "questions": selectors.attempt_questions(attempt=attempt),
            },
        )
    return TemplateResponse(
        request,
        "quiz/result.html",
        {
            "attempt": attempt,
            "quiz": page,
            "review": selectors.attempt_review(attempt=attempt),
            "feedback_shown": selectors.feedback_shown(attempt=attempt),
            "status": selectors.quiz_status(user=request.user, quiz=attempt.quiz),
            "done_url": done_url,
            "tally": selectors.attempt_tally(attempt=attempt),
        },
    )


@login_required
@require_POST
def save(request, public_id):
    """Autosave (from quiz.js) of the answers given so far."""
    attempt = _own_attempt(request, public_id)
    saved = services.attempt_save(
        user=request.user,
        public_id=attempt.public_id,
        responses=_responses(request, attempt),
    )
    return JsonResponse({"saved": saved})


@login_required
@require_POST
def submit(request, public_id):
    """Grade the attempt; passing the step that completes the course leads to
    the completion screen, anything else to the result."""
    attempt = _own_attempt(request, public_id)
    before = completed_course_ids(user=request.user)
    responses = _responses(request, attempt)
    was_open = attempt.is_open
    graded = services.attempt_submit(
        user=request.user, public_id=attempt.public_id, responses=responses
    )
    blank = len(attempt.plan) - sum(
        1 for values in responses.values() if any(v.strip() for v in values)
    )
    if was_open and not graded.is_open and not graded.late and blank > 0:
        # Never silent (the page's script asks first; without it, say so here).
        messages.warning(
            request,
            ngettext(
                "%(n)s question was left unanswered.",
                "%(n)s questions were left unanswered.",
                blank,
            )
            % {"n": blank},
        )
    if graded.passed:
        finished = just_completed_course(
            user=request.user, before=before, page=graded.quiz
        )
        if finished:
            return HttpResponseRedirect(reverse("course_done", args=[finished.pk]))
    return redirect("quiz:attempt", public_id=attempt.public_id)
