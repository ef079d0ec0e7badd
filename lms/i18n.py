"""Helpers for content stored in both Thai and English columns.

The competency framework and level ladder are official documents published in
both languages at once, so their names live side by side (``name_th``,
``name_en``) rather than as separate translated copies. ``localized`` picks
the column for the active language and falls back to Thai.
"""

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
