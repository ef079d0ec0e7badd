from django import template

from lms.i18n import current_language

from ..pdf import format_date

register = template.Library()


@register.filter
def certificate_date(value) -> str:
    """A date as certificates print it: Buddhist Era in Thai, Gregorian in English."""
    if not value:
        return ""
    return format_date(value, current_language())
