"""Question files in and out: Moodle's GIFT, Aiken and Moodle XML, and a spreadsheet.

Pure functions, without the database: a parser turns a file into a list of
``Parsed`` questions and a list of ``LineError`` (line or row number and a
translated message); the import service saves the questions only when there
is no error (all or nothing). The writers do the reverse, so a bank exported
here imports again unchanged, into this site or into Moodle.

What each format carries (what Moodle itself writes):

- GIFT: single and multiple choice (``=``/``~``, weights ``%50%``), true/false
  (``{T}``), short answer (only ``=`` answers), matching (``=a -> b``),
  numerical (``{#3.14:0.01}``, ``{#1..5}``), essay (``{}``), "missing word"
  (text after the answers), titles (``::title::``), per-answer feedback
  (``#…``), general feedback (``####…``), ``$CATEGORY:`` (kept as a tag),
  comments (``//``) and escapes (``\\~ \\= \\# \\{ \\} \\: \\\\ \\n``).
- Aiken: single choice only (``A.`` or ``A)`` options, ``ANSWER: B``).
- Moodle XML: multichoice, truefalse, shortanswer, numerical, matching,
  essay; ``category`` becomes a tag; ``description`` (no answer) is skipped;
  any other type is an error naming it. HTML in texts is reduced to text.
  Parsed with ``defusedxml`` (no entity expansion, no external entities).
"""

import html
import re
from dataclasses import dataclass, field
from io import BytesIO
from xml.etree.ElementTree import Element, SubElement, tostring

import tablib
from defusedxml import ElementTree as SafeET
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

MAX_BYTES = 5 * 1024 * 1024
KINDS = ("single", "multiple", "true_false", "short", "free", "matching", "numerical")


@dataclass
class Parsed:
    """One question read from a file, in the bank's terms."""

    line: int
    kind: str
    text: str
    options: list[dict] = field(default_factory=list)  # text, correct, match
    accepted: list[str] = field(default_factory=list)
    value: float | None = None
    tolerance: float = 0.0
    explanation: str = ""
    points: int = 1
    tags: list[str] = field(default_factory=list)
    text_en: str = ""


@dataclass
class LineError:
    line: int
    message: str


class FileError(Exception):
    """The file cannot be read at all; the message says why."""


def decode(data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise FileError(_("The file is larger than 5 MB."))
    try:
        return data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError as err:
        raise FileError(
            _("The file is not UTF-8 text. Save it as UTF-8 and try again.")
        ) from err


def check(question: Parsed, errors: list[LineError]) -> None:
    """The rules the bank's own form applies, so nothing invalid is saved."""
    line = question.line
    if not question.text.strip():
        errors.append(LineError(line, _("The question has no text.")))
    correct = sum(1 for o in question.options if o["correct"])
    if question.kind in ("single", "true_false", "multiple"):
        if len(question.options) < 2:
            errors.append(LineError(line, _("Give at least two options.")))
        elif question.kind != "multiple" and correct != 1:
            errors.append(LineError(line, _("Mark exactly one option as correct.")))
        elif question.kind == "multiple" and correct < 1:
            errors.append(LineError(line, _("Mark at least one option as correct.")))
    if any(len(o["text"]) > 500 or len(o["match"]) > 500 for o in question.options):
        errors.append(LineError(line, _("An option is longer than 500 characters.")))
    if question.kind == "short" and not question.accepted:
        errors.append(LineError(line, _("Give at least one accepted answer.")))
    if question.kind == "matching" and (
        len(question.options) < 2
        or any(not o["match"] or not o["text"] for o in question.options)
    ):
        errors.append(
            LineError(
                line,
                _("A matching question needs at least two pairs “item -> answer”."),
            )
        )
    if question.kind == "numerical" and question.value is None:
        errors.append(LineError(line, _("Give the correct number.")))


# --- GIFT -------------------------------------------------------------------------

_ESCAPES = {
    "\\\\": "\ue006",
    "\\~": "\ue000",
    "\\=": "\ue001",
    "\\#": "\ue002",
    "\\{": "\ue003",
    "\\}": "\ue004",
    "\\:": "\ue005",
    "\\n": "\n",
}
_UNESCAPE = {
    "\ue000": "~",
    "\ue001": "=",
    "\ue002": "#",
    "\ue003": "{",
    "\ue004": "}",
    "\ue005": ":",
    "\ue006": "\\",
}
_ESCAPE_RE = re.compile(r"\\[\\~=#{}:n]")
_WEIGHT = re.compile(r"^%(-?\d+(?:\.\d+)?)%")
_FORMAT = re.compile(r"^\[(html|moodle|plain|markdown)\]", re.IGNORECASE)


def _protect(text: str) -> str:
    return _ESCAPE_RE.sub(lambda m: _ESCAPES[m.group(0)], text)


def _restore(text: str, fmt: str = "") -> str:
    for mark, char in _UNESCAPE.items():
        text = text.replace(mark, char)
    if fmt == "html":
        text = _html_text(text)
    return text.strip()


def _html_text(value: str) -> str:
    value = re.sub(r"(?i)<br\s*/?>|</p>\s*<p[^>]*>", "\n", value or "")
    return html.unescape(strip_tags(value)).strip()


def _number(text: str) -> float | None:
    try:
        value = float(text.strip())
    except ValueError:
        return None
    return value if value == value and abs(value) != float("inf") else None


def _gift_blocks(text: str) -> list[tuple[int, str]]:
    """(first line, text) of each question: blocks between blank lines, comments dropped."""
    blocks, current, start = [], [], 0
    for number, line in enumerate(text.split("\n"), 1):
        if line.lstrip().startswith("//"):
            continue
        if not line.strip():
            if current:
                blocks.append((start, "\n".join(current)))
                current = []
            continue
        if not current:
            start = number
        current.append(line)
    if current:
        blocks.append((start, "\n".join(current)))
    return blocks


def parse_gift(text: str) -> tuple[list[Parsed], list[LineError]]:
    questions, errors = [], []
    category = ""
    for line, raw in _gift_blocks(text):
        block = _protect(raw).strip()
        if block.startswith("$CATEGORY:"):
            first, _sep, block = block.partition("\n")
            category = _restore(first[len("$CATEGORY:") :]).split("/")[-1].strip()
            block = block.strip()
            if not block:
                continue
        question = _gift_question(line, block, errors)
        if question is not None:
            if category:
                question.tags.append(category[:100])
            check(question, errors)
            questions.append(question)
    return questions, errors


def _gift_question(line: int, block: str, errors: list[LineError]) -> Parsed | None:
    if block.startswith("::"):
        end = block.find("::", 2)
        if end < 0:
            errors.append(LineError(line, _("The title is not closed with “::”.")))
            return None
        block = block[end + 2 :].strip()
    fmt = ""
    match = _FORMAT.match(block)
    if match:
        fmt = match.group(1).lower()
        block = block[match.end() :].strip()
    opening, closing = block.find("{"), block.rfind("}")
    if opening < 0 or closing < opening:
        errors.append(
            LineError(
                line,
                _(
                    "No answers in braces { } were found. Write “\\{” for a brace in the text."
                ),
            )
        )
        return None
    if block.count("{") != 1 or block.count("}") != 1:
        errors.append(
            LineError(line, _("A question has one pair of braces { } for its answers."))
        )
        return None
    before, inside, after = (
        block[:opening],
        block[opening + 1 : closing],
        block[closing + 1 :],
    )
    text = _restore(before, fmt)
    if after.strip():
        text = f"{text} _____ {_restore(after, fmt)}".strip()
    general = ""
    if "####" in inside:
        inside, _sep, general = inside.partition("####")
    question = Parsed(
        line=line, kind="free", text=text, explanation=_restore(general, fmt)
    )
    body = inside.strip()
    if not body:
        return question
    if body.startswith("#"):
        return _gift_numerical(question, body[1:], errors)
    head = body.split("#", 1)[0].strip().upper()
    if head in ("T", "TRUE", "F", "FALSE"):
        question.kind = "true_false"
        truth = head.startswith("T")
        question.options = [
            {"text": "ถูก", "correct": truth, "match": ""},
            {"text": "ผิด", "correct": not truth, "match": ""},
        ]
        return question
    answers = _gift_answers(body)
    if not answers:
        errors.append(
            LineError(line, _("Each answer starts with “=” (right) or “~” (wrong)."))
        )
        return None
    if all(a["mark"] == "=" and "->" in a["text"] for a in answers):
        question.kind = "matching"
        for a in answers:
            item, _sep, answer = a["text"].partition("->")
            question.options.append(
                {
                    "text": _restore(item, fmt),
                    "correct": False,
                    "match": _restore(answer, fmt),
                }
            )
        return question
    if all(a["mark"] == "=" for a in answers):
        question.kind = "short"
        question.accepted = [
            _restore(a["text"])
            for a in answers
            if a["weight"] is None or a["weight"] >= 100
        ]
        return question
    for a in answers:
        correct = a["mark"] == "=" or (a["weight"] or 0) > 0
        question.options.append(
            {"text": _restore(a["text"], fmt), "correct": correct, "match": ""}
        )
    weighted = any(a["weight"] is not None for a in answers)
    question.kind = "multiple" if weighted else "single"
    return question


def _gift_answers(body: str) -> list[dict]:
    parts = re.split(r"([=~])", body)
    answers = []
    if parts[0].strip():
        return []  # text before the first answer mark
    for mark, chunk in zip(parts[1::2], parts[2::2], strict=True):
        chunk, _sep, _feedback = chunk.partition("#")
        weight = None
        found = _WEIGHT.match(chunk.strip())
        if found:
            weight = float(found.group(1))
            chunk = chunk.strip()[found.end() :]
        answers.append({"mark": mark, "text": chunk.strip(), "weight": weight})
    return answers


def _gift_numerical(
    question: Parsed, body: str, errors: list[LineError]
) -> Parsed | None:
    question.kind = "numerical"
    body = body.strip()
    if body.startswith("="):
        # Several answers with weights: the first with full credit counts.
        for chunk in re.split(r"=", body)[1:]:
            chunk = chunk.partition("#")[0].strip()
            weight = _WEIGHT.match(chunk)
            if weight:
                if float(weight.group(1)) < 100:
                    continue
                chunk = chunk[weight.end() :]
            body = chunk
            break
    body = body.partition("#")[0].strip()
    if ".." in body:
        low, _sep, high = body.partition("..")
        low_value, high_value = _number(low), _number(high)
        if low_value is not None and high_value is not None:
            question.value = (low_value + high_value) / 2
            question.tolerance = abs(high_value - low_value) / 2
    else:
        value, _sep, tolerance = body.partition(":")
        question.value = _number(value)
        question.tolerance = abs(_number(tolerance) or 0.0) if tolerance else 0.0
    if question.value is None:
        errors.append(
            LineError(
                question.line,
                _("“%(text)s” is not a number (write e.g. {#3.5:0.1} or {#1..5}).")
                % {"text": _restore(body)},
            )
        )
        return None
    return question


def _gift_escape(text: str) -> str:
    text = text.replace("\\", "\\\\")
    for char in "~=#{}:":
        text = text.replace(char, "\\" + char)
    return text.replace("\n", "\\n")


def _format_number(value: float) -> str:
    return f"{value:g}"


def write_gift(questions) -> str:
    """Questions (bank rows with prefetched options and tags) as GIFT text."""
    out = []
    for q in questions:
        text = _gift_escape(q.text_th)
        options = list(q.options.all())
        if q.kind == "true_false":
            truth = any(o.is_correct and o.sort_order == 0 for o in options) or any(
                o.is_correct and o.text_en.lower() == "true" for o in options
            )
            body = "T" if truth else "F"
        elif q.kind in ("single", "multiple"):
            if q.kind == "single":
                marks = ["=" if o.is_correct else "~" for o in options]
            else:
                right = max(1, sum(1 for o in options if o.is_correct))
                share = _format_number(round(100 / right, 5))
                marks = [f"~%{share}%" if o.is_correct else "~%-100%" for o in options]
            body = " ".join(
                f"{m}{_gift_escape(o.text_th)}"
                for m, o in zip(marks, options, strict=True)
            )
        elif q.kind == "short":
            body = " ".join(f"={_gift_escape(a)}" for a in q.accepted_list())
        elif q.kind == "matching":
            body = " ".join(
                f"={_gift_escape(o.text_th)} -> {_gift_escape(o.match_th)}"
                for o in options
            )
        elif q.kind == "numerical":
            body = f"#{_format_number(q.numeric_answer or 0)}:{_format_number(q.numeric_tolerance or 0)}"
        else:
            body = ""
        if q.explanation_th:
            body += f" ####{_gift_escape(q.explanation_th)}"
        out.append(f"{text} {{{body}}}")
    return "\n\n".join(out) + "\n"


# --- Aiken ------------------------------------------------------------------------

_AIKEN_OPTION = re.compile(r"^([A-Za-z])[.)]\s+(.*)$")
_AIKEN_ANSWER = re.compile(r"^ANSWER\s*:\s*([A-Za-z])\s*$", re.IGNORECASE)


def parse_aiken(text: str) -> tuple[list[Parsed], list[LineError]]:
    questions, errors = [], []
    current: Parsed | None = None
    letters: list[str] = []
    for number, raw in enumerate(text.split("\n"), 1):
        line = raw.strip()
        if not line:
            continue
        if current is None:
            current, letters = Parsed(line=number, kind="single", text=line), []
            continue
        option = _AIKEN_OPTION.match(line)
        answer = _AIKEN_ANSWER.match(line)
        if answer:
            letter = answer.group(1).upper()
            if letter not in letters:
                errors.append(
                    LineError(
                        number,
                        _("The answer “%(letter)s” is not one of the options.")
                        % {"letter": letter},
                    )
                )
            else:
                current.options[letters.index(letter)]["correct"] = True
            check(current, errors)
            questions.append(current)
            current = None
        elif option:
            letters.append(option.group(1).upper())
            current.options.append(
                {"text": option.group(2).strip(), "correct": False, "match": ""}
            )
        elif not current.options:
            current.text += "\n" + line
        else:
            errors.append(
                LineError(
                    number,
                    _(
                        "Expected an option (“A. …”) or the answer (“ANSWER: A”) on this line."
                    ),
                )
            )
    if current is not None:
        errors.append(
            LineError(
                current.line, _("The question has no “ANSWER:” line after its options.")
            )
        )
    return questions, errors


def write_aiken(questions) -> str:
    out = []
    for q in questions:
        if q.kind not in ("single", "true_false"):
            continue
        options = list(q.options.all())
        lines = [q.text_th.replace("\n", " ")]
        answer = "A"
        for index, option in enumerate(options):
            letter = chr(ord("A") + index)
            lines.append(f"{letter}. {option.text_th}")
            if option.is_correct:
                answer = letter
        lines.append(f"ANSWER: {answer}")
        out.append("\n".join(lines))
    return "\n\n".join(out) + "\n"


# --- Moodle XML -------------------------------------------------------------------

_XML_KINDS = {
    "multichoice": "single",
    "truefalse": "true_false",
    "shortanswer": "short",
    "numerical": "numerical",
    "matching": "matching",
    "essay": "free",
}


def _xml_text(node, path: str = "text") -> str:
    if node is None:
        return ""
    found = node.find(path) if path else node
    if found is None:
        return ""
    value = found.text or ""
    if node.get("format", "") in ("html", "moodle_auto_format", "") or "<" in value:
        return _html_text(value)
    return value.strip()


def parse_moodle_xml(data: bytes) -> tuple[list[Parsed], list[LineError]]:
    if len(data) > MAX_BYTES:
        raise FileError(_("The file is larger than 5 MB."))
    try:
        root = SafeET.fromstring(data)
    except SafeET.ParseError as err:
        line = getattr(err, "position", (0, 0))[0]
        return [], [LineError(line, _("This is not well-formed XML."))]
    except Exception as err:  # defusedxml refuses entities and DTDs
        raise FileError(
            _("The XML file declares entities or a DTD, which are not allowed.")
        ) from err
    if root.tag != "quiz":
        return [], [LineError(1, _("A Moodle XML file starts with <quiz>."))]
    questions, errors = [], []
    category = ""
    for number, node in enumerate(root.findall("question"), 1):
        qtype = node.get("type", "")
        if qtype == "category":
            category = _xml_text(node.find("category")).split("/")[-1].strip()
            continue
        if qtype == "description":
            continue
        kind = _XML_KINDS.get(qtype)
        if kind is None:
            errors.append(
                LineError(
                    number,
                    _("The question type “%(type)s” cannot be imported.")
                    % {"type": qtype},
                )
            )
            continue
        question = Parsed(
            line=number,
            kind=kind,
            text=_xml_text(node.find("questiontext")),
            explanation=_xml_text(node.find("generalfeedback")),
        )
        grade = _number(node.findtext("defaultgrade") or "1") or 1
        question.points = max(1, min(100, round(grade)))
        answers = [
            (_number(a.get("fraction", "0")) or 0.0, _xml_text(a), a)
            for a in node.findall("answer")
        ]
        if kind == "single":
            single = (node.findtext("single") or "true").strip().lower() in (
                "true",
                "1",
            )
            question.kind = "single" if single else "multiple"
            question.options = [
                {"text": text, "correct": fraction > 0, "match": ""}
                for fraction, text, _node in answers
            ]
        elif kind == "true_false":
            truth = any(
                fraction >= 100 and text.lower() in ("true", "ถูก", "จริง")
                for fraction, text, _node in answers
            )
            question.options = [
                {"text": "ถูก", "correct": truth, "match": ""},
                {"text": "ผิด", "correct": not truth, "match": ""},
            ]
        elif kind == "short":
            question.accepted = [t for f, t, _node in answers if f >= 100 and t]
        elif kind == "numerical":
            best = next(((t, a) for f, t, a in answers if f >= 100), None)
            if best is not None:
                question.value = _number(best[0])
                question.tolerance = abs(
                    _number(best[1].findtext("tolerance") or "0") or 0.0
                )
        elif kind == "matching":
            for sub in node.findall("subquestion"):
                item = _xml_text(sub)
                answer = _xml_text(sub.find("answer"))
                if item:  # an answer without an item is only a distractor
                    question.options.append(
                        {"text": item, "correct": False, "match": answer}
                    )
        question.tags = [
            t
            for t in (x.findtext("text", "").strip() for x in node.findall("tags/tag"))
            if t
        ]
        if category:
            question.tags.append(category[:100])
        check(question, errors)
        questions.append(question)
    return questions, errors


def _text_node(parent, tag: str, value: str, fmt: str | None = None):
    node = SubElement(parent, tag)
    if fmt:
        node.set("format", fmt)
    SubElement(node, "text").text = value
    return node


def write_moodle_xml(questions) -> bytes:
    root = Element("quiz")
    types = {v: k for k, v in _XML_KINDS.items()}
    types["multiple"] = "multichoice"
    for q in questions:
        node = SubElement(root, "question", type=types[q.kind])
        name = SubElement(node, "name")
        SubElement(name, "text").text = q.text_th[:60]
        _text_node(node, "questiontext", q.text_th, "plain_text")
        _text_node(node, "generalfeedback", q.explanation_th, "plain_text")
        SubElement(node, "defaultgrade").text = str(q.points)
        options = list(q.options.all())
        if q.kind in ("single", "multiple"):
            SubElement(node, "single").text = "true" if q.kind == "single" else "false"
            right = max(1, sum(1 for o in options if o.is_correct))
            for o in options:
                fraction = (
                    (100 if q.kind == "single" else round(100 / right, 5))
                    if o.is_correct
                    else 0
                )
                answer = _text_node(node, "answer", o.text_th, "plain_text")
                answer.set("fraction", _format_number(fraction))
        elif q.kind == "true_false":
            truth = next((o.sort_order == 0 for o in options if o.is_correct), True)
            for word, value in (("true", truth), ("false", not truth)):
                _text_node(node, "answer", word, "moodle_auto_format").set(
                    "fraction", "100" if value else "0"
                )
        elif q.kind == "short":
            for accepted in q.accepted_list():
                _text_node(node, "answer", accepted, "moodle_auto_format").set(
                    "fraction", "100"
                )
        elif q.kind == "numerical":
            answer = _text_node(node, "answer", _format_number(q.numeric_answer or 0))
            answer.set("fraction", "100")
            SubElement(answer, "tolerance").text = _format_number(
                q.numeric_tolerance or 0
            )
        elif q.kind == "matching":
            for o in options:
                sub = _text_node(node, "subquestion", o.text_th, "plain_text")
                SubElement(SubElement(sub, "answer"), "text").text = o.match_th
        names = [t.name for t in q.tags.all()]
        if names:
            tags = SubElement(node, "tags")
            for tag_name in names:
                SubElement(SubElement(tags, "tag"), "text").text = tag_name
    return (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        + tostring(root, encoding="unicode").encode()
    )


# --- Spreadsheet ------------------------------------------------------------------

SHEET_COLUMNS = (
    "type",
    "question",
    "question_en",
    "option_1",
    "option_2",
    "option_3",
    "option_4",
    "option_5",
    "option_6",
    "correct",
    "accepted",
    "number",
    "tolerance",
    "explanation",
    "points",
    "tags",
)
_OPTION_COLUMNS = [c for c in SHEET_COLUMNS if c.startswith("option_")]
# Thai names an office might type in the type column.
TYPE_ALIASES = {
    "ตัวเลือกเดียว": "single",
    "เลือกตอบ": "single",
    "หลายตัวเลือก": "multiple",
    "ถูกผิด": "true_false",
    "ถูก/ผิด": "true_false",
    "คำตอบสั้น": "short",
    "เขียนตอบ": "free",
    "จับคู่": "matching",
    "ตัวเลข": "numerical",
}
_TRUE_WORDS = {"true", "t", "ถูก", "จริง", "1", "yes"}


def read_sheet(data: bytes, filename: str) -> tablib.Dataset:
    if len(data) > MAX_BYTES:
        raise FileError(_("The file is larger than 5 MB."))
    try:
        if filename.lower().endswith(".xlsx"):
            return tablib.Dataset().load(BytesIO(data), format="xlsx")
        return tablib.Dataset().load(decode(data), format="csv")
    except FileError:
        raise
    except Exception as err:
        raise FileError(
            _("The spreadsheet cannot be read: save it as .xlsx or UTF-8 .csv.")
        ) from err


def parse_sheet(dataset: tablib.Dataset) -> tuple[list[Parsed], list[LineError]]:
    headers = [str(h or "").strip().lower() for h in (dataset.headers or [])]
    missing = [c for c in ("type", "question") if c not in headers]
    unknown = [h for h in headers if h and h not in SHEET_COLUMNS]
    if missing or unknown:
        message = _("The header row is wrong.")
        if missing:
            message += " " + _("Missing: %(columns)s.") % {
                "columns": ", ".join(missing)
            }
        if unknown:
            message += " " + _("Not known: %(columns)s.") % {
                "columns": ", ".join(unknown)
            }
        message += " " + _("Expected: %(columns)s.") % {
            "columns": ", ".join(SHEET_COLUMNS)
        }
        return [], [LineError(1, message)]
    questions, errors = [], []
    for number, values in enumerate(dataset, 2):
        row = {
            h: _unsafe_cell("" if v is None else str(v)).strip()
            for h, v in zip(headers, values, strict=False)
        }
        if not any(row.values()):
            continue
        kind = row.get("type", "").lower()
        kind = TYPE_ALIASES.get(kind, kind)
        if kind not in KINDS:
            errors.append(
                LineError(
                    number,
                    _("Unknown type “%(type)s”; use one of: %(types)s.")
                    % {"type": row.get("type", ""), "types": ", ".join(KINDS)},
                )
            )
            continue
        question = Parsed(
            line=number,
            kind=kind,
            text=row.get("question", ""),
            text_en=row.get("question_en", ""),
            explanation=row.get("explanation", ""),
            tags=[t.strip() for t in row.get("tags", "").split(",") if t.strip()],
        )
        points = row.get("points", "") or "1"
        try:
            question.points = max(1, min(100, int(float(points))))
        except ValueError:
            errors.append(LineError(number, _("Points must be a whole number.")))
        cells = [row.get(c, "") for c in _OPTION_COLUMNS if row.get(c, "")]
        correct = _correct_positions(row.get("correct", ""))
        if kind == "true_false":
            truth = row.get("correct", "").lower() in _TRUE_WORDS
            question.options = [
                {"text": "ถูก", "correct": truth, "match": ""},
                {"text": "ผิด", "correct": not truth, "match": ""},
            ]
        elif kind in ("single", "multiple"):
            if correct is None:
                errors.append(
                    LineError(
                        number,
                        _("Write the correct options by number, e.g. “1” or “1,3”."),
                    )
                )
                continue
            question.options = [
                {"text": text, "correct": i in correct, "match": ""}
                for i, text in enumerate(cells, 1)
            ]
        elif kind == "matching":
            for text in cells:
                item, _sep, answer = text.partition("->")
                question.options.append(
                    {"text": item.strip(), "correct": False, "match": answer.strip()}
                )
        elif kind == "short":
            question.accepted = [
                a.strip() for a in row.get("accepted", "").split("|") if a.strip()
            ]
        elif kind == "numerical":
            question.value = _number(row.get("number", "") or "x")
            question.tolerance = abs(_number(row.get("tolerance", "") or "0") or 0.0)
        check(question, errors)
        questions.append(question)
    return questions, errors


def _correct_positions(cell: str) -> set[int] | None:
    try:
        return {int(float(p)) for p in re.split(r"[,;\s]+", cell.strip()) if p}
    except ValueError:
        return None


def write_sheet(questions) -> tablib.Dataset:
    data = tablib.Dataset(headers=list(SHEET_COLUMNS), title="questions")
    for q in questions:
        options = list(q.options.all())
        row = dict.fromkeys(SHEET_COLUMNS, "")
        row.update(
            type=q.kind,
            question=q.text_th,
            question_en=q.text_en,
            explanation=q.explanation_th,
            points=q.points,
            tags=", ".join(t.name for t in q.tags.all()),
        )
        if q.kind == "true_false":
            truth = next((o.sort_order == 0 for o in options if o.is_correct), True)
            row["correct"] = "true" if truth else "false"
        elif q.kind in ("single", "multiple"):
            for column, o in zip(_OPTION_COLUMNS, options, strict=False):
                row[column] = o.text_th
            row["correct"] = ",".join(
                str(i) for i, o in enumerate(options, 1) if o.is_correct
            )
        elif q.kind == "matching":
            for column, o in zip(_OPTION_COLUMNS, options, strict=False):
                row[column] = f"{o.text_th} -> {o.match_th}"
        elif q.kind == "short":
            row["accepted"] = " | ".join(q.accepted_list())
        elif q.kind == "numerical":
            row["number"] = q.numeric_answer
            row["tolerance"] = q.numeric_tolerance or 0
        data.append([_safe_cell(row[c]) for c in SHEET_COLUMNS])
    return data


def _unsafe_cell(value: str) -> str:
    if value[:1] == "'" and value[1:2] in ("=", "+", "-", "@"):
        return value[1:]
    return value


def _safe_cell(value):
    # A cell a spreadsheet would run as a formula is written as text.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def parse(
    data: bytes, fmt: str, filename: str = ""
) -> tuple[list[Parsed], list[LineError]]:
    """Read ``data`` in ``fmt`` (gift, aiken, xml, sheet)."""
    if fmt == "gift":
        return parse_gift(decode(data))
    if fmt == "aiken":
        return parse_aiken(decode(data))
    if fmt == "xml":
        return parse_moodle_xml(data)
    if fmt == "sheet":
        return parse_sheet(read_sheet(data, filename))
    raise FileError(_("Choose the file's format."))
