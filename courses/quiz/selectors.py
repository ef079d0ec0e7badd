"""Reads for quizzes: what a learner sees, and item analysis for trainers."""

from django.db.models import Avg, Count, Q, QuerySet

from courses.progress_selectors import canonical_page
from lms.accounts.selectors import scope_filter
from lms.i18n import current_language

from . import grading
from .models import (
    Answer,
    Attempt,
    AttemptStatus,
    FeedbackMode,
    Question,
    QuizPage,
)


def quiz_status(*, user, quiz) -> dict:
    """The learner's attempts and whether another may start (two queries)."""
    if not user.is_authenticated:
        return {
            "attempts": [],
            "can_start": False,
            "open_attempt": None,
            "passed": False,
            "pending": False,
            "remaining": None,
        }
    canonical = canonical_page(quiz)
    attempts = list(
        Attempt.objects.filter(user=user, quiz=canonical).order_by("-number")
    )
    passed = any(a.passed for a in attempts)
    pending = any(a.status == AttemptStatus.PENDING for a in attempts)
    open_attempt = next((a for a in attempts if a.is_open), None)
    remaining = None
    if canonical.attempts_allowed:
        remaining = max(0, canonical.attempts_allowed - len(attempts))
    can_start = not passed and (
        open_attempt is not None
        or (not pending and (remaining is None or remaining > 0))
    )
    return {
        "attempts": attempts,
        "can_start": can_start,
        "open_attempt": open_attempt,
        "passed": passed,
        "pending": pending,
        "remaining": remaining,
    }


def _questions(attempt) -> dict[int, Question]:
    ids = [item["question"] for item in attempt.plan]
    return {
        q.pk: q for q in Question.objects.filter(pk__in=ids).prefetch_related("options")
    }


def attempt_questions(
    *, attempt, questions: dict[int, Question] | None = None
) -> list[dict]:
    """The attempt's questions in their frozen order, options in frozen order,
    and the answers autosaved so far (two queries whatever the number).

    Nothing here says which option is correct or which answers are accepted;
    the take page renders only this.
    """
    questions = questions if questions is not None else _questions(attempt)
    draft = attempt.draft or {}
    result = []
    for number, item in enumerate(attempt.plan, 1):
        question = questions.get(item["question"])
        if question is None:
            continue
        saved = draft.get(str(question.pk))
        chosen = set(saved) if isinstance(saved, list) else set()
        by_id = {o.pk: o for o in question.options.all()}
        picks = saved if question.kind == "matching" and isinstance(saved, list) else []
        if picks:
            chosen = set()
        result.append(
            {
                "number": number,
                "id": question.pk,
                "kind": question.kind,
                "text": question.text,
                "points": question.points,
                "value": saved if isinstance(saved, str) else "",
                "options": [
                    {
                        "id": oid,
                        "text": by_id[oid].text,
                        "chosen": oid in chosen,
                        "pick": picks[position] if position < len(picks) else -1,
                    }
                    for position, oid in enumerate(item["options"])
                    if oid in by_id
                ],
                # Matching: the answers offered, by position only.
                "choices": [
                    {"index": index, "text": by_id[oid].match}
                    for index, oid in enumerate(item.get("choices", []))
                    if oid in by_id
                ],
            }
        )
    return result


def attempt_key(*, attempt) -> dict[str, dict]:
    """The answer key frozen when the attempt started (server-side only).
    Attempts from before keys were frozen are keyed from the bank."""
    if attempt.answer_key:
        return attempt.answer_key
    return grading.answer_key(_questions(attempt).values())


def feedback_shown(*, attempt) -> bool:
    """Per-question feedback follows the quiz's setting: after each attempt,
    only after passing, or never. Nothing is shown while the attempt is open."""
    quiz = attempt.quiz
    if attempt.is_open:
        return False
    return quiz.feedback == FeedbackMode.ALWAYS or (
        quiz.feedback == FeedbackMode.ON_PASS and bool(attempt.passed)
    )


def attempt_tally(*, attempt) -> dict:
    """How many questions were fully right, out of how many (one query): the
    score as a person reads it, "8 of 10 correct, 80 %"."""
    correct = attempt.answers.filter(credit__gte=0.999).count()
    return {"correct": correct, "total": len(attempt.plan or [])}


def attempt_review(*, attempt) -> list[dict]:
    """Per-question feedback after grading, as the quiz's feedback setting
    allows (three queries): the learner's answer, credit, the correct options
    or accepted answers from the frozen key, the explanation and any marker's
    comment."""
    if not feedback_shown(attempt=attempt):
        return []
    key = attempt_key(attempt=attempt)
    answers = {a.question_id: a for a in attempt.answers.all()}
    questions = _questions(attempt)
    review = []
    for item in attempt_questions(attempt=attempt, questions=questions):
        spec = key.get(str(item["id"]), {})
        answer = answers.get(item["id"])
        correct = set(spec.get("correct", []))
        chosen = set(answer.selected) if answer else set()
        if item["kind"] == "matching":
            _review_matching(item, answer, questions[item["id"]])
        for option in item["options"]:
            if item["kind"] == "matching":
                continue
            option["correct"] = option["id"] in correct
            option["chosen"] = option["id"] in chosen
        item.update(
            answer=answer,
            accepted=_numerical_accepted(spec)
            if item["kind"] == "numerical"
            else spec.get("accepted", []),
            explanation=questions[item["id"]].explanation,
        )
        review.append(item)
    return review


def _number(value: float) -> str:
    return f"{value:g}"


def _numerical_accepted(spec: dict) -> list[str]:
    if spec.get("value") is None:
        return []
    value, tolerance = spec["value"], spec.get("tolerance") or 0
    if tolerance:
        return [f"{_number(value)} ± {_number(tolerance)}"]
    return [_number(value)]


def _review_matching(item: dict, answer, question) -> None:
    """Each item of a matching question with the answer chosen and the right one."""
    picks = answer.selected if answer and isinstance(answer.selected, list) else []
    texts = {c["index"]: c["text"] for c in item["choices"]}
    by_id = {o.pk: o for o in question.options.all()}
    for position, option in enumerate(item["options"]):
        pick = picks[position] if position < len(picks) else -1
        option["chosen_text"] = texts.get(pick, "")
        option["match"] = by_id[option["id"]].match
        option["chosen"] = bool(option["chosen_text"])
        option["correct"] = grading.normalise(option["chosen_text"]) == (
            grading.normalise(option["match"])
        )


def item_analysis(*, quiz) -> dict:
    """Attempts, pass rate and, per question, the share answering correctly.

    Counts graded attempts only (those waiting for marking are left out).
    "Correct" means full credit; ``mean_credit`` also counts partial credit.
    The per-question figures come from one aggregate query.
    """
    quiz = canonical_page(quiz)
    graded = Attempt.objects.filter(quiz=quiz, status=AttemptStatus.GRADED)
    totals = graded.aggregate(
        attempts=Count("pk"), passed=Count("pk", filter=Q(passed=True))
    )
    text = "question__text_en" if current_language() == "en" else "question__text_th"
    rows = (
        Answer.objects.filter(attempt__quiz=quiz, attempt__status=AttemptStatus.GRADED)
        .values("question_id", "question__text_th", text, "question__kind")
        .annotate(
            answers=Count("pk"),
            correct=Count("pk", filter=Q(credit__gte=1.0)),
            mean_credit=Avg("credit"),
        )
        .order_by("question_id")
    )
    questions = [
        {
            "id": r["question_id"],
            "text": r[text] or r["question__text_th"],
            "kind": r["question__kind"],
            "answers": r["answers"],
            "correct": r["correct"],
            "correct_share": round(100 * r["correct"] / r["answers"])
            if r["answers"]
            else 0,
            "mean_credit": round(100 * (r["mean_credit"] or 0)),
        }
        for r in rows
    ]
    attempts = totals["attempts"]
    return {
        "quiz": quiz,
        "attempts": attempts,
        "passed": totals["passed"],
        "pass_rate": round(100 * totals["passed"] / attempts) if attempts else 0,
        "questions": questions,
    }


def answer_in_scope(*, answer_id: int, scope: set[str] | None) -> bool:
    """True when the answer exists and its learner is in ``scope`` (``None``: all)."""
    return Answer.objects.filter(
        scope_filter(scope, prefix="attempt__user__"), pk=answer_id
    ).exists()


def _marking_filter(
    scope: set[str] | None, quiz_id: int | None, province: str | None, course_id=None
) -> Q:
    """Learners in ``scope`` (``None``: all), then the filters a trainer chose.

    A province outside ``scope`` finds nothing: the filter narrows the scope,
    it never widens it."""
    condition = scope_filter(scope, prefix="attempt__user__")
    if quiz_id:
        condition &= Q(attempt__quiz_id=quiz_id)
    if province:
        condition &= Q(attempt__user__profile__province_code=province)
    if course_id:
        condition &= Q(question__course_id=course_id)
    return condition


def marking_queue(
    *,
    course_id: int | None = None,
    scope: set[str] | None = None,
    quiz_id: int | None = None,
    province: str | None = None,
) -> QuerySet[Answer]:
    """Free-text answers waiting for a trainer, oldest first.

    ``scope`` limits them to learners of those provinces (``None``: all);
    ``quiz_id`` and ``province`` narrow them further.
    """
    return (
        Answer.objects.filter(
            _marking_filter(scope, quiz_id, province, course_id), needs_marking=True
        )
        .select_related("question", "attempt__quiz", "attempt__user")
        .order_by("attempt__submitted_at", "pk")
    )


def recently_marked(
    *,
    scope: set[str] | None = None,
    quiz_id: int | None = None,
    province: str | None = None,
    limit: int = 10,
) -> list[Answer]:
    """The answers marked last (newest first), with the same filters as the
    queue, so a trainer can change a mark given a moment ago."""
    return list(
        Answer.objects.filter(
            _marking_filter(scope, quiz_id, province), marked_at__isnull=False
        )
        .select_related("question", "attempt__quiz", "attempt__user", "marked_by")
        .order_by("-marked_at", "-pk")[:limit]
    )


def marking_quizzes() -> list[tuple[int, str]]:
    """(id, title) of the quizzes with answers waiting for, or given, a
    trainer's mark, for the queue's filter; one query."""
    return list(
        QuizPage.objects.filter(
            Q(attempts__answers__needs_marking=True)
            | Q(attempts__answers__marked_at__isnull=False)
        )
        .distinct()
        .order_by("title")
        .values_list("pk", "title")
    )
