"""The privacy notice page, accepting a new version, and changing consents."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import selectors, services
from .forms import AcceptForm, ConsentForm


def _safe_next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


def notice(request):
    """The current notice (public), in the page's language."""
    return TemplateResponse(
        request, "dataprotection/notice.html", {"notice": selectors.notice_current()}
    )


@login_required
def accept(request):
    """Asked after sign-in when the person has not accepted the current version."""
    due = selectors.notice_due(user=request.user)
    target = _safe_next(request) or "/"
    if due is None:
        request.session.pop(services.SESSION_KEY, None)
        return HttpResponseRedirect(target)
    form = AcceptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.notice_accept(user=request.user, notice=due)
        request.session.pop(services.SESSION_KEY, None)
        messages.success(request, _("Thank you. Your acceptance was recorded."))
        return HttpResponseRedirect(target)
    return TemplateResponse(
        request,
        "dataprotection/accept.html",
        {"notice": due, "form": form, "next": _safe_next(request)},
    )


@login_required
@require_POST
def consents(request):
    """The profile page's optional consents: ticked boxes are given, the rest withdrawn."""
    form = ConsentForm(request.POST)
    form.is_valid()  # booleans: always valid
    services.consents_set(user=request.user, purposes=form.consents())
    messages.success(request, _("Your choices were saved."))
    return HttpResponseRedirect(reverse("accounts:profile") + "#consents")
