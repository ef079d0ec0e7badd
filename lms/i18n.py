"""Helpers for content stored in both Thai and English columns.

The competency framework and level ladder are official documents published in
both languages at once, so their names live side by side (``name_th``,
``name_en``) rather than as separate translated copies. ``localized`` picks
the column for the active language and falls back to Thai.
"""

from django.utils.dateformat import DateFormat
from django.utils.translation import get_language


def current_language() -> str:
    return "en" if (get_language() or "th").startswith("en") else "th"


def localized(obj, field: str) -> str:
    if current_language() == "en":
        value = getattr(obj, f"{field}_en", "")
        if value:
            return value
    return getattr(obj, f"{field}_th", "")


class BilingualMixin:
    """Adds ``name``/``description`` properties that follow the active language."""

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def description(self) -> str:
        return localized(self, "description")


BUDDHIST_ERA_OFFSET = 543


def use_buddhist_era_in_thai() -> None:
    """Count Django's formatted years ("Y", "y") in the Buddhist Era while Thai
    is active, so every date Django formats for a Thai reader (the Wagtail
    admin's listings and history, the reports' months, our templates' ``date``
    filter) reads 2 ธันวาคม 2569 like the certificates. Machine formats (ISO
    "c", RFC "r", form inputs, which use ``strftime``) stay Gregorian. Called
    once from ``AccountsConfig.ready``."""
    if getattr(DateFormat.Y, "buddhist_era", False):
        return
    gregorian_year = DateFormat.Y

    def Y(self):  # Django names its methods after the format letters
        if current_language() == "th":
            return f"{self.data.year + BUDDHIST_ERA_OFFSET:04d}"
        return gregorian_year(self)

    def y(self):
        return Y(self)[-2:]

    Y.buddhist_era = True
    DateFormat.Y = Y
    DateFormat.y = y
