"""Quizzes: start an attempt, fetch its questions (never which answer is
correct), autosave, submit, results and history. The quiz services grade.

Matching questions are shown as the take page shows them: the items
(``options``, by option id) and the answers to pair them with (``choices``,
by their position in a list shuffled when the attempt started, so a choice's
id says nothing about the item it belongs to). Numerical questions are a
number field; the correct number and its tolerance stay on the server.
"""

from datetime import datetime
from decimal import Decimal
from typing import Annotated
from uuid import UUID

from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate
from wagtail.models import Locale

from courses.progress_selectors import in_language
from courses.quiz import grading, selectors, services
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


class ChoiceOut(Schema):
    id: int = Field(
        ...,
        description="The choice's position in this attempt's shuffled list "
        "(the value the take page's select sends); not tied to any item",
    )
    text: str


class QuestionOut(Schema):
    id: int
    number: int
    kind: str = Field(
        ...,
        description="single, multiple, true_false, short, free, matching or numerical",
    )
    text: str
    points: int
    options: list[OptionOut] = Field(
        ...,
        description="Choice questions: the options. Matching: the items to "
        "pair (``chosen`` is always false; see ``matches``)",
    )
    choices: list[ChoiceOut] = Field(
        ...,
        description="Matching only: the answers to pair the items with, each "
        "once, in a fixed order that does not follow the items",
    )
    matches: dict[str, int] = Field(
        ...,
        description="Matching only: saved so far, item (option) id → choice id",
    )
    text_answer: str = Field(
        ...,
        description="Saved so far: short and free answers, and numerical ones "
        "as the text typed or sent",
    )


class ReviewOptionOut(OptionOut):
    correct: bool
    chosen_text: str = Field(
        "", description="Matching only: the answer chosen for this item"
    )
    match: str = Field("", description="Matching only: the right answer")


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


# A matching answer: item (option) id → choice id (a position from 0).
ChoiceId = Annotated[int, Field(ge=0, le=1000)]


class AnswerIn(Schema):
    question: Id
    options: list[Id] = Field(
        default_factory=list,
        max_length=50,
        description="Single, multiple and true/false: the option ids chosen",
    )
    text: Text = Field(
        "",
        max_length=services.MAX_TEXT,
        description="Short and free answers; numerical as typed, like the "
        "take page: Thai digits (๐–๙) and spaces are accepted and a comma "
        "separates thousands (“๑,๒๐๐” is 1200; the decimal mark is a point)",
    )
    number: float | None = Field(
        None,
        allow_inf_nan=False,
        description="Numerical: the answer as a JSON number (instead of text)",
    )
    matches: dict[Id, ChoiceId] | None = Field(
        None,
        max_length=50,
        description="Matching: item (option) id → choice id; items left out "
        "are unanswered",
    )


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
                "choices": [
                    {"id": c["index"], "text": c["text"]} for c in q["choices"]
                ],
                "matches": {
                    str(o["id"]): o["pick"] for o in q["options"] if o["pick"] >= 0
                },
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
                        "chosen_text": o.get("chosen_text", ""),
                        "match": o.get("match", ""),
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
    """``answers`` → the services' ``{question id: option ids, picks or text}``.

    Each answer must fit its question's kind (the frozen key says which): a
    question that is not in this attempt, an unknown item or choice, a field
    of another kind or a numerical answer that is not a number is a
    validation error naming the field, and nothing is saved or graded.
    """
    plan = {item["question"]: item for item in attempt.plan}
    kinds = {
        int(qid): spec["kind"]
        for qid, spec in selectors.attempt_key(attempt=attempt).items()
    }
    fields: dict[str, list[str]] = {}
    responses = {}
    for i, answer in enumerate(payload.answers):
        where = f"answers.{i}"
        if answer.question not in plan:
            fields[f"{where}.question"] = [
                _("This question is not part of the attempt.")
            ]
            continue
        kind = kinds.get(answer.question)
        if kind == "matching":
            value = _matching_picks(plan[answer.question], answer, where, fields)
        elif kind == "numerical":
            value = _numerical_text(answer, where, fields)
        else:
            value = _plain_answer(kind, answer, where, fields)
        responses[answer.question] = value
    if fields:
        raise ApiError(
            422, "validation_error", _("Check the fields named below."), fields
        )
    return responses


def _not_for_this_kind(answer: AnswerIn, allowed: set[str], where, fields) -> None:
    sent = {
        "options": bool(answer.options),
        "text": bool(answer.text),
        "number": answer.number is not None,
        "matches": answer.matches is not None,
    }
    for name, given in sent.items():
        if given and name not in allowed:
            fields[f"{where}.{name}"] = [
                _("This kind of question is not answered with this field.")
            ]


def _matching_picks(item: dict, answer: AnswerIn, where, fields) -> list[int]:
    """``{item id: choice id}`` → the choice per item position, as the take
    page's selects send it (-1: unanswered)."""
    _not_for_this_kind(answer, {"matches"}, where, fields)
    matches = answer.matches or {}
    count = len(item.get("choices", []))
    for oid, choice in matches.items():
        if oid not in item["options"]:
            fields[f"{where}.matches.{oid}"] = [
                _("This item is not part of the question.")
            ]
        elif choice >= count:
            fields[f"{where}.matches.{oid}"] = [
                _("This answer is not one of the question's choices.")
            ]
    return [matches.get(oid, -1) for oid in item["options"]]


def _numerical_text(answer: AnswerIn, where, fields) -> str:
    """The number as text, read later by the same parser as the take page's."""
    _not_for_this_kind(answer, {"text", "number"}, where, fields)
    if answer.number is not None:
        if answer.text:
            fields[f"{where}.number"] = [_("Send the number or the text, not both.")]
        return repr(answer.number)
    if answer.text.strip() and grading.parse_number(answer.text) is None:
        fields[f"{where}.text"] = [_("Enter a number, such as 12 or 3.5.")]
    return answer.text


def _plain_answer(kind, answer: AnswerIn, where, fields) -> list[int] | str:
    """Choice questions take option ids; short and free answers take text."""
    if kind in grading.CHOICE_KINDS:
        _not_for_this_kind(answer, {"options"}, where, fields)
        return answer.options
    _not_for_this_kind(answer, {"text"}, where, fields)
    return answer.text


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
