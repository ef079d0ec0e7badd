"""How answers earn credit. Pure functions, so every rule is easy to test.

- Single choice and true/false: full credit for exactly the correct option,
  else none.
- Multiple choice: (correct options chosen − wrong options chosen) ÷ correct
  options, never below zero. Choosing everything therefore earns nothing;
  choosing one of two correct options and nothing wrong earns half.
- Short answer: full credit when the answer equals an accepted answer after
  normalising both (Unicode NFC; sara am typed as nikhahit + sara aa joined
  into one character; zero-width characters removed; spaces collapsed and
  stripped; case folded), so "  ข่าวปลอม ", "ข่าว\u200bปลอม" and "น\u0e4d\u0e32"
  match "ข่าวปลอม" and "น\u0e33", and "Fake  News" matches "fake news".
  No partial credit and no fuzzy matching: list every spelling you accept.
- Matching: each item paired with its answer earns its share (3 of 4 items
  right earn 0.75). Items are compared by their answers' text (normalised),
  so two items with the same answer accept either.
- Numerical: full credit when the number given is within the tolerance of
  the correct one (inclusive). Thai digits (๐–๙), thousands commas and
  spaces are accepted: "๑,๒๐๐" is 1200.
- Free text: no credit until a trainer marks it (credit 0–1); an empty
  free-text answer earns 0 at once and waits for nobody.
The score is the points-weighted credit as a percentage, rounded to one
decimal; the pass mark is inclusive (a score equal to it passes).
"""

import re
import unicodedata

_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"\s+")
# Sara am (ำ) is often typed as nikhahit + sara aa, which NFC leaves apart.
_SARA_AM = re.compile("\u0e4d\u0e32")

CHOICE_KINDS = ("single", "multiple", "true_false")
TEXT_KINDS = ("short", "free", "numerical")
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text or "")
    text = _ZERO_WIDTH.sub("", text)
    text = _SARA_AM.sub("\u0e33", text)
    return _SPACES.sub(" ", text).strip().casefold()


def choice_credit(kind: str, selected: set[int], correct: set[int]) -> float:
    if kind in ("single", "true_false"):
        return 1.0 if len(selected) == 1 and selected == correct else 0.0
    if not correct:
        return 0.0
    right = len(selected & correct)
    wrong = len(selected - correct)
    return max(0.0, (right - wrong) / len(correct))


def short_answer_credit(answer: str, accepted: list[str]) -> float:
    given = normalise(answer)
    return 1.0 if given and given in {normalise(a) for a in accepted} else 0.0


def parse_number(text: str) -> float | None:
    """A number typed by a learner, or None when it is not one."""
    cleaned = normalise(text).translate(_THAI_DIGITS).replace(",", "").replace(" ", "")
    cleaned = cleaned.replace("\u2212", "-")
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if value == value and abs(value) != float("inf") else None


def numerical_credit(answer: str, value: float | None, tolerance: float) -> float:
    given = parse_number(answer)
    if given is None or value is None:
        return 0.0
    # A small epsilon, so 0.1 + 0.2 counts as 0.3 with tolerance 0.
    return 1.0 if abs(given - value) <= abs(tolerance) + 1e-9 else 0.0


def matching_credit(pairs: list[tuple[str, str]]) -> float:
    """pairs: (the item's answer, the answer chosen or "") per item."""
    if not pairs:
        return 0.0
    right = sum(1 for want, got in pairs if got and normalise(want) == normalise(got))
    return right / len(pairs)


def score_percent(items: list[tuple[int, float]]) -> float:
    """items: (points, credit) per question."""
    total = sum(points for points, _ in items)
    if not total:
        return 0.0
    return round(100 * sum(points * credit for points, credit in items) / total, 1)


def answer_key(questions) -> dict[str, dict]:
    """What grading needs, per question id, from questions with their options."""
    return {
        str(q.pk): {
            "kind": q.kind,
            "points": q.points,
            "correct": sorted(o.pk for o in q.options.all() if o.is_correct),
            "accepted": q.accepted_list() if q.kind == "short" else [],
            **_extra_key(q),
        }
        for q in questions
    }


def _extra_key(question) -> dict:
    if question.kind == "numerical":
        return {
            "value": question.numeric_answer,
            "tolerance": question.numeric_tolerance or 0.0,
        }
    if question.kind == "matching":
        return {"matches": {str(o.pk): o.match_th for o in question.options.all()}}
    return {}
