"""Item analysis of a quiz, after Moodle's quiz statistics report.

For each question, over the graded attempts (all of them, or only each
learner's first attempt, as Moodle offers):

- **facility index**: the mean credit, in per cent (partial credit counts, so
  a free-text answer marked 80 % adds 0.8, not "wrong");
- **discrimination index**: the correlation (Pearson, × 100) between the
  credit on this question and the score on the rest of the quiz. Above 30 the
  question separates stronger from weaker learners well; near 0 or negative
  it does not (or its key is wrong). Left empty when either side does not vary;
- **distractor analysis**: the share of answers choosing each option (choice
  and true/false questions), the correct ones marked;
- **marks**: credits counted by their mark (100 %, 80 %, 0 % …), for
  free-text, short-answer, numerical and matching questions, and the most
  frequent typed answers.

Five queries whatever the number of attempts: attempts, answers, questions
and options, and the locale. The figures are computed in Python.
"""

from collections import Counter, defaultdict
from math import sqrt

from courses.progress_selectors import canonical_page
from lms.accounts.selectors import scope_filter

from .models import Answer, Attempt, AttemptStatus, Question

CHOICE = ("single", "multiple", "true_false")
TOP_TEXTS = 5


def _correlation(xs: list[float], ys: list[float]) -> float | None:
    n = len(xs)
    if n < 2:
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx <= 1e-12 or syy <= 1e-12:
        return None
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    return sxy / sqrt(sxx * syy)


def graded_attempts(*, quiz, first_only: bool = False, scope=None):
    """``scope``: the provinces whose learners count (``None``: all)."""
    attempts = Attempt.objects.filter(
        scope_filter(scope, prefix="user__"), quiz=quiz, status=AttemptStatus.GRADED
    )
    if first_only:
        attempts = attempts.filter(number=1)
    return attempts


def quiz_statistics(*, quiz, first_only: bool = False, scope=None) -> dict:
    quiz = canonical_page(quiz)
    attempts = list(
        graded_attempts(quiz=quiz, first_only=first_only, scope=scope).values_list(
            "pk", "passed", "score"
        )
    )
    ids = [pk for pk, _passed, _score in attempts]
    answers = list(
        Answer.objects.filter(attempt_id__in=ids).values_list(
            "attempt_id", "question_id", "selected", "text", "credit"
        )
    )
    questions = {
        q.pk: q
        for q in Question.objects.filter(
            pk__in={question_id for _a, question_id, *_rest in answers}
        ).prefetch_related("options")
    }
    # Points-weighted marks per attempt, for the rest-of-quiz score.
    by_attempt: dict[int, dict[int, float]] = defaultdict(dict)
    for attempt_id, question_id, _selected, _text, credit in answers:
        by_attempt[attempt_id][question_id] = credit or 0.0
    totals = {
        attempt_id: sum(
            questions[q].points * c for q, c in marks.items() if q in questions
        )
        for attempt_id, marks in by_attempt.items()
    }
    rows = defaultdict(list)
    for answer in answers:
        rows[answer[1]].append(answer)
    order = {pk: i for i, pk in enumerate(_question_order(quiz))}
    result = []
    for question_id in sorted(rows, key=lambda q: (order.get(q, 10**6), q)):
        question = questions.get(question_id)
        if question is not None:
            result.append(_question_row(question, rows[question_id], totals))
    passed = sum(1 for _pk, ok, _score in attempts if ok)
    scores = [float(score) for _pk, _ok, score in attempts if score is not None]
    return {
        "quiz": quiz,
        "first_only": first_only,
        "attempts": len(attempts),
        "passed": passed,
        "pass_rate": round(100 * passed / len(attempts)) if attempts else 0,
        "mean_score": round(sum(scores) / len(scores), 1) if scores else None,
        "questions": result,
    }


def _question_order(quiz) -> list[int]:
    return list(
        quiz.question_links.order_by("sort_order").values_list("question_id", flat=True)
    )


def _question_row(question, answers, totals) -> dict:
    credits = [credit or 0.0 for _a, _q, _s, _t, credit in answers]
    n = len(credits)
    rest = [
        totals.get(attempt_id, 0.0) - question.points * (credit or 0.0)
        for attempt_id, _q, _s, _t, credit in answers
    ]
    discrimination = _correlation(credits, rest)
    row = {
        "id": question.pk,
        "text": question.text,
        "kind": question.kind,
        "kind_label": question.get_kind_display(),
        "answers": n,
        "correct": sum(1 for c in credits if c >= 0.999),
        "facility": round(100 * sum(credits) / n, 1) if n else 0,
        "discrimination": round(100 * discrimination, 1)
        if discrimination is not None
        else None,
        "options": [],
        "marks": [],
        "texts": [],
    }
    row["correct_share"] = round(100 * row["correct"] / n) if n else 0
    if question.kind in CHOICE:
        chosen = Counter()
        blank = 0
        for _a, _q, selected, _t, _c in answers:
            picks = selected if isinstance(selected, list) else []
            if not picks:
                blank += 1
            chosen.update(set(picks))
        row["options"] = [
            {
                "text": option.text,
                "correct": option.is_correct,
                "count": chosen[option.pk],
                "share": round(100 * chosen[option.pk] / n) if n else 0,
            }
            for option in question.options.all()
        ]
        row["blank"] = blank
    else:
        marks = Counter(round(100 * (c or 0.0)) for c in credits)
        row["marks"] = [
            {"mark": mark, "count": count, "share": round(100 * count / n)}
            for mark, count in sorted(marks.items(), reverse=True)
        ]
        if question.kind in ("short", "numerical"):
            typed = Counter(
                text.strip() for _a, _q, _s, text, _c in answers if text.strip()
            )
            row["texts"] = [
                {"text": text, "count": count}
                for text, count in typed.most_common(TOP_TEXTS)
            ]
    return row


def given_text(answer) -> str:
    """The answer as the learner gave it, in words (options' texts for choices)."""
    question = answer.question
    options = {o.pk: o for o in question.options.all()}
    picks = answer.selected if isinstance(answer.selected, list) else []
    if question.kind in CHOICE:
        return " | ".join(options[p].text for p in picks if p in options)
    if question.kind == "matching":
        item = next(
            (i for i in answer.attempt.plan if i["question"] == question.pk), {}
        )
        choices = item.get("choices", [])
        pairs = []
        for position, oid in enumerate(item.get("options", [])):
            pick = picks[position] if position < len(picks) else -1
            chosen = (
                options[choices[pick]].match
                if isinstance(pick, int)
                and 0 <= pick < len(choices)
                and choices[pick] in options
                else "—"
            )
            if oid in options:
                pairs.append(f"{options[oid].text} → {chosen}")
        return " | ".join(pairs)
    return answer.text


def response_rows(*, quiz, first_only: bool = False, scope=None):
    """Every answer of the graded attempts, for CSV/Excel, with its attempt,
    learner and question (three queries per 2000 answers)."""
    quiz = canonical_page(quiz)
    attempts = graded_attempts(quiz=quiz, first_only=first_only, scope=scope)
    answers = (
        Answer.objects.filter(attempt__in=attempts)
        .select_related("attempt__user__profile", "question")
        .prefetch_related("question__options")
        .order_by("attempt__submitted_at", "attempt_id", "question_id")
    )
    return answers.iterator(chunk_size=2000)
