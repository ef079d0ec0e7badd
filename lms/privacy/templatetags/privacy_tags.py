"""The profile page's "Your data and privacy" panel."""

from django import template
from django.utils import timezone
from django.utils.dateformat import format as date_format
from pythainlp.util import thai_strftime

from lms.i18n import current_language

from lms.dataprotection.forms import ConsentForm
from lms.dataprotection.selectors import consents_open, notice_current

from ..models import ErasureRequest
from ..selectors import erasure_requests_of, exports_of

register = template.Library()


@register.inclusion_tag("privacy/panel.html", takes_context=True)
def privacy_panel(context):
    request = context["request"]
    user = request.user
    given = consents_open(user=user)
    form = ConsentForm(initial={f"consent_{p}": True for p in given})
    requests = erasure_requests_of(user=user)
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "notice": notice_current(),
        "consent_form": form,
        "exports": exports_of(user=user),
        "erasure_requests": requests,
        "erasure_pending": any(
            r.status == ErasureRequest.Status.PENDING for r in requests
        ),
    }


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
