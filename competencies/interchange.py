"""The competency framework as JSON: export, validation and import.

The exchange format is close to IMS CASE (a ``CFDocument`` and a flat list of
``CFItems`` linked by ``isChildOf``), with Thai and English side by side, so a
ministry can keep its framework under version control and move it between
sites::

    {"CFDocument": {"identifier": "dv-competency", "title": {"th": ..., "en": ...}, ...},
     "CFItems": [
        {"identifier": "basic", "CFItemType": "Area", "fullStatement": {...}, ...},
        {"identifier": "B1", "CFItemType": "Competency", "humanCodingScheme": "B1",
         "isChildOf": "basic", "proficiencyLevels": [{"level": 1, ...}], ...}]}

An import is validated completely before anything is written, and runs in one
transaction: a file with any error changes nothing, and the error lists every
problem with its place in the file (``CFItems[3].humanCodingScheme: ...``).
Rows are matched by code, so importing the same file twice changes nothing and
a new edition updates names in place. Competencies and areas missing from the
file are kept (evidence and courses refer to them) and reported.

``competencies.services`` re-exports the public functions; call them from there.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from django.core.validators import validate_slug
from django.db import transaction
from django.utils.translation import gettext as _

from lms import audit

from .models import (
    MAX_PROFICIENCY,
    Competency,
    CompetencyArea,
    CompetencyFramework,
    ProficiencyLevel,
)

FORMAT = "lms-competency-framework/1"
PROGRAMME_FRAMEWORK = (
    Path(__file__).resolve().parent / "fixtures" / "programme_framework.json"
)
LANGUAGES = ("th", "en")
MAX_LEVEL = MAX_PROFICIENCY
MAX_ORDER = 32767  # PositiveSmallIntegerField


class FrameworkImportError(Exception):
    """Raised with every problem found in a framework file; nothing was written."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("\n".join(errors))


@dataclass
class ImportSummary:
    """What an import did, kind by kind: ``{"competencies": {"created": 1, ...}}``."""

    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    kept: list[str] = field(default_factory=list)
    #: Each update, before and after: ``[{"what": "competencies DL1", "changes": {…}}]``
    changes: list[dict] = field(default_factory=list)

    def total(self, outcome: str) -> int:
        return sum(bucket.get(outcome, 0) for bucket in self.counts.values())

    def add(self, kind: str, outcome: str) -> None:
        bucket = self.counts.setdefault(
            kind, {"created": 0, "updated": 0, "unchanged": 0, "deleted": 0}
        )
        bucket[outcome] += 1


# --- Export ------------------------------------------------------------------------


def _pair(obj, name: str) -> dict[str, str]:
    return {lang: getattr(obj, f"{name}_{lang}") for lang in LANGUAGES}


def _indicator_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def framework_export(*, framework: CompetencyFramework) -> dict:
    """The framework as a JSON-ready dict, in three queries."""
    items: list[dict] = []
    for area in framework.areas.order_by("sort_order", "code"):
        items.append(
            {
                "identifier": area.code,
                "CFItemType": "Area",
                "fullStatement": _pair(area, "name"),
                "notes": _pair(area, "description"),
                "listEnumeration": area.sort_order,
            }
        )
    competencies = (
        Competency.objects.filter(area__framework=framework)
        .select_related("area")
        .prefetch_related("proficiency_levels")
        .order_by("area__sort_order", "area__code", "sort_order", "code")
    )
    for competency in competencies:
        levels = sorted(competency.proficiency_levels.all(), key=lambda lv: lv.level)
        items.append(
            {
                "identifier": competency.code,
                "CFItemType": "Competency",
                "humanCodingScheme": competency.code,
                "isChildOf": competency.area.code,
                "fullStatement": _pair(competency, "name"),
                "notes": _pair(competency, "description"),
                "listEnumeration": competency.sort_order,
                "proficiencyLevels": [
                    {
                        "level": level.level,
                        "name": _pair(level, "name"),
                        "indicators": {
                            lang: _indicator_lines(getattr(level, f"indicators_{lang}"))
                            for lang in LANGUAGES
                        },
                    }
                    for level in levels
                ],
            }
        )
    return {
        "format": FORMAT,
        "CFDocument": {
            "identifier": framework.code,
            "title": _pair(framework, "name"),
            "description": _pair(framework, "description"),
            "version": framework.version,
            "creator": framework.publisher,
            "language": "th",
        },
        "CFItems": items,
    }


# --- Validation --------------------------------------------------------------------


class _Checker:
    """Collects every problem in a file, each prefixed with where it is."""

    def __init__(self):
        self.errors: list[str] = []

    def error(self, where: str, message: str) -> None:
        self.errors.append(f"{where}: {message}")

    def code(self, value, where: str, *, max_length: int, slug: bool) -> str | None:
        """A required identifier; returns it stripped, or None when it is unusable."""
        if value is None or (isinstance(value, str) and not value.strip()):
            self.error(where, _("required."))
            return None
        if not isinstance(value, str):
            self.error(where, _("must be text."))
            return None
        value = value.strip()
        if len(value) > max_length:
            self.error(where, _("at most %(n)s characters.") % {"n": max_length})
            return None
        if slug:
            try:
                validate_slug(value)
            except Exception:  # noqa: BLE001 - ValidationError; the message below says why
                self.error(
                    where,
                    _("'%(code)s' may use only letters, digits, - and _.")
                    % {"code": value},
                )
                return None
        return value

    def bilingual(
        self, value, where: str, *, required: bool, max_length: int | None = None
    ):
        """An object {"th": text, "en": text}; Thai is required when ``required``."""
        if value is None and not required:
            return
        if not isinstance(value, dict):
            self.error(where, _('must be an object such as {"th": "…", "en": "…"}.'))
            return
        for lang in LANGUAGES:
            text = value.get(lang, "")
            if not isinstance(text, str):
                self.error(f"{where}.{lang}", _("must be text."))
            elif max_length and len(text) > max_length:
                self.error(
                    f"{where}.{lang}",
                    _("at most %(n)s characters.") % {"n": max_length},
                )
        if required and not str(value.get("th") or "").strip():
            self.error(f"{where}.th", _("a Thai name is required."))

    def text(self, value, where: str, *, max_length: int) -> None:
        if value is None:
            return
        if not isinstance(value, str):
            self.error(where, _("must be text."))
        elif len(value) > max_length:
            self.error(where, _("at most %(n)s characters.") % {"n": max_length})

    def order(self, value, where: str) -> None:
        if value is None:
            return
        if not _is_int(value) or not 0 <= value <= MAX_ORDER:
            self.error(
                where,
                _("must be a whole number from 0 to %(max)s.") % {"max": MAX_ORDER},
            )

    def indicators(self, value, where: str) -> None:
        if value is None:
            return
        if not isinstance(value, dict):
            self.error(
                where, _('must be an object such as {"th": ["…"], "en": ["…"]}.')
            )
            return
        for lang in LANGUAGES:
            lines = value.get(lang, [])
            if not isinstance(lines, list):
                self.error(f"{where}.{lang}", _("must be a list of texts."))
                continue
            for k, line in enumerate(lines):
                if not isinstance(line, str) or not line.strip():
                    self.error(f"{where}.{lang}[{k}]", _("must be a non-empty text."))
                elif "\n" in line.strip() or "\r" in line.strip():
                    self.error(f"{where}.{lang}[{k}]", _("must be a single line."))


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _validate(data) -> list[str]:
    """Every problem in ``data``, as translated messages that name the place."""
    check = _Checker()
    if not isinstance(data, dict):
        return [_("The file must contain a JSON object with CFDocument and CFItems.")]
    if "format" in data and data["format"] != FORMAT:
        check.error(
            "format",
            _("unsupported format '%(found)s' (expected '%(expected)s').")
            % {"found": data["format"], "expected": FORMAT},
        )

    doc = data.get("CFDocument")
    framework_code = None
    if not isinstance(doc, dict):
        check.error("CFDocument", _("missing or not an object."))
    else:
        framework_code = check.code(
            doc.get("identifier"), "CFDocument.identifier", max_length=64, slug=True
        )
        check.bilingual(
            doc.get("title"), "CFDocument.title", required=True, max_length=255
        )
        check.bilingual(
            doc.get("description"), "CFDocument.description", required=False
        )
        check.text(doc.get("version"), "CFDocument.version", max_length=32)
        check.text(doc.get("creator"), "CFDocument.creator", max_length=255)

    items = data.get("CFItems")
    if not isinstance(items, list):
        check.error("CFItems", _("missing or not a list."))
        return check.errors

    # Areas first, so a competency may come before its area in the file.
    areas: set[str] = set()
    for i, item in enumerate(items):
        if not isinstance(item, dict) or item.get("CFItemType") != "Area":
            continue
        where = f"CFItems[{i}].identifier"
        code = check.code(item.get("identifier"), where, max_length=64, slug=True)
        if code in areas:
            check.error(where, _("duplicate area '%(code)s'.") % {"code": code})
        elif code:
            areas.add(code)

    codes: dict[str, str] = {}  # competency code -> where it was first seen
    for i, item in enumerate(items):
        where = f"CFItems[{i}]"
        if not isinstance(item, dict):
            check.error(where, _("not an object."))
            continue
        kind = item.get("CFItemType")
        if kind not in ("Area", "Competency"):
            check.error(f"{where}.CFItemType", _("must be Area or Competency."))
            continue
        check.bilingual(
            item.get("fullStatement"),
            f"{where}.fullStatement",
            required=True,
            max_length=255,
        )
        check.bilingual(item.get("notes"), f"{where}.notes", required=False)
        check.order(item.get("listEnumeration"), f"{where}.listEnumeration")
        if kind == "Area":
            continue
        _validate_competency(check, item, where, areas, codes)

    if framework_code and codes:
        elsewhere = (
            Competency.objects.filter(code__in=codes)
            .exclude(area__framework__code=framework_code)
            .values_list("code", "area__framework__code")
        )
        for code, other in elsewhere:
            check.error(
                codes[code],
                _("code '%(code)s' already belongs to framework '%(framework)s'.")
                % {"code": code, "framework": other},
            )
    return check.errors


def _validate_competency(check: _Checker, item: dict, where: str, areas, codes) -> None:
    coded = (
        "humanCodingScheme"
        if item.get("humanCodingScheme") is not None
        else "identifier"
    )
    code_where = f"{where}.{coded}"
    code = check.code(item.get(coded), code_where, max_length=32, slug=False)
    if code is not None:
        if code in codes:
            check.error(code_where, _("duplicate code '%(code)s'.") % {"code": code})
        else:
            codes[code] = code_where
    if coded == "humanCodingScheme" and item.get("identifier") is not None:
        check.code(
            item.get("identifier"), f"{where}.identifier", max_length=255, slug=False
        )

    parent = item.get("isChildOf")
    if parent is None or (isinstance(parent, str) and not parent.strip()):
        check.error(f"{where}.isChildOf", _("required: the identifier of an area."))
    elif not isinstance(parent, str) or parent.strip() not in areas:
        check.error(
            f"{where}.isChildOf",
            _("unknown area '%(parent)s'.") % {"parent": parent},
        )

    levels = item.get("proficiencyLevels", [])
    if not isinstance(levels, list):
        check.error(f"{where}.proficiencyLevels", _("must be a list."))
        return
    seen: set[int] = set()
    for j, level in enumerate(levels):
        lwhere = f"{where}.proficiencyLevels[{j}]"
        if not isinstance(level, dict):
            check.error(lwhere, _("not an object."))
            continue
        number = level.get("level")
        if not _is_int(number) or not 1 <= number <= MAX_LEVEL:
            check.error(
                f"{lwhere}.level",
                _("must be a whole number from 1 to %(max)s.") % {"max": MAX_LEVEL},
            )
        elif number in seen:
            check.error(
                f"{lwhere}.level",
                _("level %(n)s appears twice.") % {"n": number},
            )
        else:
            seen.add(number)
        check.bilingual(
            level.get("name"), f"{lwhere}.name", required=True, max_length=255
        )
        check.indicators(level.get("indicators"), f"{lwhere}.indicators")


# --- Import ------------------------------------------------------------------------


def _texts(value, name: str) -> dict[str, str]:
    value = value or {}
    return {f"{name}_{lang}": value.get(lang) or "" for lang in LANGUAGES}


def _upsert(model, lookup: dict, values: dict, *, kind: str, summary: ImportSummary):
    """Create or update one row, saving only when something changed."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model.objects.create(**lookup, **values)
        summary.add(kind, "created")
        return obj
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if changed:
        what = " ".join(str(v) for v in lookup.values() if isinstance(v, str | int))
        summary.changes.append(
            {
                "what": f"{kind} {what}",
                "changes": {
                    name: [audit.plain(getattr(obj, name)), audit.plain(values[name])]
                    for name in changed
                },
            }
        )
        for name in changed:
            setattr(obj, name, values[name])
        obj.save()
        summary.add(kind, "updated")
    else:
        summary.add(kind, "unchanged")
    return obj


@transaction.atomic
def framework_import(
    *, data: dict, summary: ImportSummary | None = None, by=None
) -> CompetencyFramework:
    """Create or update a framework from its JSON form; idempotent by codes.

    Raises ``FrameworkImportError`` listing every problem before writing
    anything. Pass an ``ImportSummary`` to learn what was created or updated.
    """
    errors = _validate(data)
    if errors:
        raise FrameworkImportError(errors)
    summary = summary if summary is not None else ImportSummary()
    doc = data["CFDocument"]
    framework = _upsert(
        CompetencyFramework,
        {"code": doc["identifier"].strip()},
        {
            **_texts(doc.get("title"), "name"),
            **_texts(doc.get("description"), "description"),
            "version": doc.get("version") or "",
            "publisher": doc.get("creator") or "",
        },
        kind="frameworks",
        summary=summary,
    )
    items = data["CFItems"]
    areas: dict[str, CompetencyArea] = {}
    for item in items:
        if item["CFItemType"] != "Area":
            continue
        code = item["identifier"].strip()
        areas[code] = _upsert(
            CompetencyArea,
            {"framework": framework, "code": code},
            {
                **_texts(item.get("fullStatement"), "name"),
                **_texts(item.get("notes"), "description"),
                "sort_order": item.get("listEnumeration") or 0,
            },
            kind="areas",
            summary=summary,
        )
    imported: set[str] = set()
    for item in items:
        if item["CFItemType"] != "Competency":
            continue
        code = (item.get("humanCodingScheme") or item["identifier"]).strip()
        imported.add(code)
        competency = _upsert(
            Competency,
            {"code": code},
            {
                "area": areas[item["isChildOf"].strip()],
                **_texts(item.get("fullStatement"), "name"),
                **_texts(item.get("notes"), "description"),
                "sort_order": item.get("listEnumeration") or 0,
            },
            kind="competencies",
            summary=summary,
        )
        _import_levels(competency, item.get("proficiencyLevels") or [], summary)

    for area in framework.areas.exclude(code__in=areas):
        summary.kept.append(_("area '%(code)s'") % {"code": area.code})
    for code in (
        Competency.objects.filter(area__framework=framework)
        .exclude(code__in=imported)
        .values_list("code", flat=True)
    ):
        summary.kept.append(_("competency '%(code)s'") % {"code": code})
    if summary.total("created") or summary.total("updated"):
        audit.log(
            framework,
            "lms.framework_import",
            by=by,
            created=summary.total("created"),
            updated=summary.total("updated"),
            changes=summary.changes[:200],
        )
    return framework


def _import_levels(competency: Competency, levels: list[dict], summary) -> None:
    wanted = set()
    for sort_order, level in enumerate(levels):
        wanted.add(level["level"])
        indicators = level.get("indicators") or {}
        _upsert(
            ProficiencyLevel,
            {"competency": competency, "level": level["level"]},
            {
                "sort_order": sort_order,
                **_texts(level.get("name"), "name"),
                **{
                    f"indicators_{lang}": "\n".join(
                        line.strip() for line in indicators.get(lang, [])
                    )
                    for lang in LANGUAGES
                },
            },
            kind="levels",
            summary=summary,
        )
    stale = competency.proficiency_levels.exclude(level__in=wanted)
    for _level in stale:
        summary.add("levels", "deleted")
    stale.delete()


def load_programme_framework() -> CompetencyFramework:
    """Import the programme's own framework shipped with the code (idempotent)."""
    return framework_import(
        data=json.loads(PROGRAMME_FRAMEWORK.read_text(encoding="utf-8"))
    )
