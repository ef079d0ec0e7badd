"""The volunteer's side: download my data, ask for my account to be deleted."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from . import selectors, services


class ErasureForm(forms.Form):
    message = forms.CharField(
        label=gettext_lazy("Anything we should know"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    confirm = forms.BooleanField(
        label=gettext_lazy(
            "I understand that my account, my learning record and my certificates "
            "will be removed and cannot be restored."
        ),
        error_messages={"required": gettext_lazy("Tick the box to confirm.")},
    )


def _profile(anchor: str) -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("accounts:profile") + anchor)


@login_required
@require_POST
def export_request(request):
    services.export_request(user=request.user)
    messages.success(
        request,
        _("We are preparing your data. It appears here when it is ready."),
    )
    return _profile("#my-data")


@login_required
def export_download(request, export_id: int):
    data_export = selectors.export_ready_for(user=request.user, export_id=export_id)
    if data_export is None:
        raise Http404
    response = HttpResponse(bytes(data_export.content), content_type="application/zip")
    stamp = timezone.localtime(data_export.finished_at).strftime("%Y-%m-%d")
    response["Content-Disposition"] = f'attachment; filename="my-data-{stamp}.zip"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def erasure_request(request):
    form = ErasureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.erasure_request(
            user=request.user, message=form.cleaned_data["message"]
        )
        messages.success(
            request,
            _(
                "Your request was sent. An administrator will decide on it and the "
                "decision will be shown on this page."
            ),
        )
        return _profile("#my-data")
    return TemplateResponse(request, "privacy/erasure_request.html", {"form": form})


@login_required
@require_POST
def erasure_cancel(request, request_id: int):
    services.erasure_cancel(user=request.user, request_id=request_id)
    messages.success(request, _("Your request was cancelled."))
    return _profile("#my-data")
