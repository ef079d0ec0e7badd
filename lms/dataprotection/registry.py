"""Declarations of personal data, one provider module per app (like Moodle's privacy API).

Every app that stores something about a person says so in its own
``privacy.py``: which model, how a row leads to the person (``subject``),
which fields are personal and exported, why they are kept (purpose, legal
basis), for how long, who receives them, and what erasure does to them.
``DataProtectionConfig.ready`` imports every app's ``privacy`` module, so the
declarations are registered at start-up.

Nothing here acts on the data: export, erasure and the records of
processing (``lms.privacy``, the integration layer) are driven by these
declarations, and ``tests/privacy/test_coverage.py`` fails when a model with
a foreign key to the user is not declared.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# What erasure does to the rows about the person.
DELETE = "delete"  # remove the rows
ANONYMISE = (
    "anonymise"  # keep the rows (for aggregate reports), blank the personal fields
)
SCRUB = "scrub"  # logs: replace the person's name, phone and e-mail in the text
KEEP = "keep"  # nothing personal left once the user row is anonymised

ERASURE_LABELS = {
    DELETE: _("deleted"),
    ANONYMISE: _("anonymised (kept for aggregate reports)"),
    SCRUB: _("name, phone and e-mail removed from the text"),
    KEEP: _("kept: refers only to the anonymised account"),
}


@dataclass(frozen=True)
class PersonalData:
    """What one model holds about people.

    ``subject`` is the lookup from the model to the person the rows are
    about (``"user"``, ``"attempt__user"``; ``"pk"`` for the user model
    itself) or a callable ``(user) -> Q`` for rows that name the person
    without a foreign key (sign-in records keyed by username).
    ``actors`` are the user foreign keys that record a member of staff who
    acted (``created_by``, ``marked_by``): those rows are not about that
    person, but the records of processing list them.
    ``fields`` are exported; ``not_personal`` lists the model's other text
    fields, so a new text field must be classified (the coverage test).
    """

    model: str
    purpose: Any
    retention: Any
    legal_basis: Any
    subject: str | Callable[[Any], Q] | None = "user"
    fields: Sequence[str] = ()
    actors: Sequence[str] = ()
    recipients: Any = _("programme staff of the person's province and administrators")
    erase: str = DELETE
    anonymise: dict[str, Any] = field(default_factory=dict)
    scrub: Sequence[str] = ()
    not_personal: Sequence[str] = ()
    # A custom eraser ``(queryset, user) -> None`` for rules of the app's own.
    eraser: Callable[[Any, Any], None] | None = None
    export: bool = True
    title: Any = None

    def rows_q(self, user) -> Q:
        """The filter selecting the rows about ``user`` (an empty match if none)."""
        if callable(self.subject):
            return self.subject(user)
        if not self.subject:
            return Q(pk__in=[])
        if self.subject == "pk":
            return Q(pk=user.pk)
        return Q(**{self.subject: user})


_REGISTRY: dict[str, PersonalData] = {}


def register(*declarations: PersonalData) -> None:
    """Add declarations; declaring the same model twice is a programming error."""
    for declaration in declarations:
        if (
            declaration.model in _REGISTRY
            and _REGISTRY[declaration.model] != declaration
        ):
            raise ValueError(f"{declaration.model} is declared twice")
        _REGISTRY[declaration.model] = declaration


def declarations() -> list[PersonalData]:
    """Every declaration, the user model first, then by model label."""
    return sorted(
        _REGISTRY.values(), key=lambda d: (d.subject != "pk", d.model.lower())
    )


def declaration_for(label: str) -> PersonalData | None:
    return _REGISTRY.get(label)
