"""Writes for quizzes: start, autosave, submit (graded once, in one transaction), mark.

Rules a learner and a trainer should know (also in the README):

- An attempt is started with a POST; its questions, option order and answer
  key are frozen then. Opening the quiz again resumes the open attempt.
- A new attempt is refused, with a message saying why, when the learner has
  passed already, when an attempt waits for a trainer's marking, when the
  attempts allowed are used up, or when the quiz's module is still locked.
- Submitting grades the attempt once: the attempt row is locked
  (``select_for_update``), so a double click, a replayed request or two tabs
  find it submitted and just show the result.
- Time limit: the take page saves answers as they are given and submits
  itself when time runs out. A submission that arrives within 30 seconds
  after the limit (the grace, for slow phones and networks) is graded as
  sent. A later one is graded as if submitted at the limit: its own answers
  are ignored and the answers saved on the server before limit + grace
  count. An attempt left open past the limit is closed the same way when
  the learner next opens it or the quiz.
"""

import logging
import random
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import Enrollment
from courses.progress_selectors import step_is_locked
from courses.services import EnrollmentError, canonical_page, step_complete
from lms import audit

from . import grading
from .models import Answer, Attempt, AttemptStatus, Question, QuestionKind, QuizPage
from .selectors import attempt_key
from .signals import quiz_passed

logger = logging.getLogger(__name__)

GRACE = timedelta(seconds=30)
MAX_TEXT = 5000


class QuizError(Exception):
    """The learner may not do this; the message says why.

    ``code`` is a stable machine-readable reason, for the API's clients.
    """

    def __init__(self, message: str = "", code: str = "quiz_refused"):
        super().__init__(message)
        self.code = code


def _course_of(quiz: QuizPage):
    return quiz.get_parent().get_parent().specific


def _questions_for(quiz: QuizPage, course) -> list[Question]:
    """The fixed list chosen by the trainer, else a random draw from the bank
    (or from its questions with ``random_tag``)."""
    chosen = [
        link.question
        for link in quiz.question_links.select_related("question").order_by(
            "sort_order"
        )
    ]
    if chosen:
        return chosen
    bank = Question.objects.filter(course_id=course.pk)
    if quiz.random_tag.strip():
        bank = bank.filter(tags__name__iexact=quiz.random_tag.strip())
    bank = list(bank.order_by("pk").distinct())
    if quiz.random_questions and quiz.random_questions < len(bank):
        bank = random.sample(bank, quiz.random_questions)
    return bank


def _expired(attempt: Attempt, now: datetime) -> bool:
    return bool(attempt.deadline) and now > attempt.deadline + GRACE


def clean_responses(*, attempt: Attempt, responses: dict) -> dict[str, list[int] | str]:
    """Keep only answers to the attempt's questions, in their proper shape:
    option ids offered in this attempt for choice questions, text for the rest.

    ``responses`` maps question id (int or str) to option ids or text.
    """
    key = attempt_key(attempt=attempt)
    cleaned: dict[str, list[int] | str] = {}
    for item in attempt.plan:
        qid = str(item["question"])
        if qid not in key:
            continue
        raw = responses.get(item["question"], responses.get(qid))
        if raw is None:
            continue
        if key[qid]["kind"] == QuestionKind.MATCHING:
            values = raw if isinstance(raw, list | tuple) else [raw]
            count = len(item.get("choices", []))
            picks = []
            for position in range(len(item["options"])):
                try:
                    pick = int(values[position])
                except (IndexError, TypeError, ValueError):
                    pick = -1
                picks.append(pick if 0 <= pick < count else -1)
            cleaned[qid] = picks
        elif key[qid]["kind"] in grading.TEXT_KINDS:
            if isinstance(raw, list | tuple):
                raw = raw[0] if raw else ""
            cleaned[qid] = str(raw)[:MAX_TEXT]
        else:
            values = raw if isinstance(raw, list | tuple) else [raw]
            offered = set(item["options"])
            selected = set()
            for value in values:
                try:
                    if int(value) in offered:
                        selected.add(int(value))
                except (TypeError, ValueError):
                    continue
            cleaned[qid] = sorted(selected)
    return cleaned


@transaction.atomic
def attempt_start(*, user, quiz: QuizPage, now: datetime | None = None) -> Attempt:
    """Start (or resume the open) attempt; questions, option order and answer key are frozen now."""
    now = now or timezone.now()
    quiz = canonical_page(quiz)
    course = _course_of(quiz)
    if not Enrollment.objects.filter(user=user, course_id=course.pk).exists():
        raise QuizError(_("Enrol in the course first."), code="not_enrolled")
    if step_is_locked(user=user, page=quiz, course=course):
        raise QuizError(
            _("Finish the earlier modules first: this quiz is still locked."),
            code="quiz_locked",
        )
    attempts = list(
        Attempt.objects.select_for_update()
        .filter(user=user, quiz=quiz)
        .order_by("number")
    )
    for attempt in attempts:
        if attempt.is_open:
            if not _expired(attempt, now):
                return attempt
            _grade(attempt, now=now, responses=None)
    if any(a.passed for a in attempts):
        raise QuizError(_("You have already passed this quiz."), code="already_passed")
    if any(a.status == AttemptStatus.PENDING for a in attempts):
        raise QuizError(
            _(
                "Your last attempt is waiting for a trainer to mark it; you may try again once it is marked."
            ),
            code="awaiting_marking",
        )
    if quiz.attempts_allowed and len(attempts) >= quiz.attempts_allowed:
        raise QuizError(
            _("You have used all %(n)s attempts allowed for this quiz.")
            % {"n": quiz.attempts_allowed},
            code="no_attempts_left",
        )
    questions = _questions_for(quiz, course)
    if not questions:
        raise QuizError(_("This quiz has no questions yet."), code="no_questions")
    if quiz.shuffle_questions:
        random.shuffle(questions)
    loaded = {
        q.pk: q
        for q in Question.objects.filter(
            pk__in=[q.pk for q in questions]
        ).prefetch_related("options")
    }
    plan = []
    for question in questions:
        ids = [
            o.pk
            for o in sorted(
                loaded[question.pk].options.all(),
                key=lambda o: (o.sort_order or 0, o.pk),
            )
        ]
        # True/false keeps its natural order: "false, true" only confuses.
        if quiz.shuffle_options and question.kind != QuestionKind.TRUE_FALSE:
            random.shuffle(ids)
        entry = {"question": question.pk, "options": ids}
        if question.kind == QuestionKind.MATCHING:
            # The answers offered, each once, always shuffled; the browser sees
            # only their positions, never which item an answer belongs to.
            seen, choices = set(), []
            for option in loaded[question.pk].options.all():
                if option.match_th not in seen:
                    seen.add(option.match_th)
                    choices.append(option.pk)
            random.shuffle(choices)
            entry["choices"] = choices
        plan.append(entry)
    try:
        with transaction.atomic():
            return Attempt.objects.create(
                user=user,
                quiz=quiz,
                number=len(attempts) + 1,
                plan=plan,
                answer_key=grading.answer_key(loaded.values()),
                deadline=now + timedelta(minutes=quiz.time_limit_minutes)
                if quiz.time_limit_minutes
                else None,
            )
    except IntegrityError:
        # Two tabs started at once: the other one won; use its attempt.
        return Attempt.objects.get(
            user=user, quiz=quiz, status=AttemptStatus.IN_PROGRESS
        )


def _lock(user, public_id) -> Attempt:
    attempt = (
        Attempt.objects.select_for_update()
        .filter(public_id=public_id, user=user)
        .first()
    )
    if attempt is None:
        raise Attempt.DoesNotExist
    return attempt


@transaction.atomic
def attempt_save(
    *, user, public_id, responses: dict, now: datetime | None = None
) -> bool:
    """Autosave the answers given so far. Returns whether they were kept:
    not once the attempt is submitted or its time (plus grace) is over."""
    now = now or timezone.now()
    attempt = _lock(user, public_id)
    if not attempt.is_open or _expired(attempt, now):
        return False
    attempt.draft = clean_responses(attempt=attempt, responses=responses)
    attempt.draft_saved_at = now
    attempt.save(update_fields=["draft", "draft_saved_at"])
    return True


@transaction.atomic
def attempt_submit(
    *, user, public_id, responses: dict, now: datetime | None = None
) -> Attempt:
    """Grade an attempt once. ``responses`` maps question id to option ids or text.

    A second submission (double click, replay, another tab) finds the attempt
    already submitted and changes nothing. After the time limit plus
    ``GRACE`` the attempt is graded at the limit from the answers saved
    before then; ``responses`` are ignored.
    """
    now = now or timezone.now()
    attempt = _lock(user, public_id)
    if attempt.is_open:
        _grade(attempt, now=now, responses=responses)
    return attempt


def _grade(attempt: Attempt, *, now: datetime, responses: dict | None) -> None:
    """Grade a locked, open attempt from ``responses`` (or, when late, its draft)."""
    if _expired(attempt, now) or responses is None:
        attempt.submitted_at, attempt.late = (
            (attempt.deadline, True) if _expired(attempt, now) else (now, False)
        )
        answers = attempt.draft or {}
    else:
        attempt.submitted_at = now
        answers = clean_responses(attempt=attempt, responses=responses)
    key = attempt_key(attempt=attempt)
    rows = []
    for item in attempt.plan:
        qid = str(item["question"])
        spec = key.get(qid)
        if spec is None:
            continue
        given = answers.get(qid)
        row = Answer(attempt=attempt, question_id=item["question"])
        if spec["kind"] == QuestionKind.MATCHING:
            picks = given if isinstance(given, list) else []
            row.selected = picks
            row.credit = grading.matching_credit(_matching_pairs(item, spec, picks))
        elif spec["kind"] in grading.TEXT_KINDS:
            row.text = given if isinstance(given, str) else ""
            if spec["kind"] == QuestionKind.SHORT:
                row.credit = grading.short_answer_credit(row.text, spec["accepted"])
            elif spec["kind"] == QuestionKind.NUMERICAL:
                row.credit = grading.numerical_credit(
                    row.text, spec.get("value"), spec.get("tolerance", 0.0)
                )
            elif row.text.strip():
                row.needs_marking = True
            else:
                row.credit = 0.0
        else:
            selected = set(given) if isinstance(given, list) else set()
            row.selected = sorted(selected)
            row.credit = grading.choice_credit(
                spec["kind"], selected, set(spec["correct"])
            )
        rows.append(row)
    Answer.objects.bulk_create(rows)
    _finish(attempt, key=key)


def _matching_pairs(item: dict, spec: dict, picks: list) -> list[tuple[str, str]]:
    """(the item's answer, the answer chosen) per item of a matching question."""
    matches = spec.get("matches", {})
    choices = item.get("choices", [])
    pairs = []
    for position, oid in enumerate(item["options"]):
        pick = picks[position] if position < len(picks) else -1
        chosen = (
            matches.get(str(choices[pick]), "")
            if isinstance(pick, int) and 0 <= pick < len(choices)
            else ""
        )
        pairs.append((matches.get(str(oid), ""), chosen))
    return pairs


def _finish(attempt: Attempt, *, key: dict[str, dict]) -> None:
    """Set score and result once nothing waits for marking; run the pass actions."""
    answers = {a.question_id: a for a in attempt.answers.all()}
    fields = ["status", "submitted_at", "late", "score", "passed"]
    if any(a.needs_marking for a in answers.values()):
        attempt.status = AttemptStatus.PENDING
        attempt.save(update_fields=fields)
        return
    _score(attempt, answers, key=key)
    attempt.status = AttemptStatus.GRADED
    attempt.save(update_fields=fields)
    if attempt.passed:
        _pass_actions(attempt)


def _score(attempt: Attempt, answers: dict, *, key: dict[str, dict]) -> None:
    """Set ``score`` (points earned, in %) and ``passed`` from the answers' credit."""
    items = []
    for item in attempt.plan:
        spec = key.get(str(item["question"]))
        if spec is None:
            continue
        answer = answers.get(item["question"])
        items.append((spec["points"], (answer.credit or 0.0) if answer else 0.0))
    attempt.score = grading.score_percent(items)
    attempt.passed = attempt.score >= attempt.quiz.pass_mark


def _pass_actions(attempt: Attempt) -> None:
    """Complete the quiz step (which may open the next module or complete the
    course) and send ``quiz_passed``; both inside the grading transaction, so
    evidence and levels commit with the grade."""
    try:
        with transaction.atomic():
            step_complete(user=attempt.user, page=attempt.quiz)
    except EnrollmentError as err:
        # Unenrolled (or the module was locked again) since starting: the
        # grade stands; there is no progress to record.
        logger.warning(
            "quiz %s passed without a step completion: %s", attempt.quiz_id, err
        )
    quiz_passed.send(sender=Attempt, attempt=attempt)


def _percent(credit) -> float | None:
    """Credit (0–1) as the mark a trainer types (0–100), for the audit log."""
    return None if credit is None else round(float(credit) * 100, 2)


@transaction.atomic
def answer_mark(
    *, marker, answer_id: int, credit: float, comment: str = "", change: bool = False
) -> Answer:
    """A trainer marks a free-text answer (credit 0–1), or changes its mark.

    A first mark makes the attempt's result final once none of its answers
    waits, and a pass runs the pass actions. Without ``change`` a marked
    answer is refused ("already marked": another trainer got there first),
    except the same mark and comment again (a double click, a replayed
    request), which counts once: nothing is saved and nothing logged.

    ``change`` re-marks a marked answer: the score and result of a graded
    attempt are recomputed. Failed → passed runs the pass actions (which are
    idempotent: the step completion and the attempt's evidence are only ever
    recorded once). Passed → failed sets the result to failed but does not
    take back what passing gave (the step completion, the evidence, a
    certificate): the log entry records the result before and after, so an
    administrator can withdraw evidence or revoke a certificate by hand.

    Each mark is logged as ``lms.mark`` and each change as ``lms.mark_change``
    with the mark (0–100), comment and result before and after.
    """
    if not 0.0 <= float(credit) <= 1.0:
        raise QuizError(_("Give a mark from 0 to 100."))
    credit = float(credit)
    comment = comment.strip()[:2000]
    answer = (
        Answer.objects.select_for_update(of=("self",))
        .select_related("question")
        .get(pk=answer_id)
    )
    if not answer.needs_marking and answer.marked_at is None:
        # Graded automatically (a choice, a short answer): not a trainer's to mark.
        raise QuizError(_("This answer is graded automatically."))
    was_marked = not answer.needs_marking
    if was_marked and (answer.credit, answer.marker_comment) == (credit, comment):
        return answer
    if was_marked and not change:
        raise QuizError(_("This answer was already marked."))
    attempt = (
        Attempt.objects.select_for_update()
        .select_related("quiz", "user")
        .get(pk=answer.attempt_id)
    )
    before = {
        "credit": _percent(answer.credit) if was_marked else None,
        "comment": answer.marker_comment if was_marked else "",
        "score": None if attempt.score is None else float(attempt.score),
        "passed": attempt.passed,
    }
    answer.credit = credit
    answer.needs_marking = False
    answer.marked_by = marker
    answer.marked_at = timezone.now()
    answer.marker_comment = comment
    answer.save(
        update_fields=[
            "credit",
            "needs_marking",
            "marked_by",
            "marked_at",
            "marker_comment",
        ]
    )
    if attempt.status == AttemptStatus.PENDING:
        _finish(attempt, key=attempt_key(attempt=attempt))
    elif attempt.status == AttemptStatus.GRADED:
        _regrade(attempt, key=attempt_key(attempt=attempt))
    after = {
        "credit": _percent(credit),
        "comment": comment,
        "score": None if attempt.score is None else round(float(attempt.score), 1),
        "passed": attempt.passed,
    }
    # Logged on the question: trainers and administrators may view questions,
    # which is what lets Wagtail's site history show them the entry.
    audit.log(
        answer.question,
        "lms.mark_change" if was_marked else "lms.mark",
        by=marker,
        changes=audit.changes_between(before, after),
        quiz=attempt.quiz.title,
        number=attempt.number,
        answer=answer.pk,
        attempt=attempt.pk,
        person=attempt.user_id,
    )
    return answer


def _regrade(attempt: Attempt, *, key: dict[str, dict]) -> None:
    """Recompute a graded attempt's score and result after a mark changed;
    a fail becoming a pass runs the pass actions (see ``answer_mark``)."""
    was_passed = attempt.passed
    _score(attempt, {a.question_id: a for a in attempt.answers.all()}, key=key)
    attempt.save(update_fields=["score", "passed"])
    if attempt.passed and not was_passed:
        _pass_actions(attempt)
