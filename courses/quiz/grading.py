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
TEXT_KINDS = ("short", "free")


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
        }
        for q in questions
    }
