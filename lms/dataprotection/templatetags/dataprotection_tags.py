"""Template filters of the privacy pages (kernel: the notice page uses them too)."""

from django import template
from django.utils import timezone
from django.utils.dateformat import format as date_format
from pythainlp.util import thai_strftime

from lms.i18n import current_language

register = template.Library()


@register.filter
def privacy_date(value, with_time: bool = True) -> str:
    """Buddhist Era in Thai (2 ธ.ค. 2569 07:01), Gregorian in English."""
    if not value:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    if current_language() == "th":
        return thai_strftime(value, "%-d %b %Y %H:%M" if with_time else "%-d %b %Y")
    return date_format(value, "j F Y, H:i" if with_time else "j F Y")
