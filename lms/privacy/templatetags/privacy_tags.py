"""The profile page's "Your data and privacy" panel."""

from django import template

from lms.dataprotection.forms import ConsentForm
from lms.dataprotection.selectors import consents_open, notice_current
from lms.dataprotection.templatetags.dataprotection_tags import privacy_date

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


register.filter("privacy_date", privacy_date)
