"""Quizzes: start an attempt, fetch its questions (never which answer is
correct), autosave, submit, results and history. The quiz services grade."""

from datetime import datetime
from decimal import Decimal
from uuid import UUID

from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate
from wagtail.models import Locale

from courses.progress_selectors import in_language
from courses.quiz import selectors, services
from courses.quiz.models import Attempt, QuizPage

from ..core import ApiError, Id, Pages, Text, errors, not_found

router = Router(tags=["quizzes"])


class QuizStatusOut(Schema):
    can_start: bool
    passed: bool
    pending: bool
    remaining: int | None = Field(..., description="Attempts left; null = unlimited")
    open_attempt_id: UUID | None


class QuizOut(Schema):
    id: int
    title: str
    intro: str
    pass_mark: int
    attempts_allowed: int
    time_limit_minutes: int
    feedback: str
    status: QuizStatusOut


class OptionOut(Schema):
    id: int
    text: str
    chosen: bool


class QuestionOut(Schema):
    id: int
    number: int
    kind: str
    text: str
    points: int
    options: list[OptionOut]
    text_answer: str = Field(..., description="Text saved so far (short/free answers)")


class ReviewOptionOut(OptionOut):
    correct: bool


class ReviewOut(Schema):
    id: int
    number: int
    kind: str
    text: str
    points: int
    options: list[ReviewOptionOut]
    accepted_answers: list[str]
    text_answer: str
    credit: float | None
    explanation: str
    marker_comment: str


class AttemptSummary(Schema):
    id: UUID
    quiz_id: int
    quiz_title: str
    number: int
    status: str
    started_at: datetime
    deadline: datetime | None
    submitted_at: datetime | None
    late: bool
    score: Decimal | None
    passed: bool | None


class AttemptOut(AttemptSummary):
    questions: list[QuestionOut] = Field(
        ..., description="While the attempt is open; empty afterwards"
    )
    feedback_shown: bool
    review: list[ReviewOut] = Field(
        ..., description="After grading, as far as the quiz's feedback setting allows"
    )


class AnswerIn(Schema):
    question: Id
    options: list[Id] = Field(default_factory=list, max_length=50)
    text: Text = Field("", max_length=services.MAX_TEXT)


class AnswersIn(Schema):
    answers: list[AnswerIn] = Field(default_factory=list, max_length=200)


class SavedOut(Schema):
    saved: bool


class AttemptFilters(Schema):
    quiz: Id | None = None


def _shown_quiz(quiz: QuizPage) -> QuizPage:
    return quiz.get_translation_or_none(Locale.get_active()) or quiz


def _live_quiz(quiz_id: int) -> QuizPage:
    return get_object_or_404(QuizPage.objects.live(), pk=quiz_id)


def _own_attempt(user, public_id: UUID) -> Attempt:
    """The attempt if it is the person's own; anyone else's is a 404."""
    attempt = (
        Attempt.objects.select_related("quiz")
        .filter(public_id=public_id, user=user)
        .first()
    )
    if attempt is None:
        raise not_found()
    return attempt


def _summary(attempt: Attempt, title: str | None = None) -> dict:
    return {
        "id": attempt.public_id,
        "quiz_id": attempt.quiz_id,
        "quiz_title": title if title is not None else _shown_quiz(attempt.quiz).title,
        "number": attempt.number,
        "status": attempt.status,
        "started_at": attempt.started_at,
        "deadline": attempt.deadline,
        "submitted_at": attempt.submitted_at,
        "late": attempt.late,
        "score": attempt.score,
        "passed": attempt.passed,
    }


def attempt_out(attempt: Attempt) -> dict:
    data = _summary(attempt)
    data["questions"] = []
    data["review"] = []
    data["feedback_shown"] = False
    if attempt.is_open:
        # What the take page renders: no correct options, no accepted answers.
        data["questions"] = [
            {
                "id": q["id"],
                "number": q["number"],
                "kind": q["kind"],
                "text": q["text"],
                "points": q["points"],
                "options": [
                    {"id": o["id"], "text": o["text"], "chosen": o["chosen"]}
                    for o in q["options"]
                ],
                "text_answer": q["value"],
            }
            for q in selectors.attempt_questions(attempt=attempt)
        ]
        return data
    data["feedback_shown"] = selectors.feedback_shown(attempt=attempt)
    for item in selectors.attempt_review(attempt=attempt):
        answer = item["answer"]
        data["review"].append(
            {
                "id": item["id"],
                "number": item["number"],
                "kind": item["kind"],
                "text": item["text"],
                "points": item["points"],
                "options": [
                    {
                        "id": o["id"],
                        "text": o["text"],
                        "chosen": o["chosen"],
                        "correct": o["correct"],
                    }
                    for o in item["options"]
                ],
                "accepted_answers": item["accepted"],
                "text_answer": answer.text if answer else "",
                "credit": answer.credit if answer else None,
                "explanation": item["explanation"],
                "marker_comment": answer.marker_comment if answer else "",
            }
        )
    return data


def _responses(attempt: Attempt, payload: AnswersIn) -> dict:
    """``answers`` → the services' ``{question id: option ids or text}``.

    A question that is not in this attempt is a validation error naming it.
    """
    planned = {item["question"] for item in attempt.plan}
    fields = {}
    responses = {}
    for i, answer in enumerate(payload.answers):
        if answer.question not in planned:
            fields[f"answers.{i}.question"] = [
                _("This question is not part of the attempt.")
            ]
            continue
        responses[answer.question] = answer.options or answer.text
    if fields:
        raise ApiError(
            422, "validation_error", _("Check the fields named below."), fields
        )
    return responses


def _close_if_expired(request, attempt: Attempt) -> Attempt:
    """As the site does when an attempt is opened: one left open past its
    time limit (plus grace) is graded now from the answers saved before."""
    if (
        attempt.is_open
        and attempt.deadline
        and timezone.now() > attempt.deadline + services.GRACE
    ):
        return services.attempt_submit(
            user=request.user, public_id=attempt.public_id, responses={}
        )
    return attempt


@router.get("/quizzes/{quiz_id}", response={200: QuizOut, **errors(404)})
def quiz_detail(request, quiz_id: Id):
    """A quiz's settings and the person's standing: may they start, attempts
    left, passed, waiting for marking, the open attempt to resume."""
    quiz = _live_quiz(quiz_id)
    status = selectors.quiz_status(user=request.user, quiz=quiz)
    canonical = services.canonical_page(quiz)
    shown = _shown_quiz(quiz)
    return {
        "id": quiz.pk,
        "title": shown.title,
        "intro": shown.intro,
        "pass_mark": canonical.pass_mark,
        "attempts_allowed": canonical.attempts_allowed,
        "time_limit_minutes": canonical.time_limit_minutes,
        "feedback": canonical.feedback,
        "status": {
            "can_start": status["can_start"],
            "passed": status["passed"],
            "pending": status["pending"],
            "remaining": status["remaining"],
            "open_attempt_id": status["open_attempt"].public_id
            if status["open_attempt"]
            else None,
        },
    }


@router.post(
    "/quizzes/{quiz_id}/attempts", response={201: AttemptOut, **errors(404, 409)}
)
def attempt_start(request, quiz_id: Id):
    """Start an attempt, or resume the open one. Refused with 409 and a code:
    ``not_enrolled``, ``quiz_locked``, ``already_passed``,
    ``awaiting_marking``, ``no_attempts_left``, ``no_questions``."""
    quiz = _live_quiz(quiz_id)
    try:
        attempt = services.attempt_start(user=request.user, quiz=quiz)
    except services.QuizError as err:
        raise ApiError(409, err.code, str(err)) from err
    return Status(201, attempt_out(attempt))


@router.get("/attempts", response={200: list[AttemptSummary], **errors()})
@paginate(Pages)
def attempt_list(request, filters: Query[AttemptFilters]):
    """The person's attempts, newest first; ``quiz`` limits them to one quiz."""
    attempts = (
        Attempt.objects.filter(user=request.user)
        .select_related("quiz")
        .order_by("-started_at", "-pk")
    )
    if filters.quiz:
        attempts = attempts.filter(quiz_id=filters.quiz)
    return _Summaries(attempts)


class _Summaries:
    """Attempt rows for one page, quiz titles in the reader's language (two
    queries a page, whatever its size)."""

    def __init__(self, queryset):
        self.queryset = queryset

    def __len__(self):
        return self.queryset.count()

    def __getitem__(self, window):
        rows = list(self.queryset[window])
        shown = in_language([a.quiz for a in rows])
        return [
            _summary(a, shown.get(a.quiz.translation_key, a.quiz).title) for a in rows
        ]


@router.get("/attempts/{attempt_id}", response={200: AttemptOut, **errors(404)})
def attempt_detail(request, attempt_id: UUID):
    """An open attempt's questions, or a submitted one's result and review."""
    attempt = _close_if_expired(request, _own_attempt(request.user, attempt_id))
    return attempt_out(attempt)


@router.put(
    "/attempts/{attempt_id}/answers", response={200: SavedOut, **errors(404, 422)}
)
def attempt_save(request, attempt_id: UUID, payload: AnswersIn):
    """Autosave the answers given so far (they count if time runs out).
    ``saved`` is false once the attempt is submitted or its time is over."""
    attempt = _own_attempt(request.user, attempt_id)
    saved = services.attempt_save(
        user=request.user,
        public_id=attempt.public_id,
        responses=_responses(attempt, payload),
    )
    return {"saved": saved}


@router.post(
    "/attempts/{attempt_id}/submit", response={200: AttemptOut, **errors(404, 422)}
)
def attempt_submit(request, attempt_id: UUID, payload: AnswersIn):
    """Submit and grade, once: a repeated submission returns the same result.
    Passing completes the quiz step (and may complete the course, record
    competencies, raise the level and issue a certificate)."""
    attempt = _own_attempt(request.user, attempt_id)
    attempt = services.attempt_submit(
        user=request.user,
        public_id=attempt.public_id,
        responses=_responses(attempt, payload),
    )
    return attempt_out(attempt)
