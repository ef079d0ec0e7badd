"""Administrators' side: decide on erasure requests; the records of processing."""

import csv
import io

from django import forms
from django.apps import apps
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms.accounts import regions
from lms.accounts.selectors import scoped_provinces
from lms.dataprotection.models import CONSENT_PURPOSES
from lms.dataprotection.registry import ERASURE_LABELS, declarations

from . import retention, selectors, services
from .models import ErasureRequest

HANDLE = "privacy.handle_erasure"
RECORDS = "privacy.view_records"


def _require(request, perm: str) -> None:
    if not request.user.has_perm(perm):
        raise PermissionDenied


class ApproveForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason for approving"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class RefuseForm(forms.Form):
    legal_ground = forms.ChoiceField(
        label=gettext_lazy("Legal ground"),
        choices=[("", "—"), *ErasureRequest.LegalGround.choices],
    )
    reason = forms.CharField(
        label=gettext_lazy("Explanation for the person"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


def requests_list(request):
    _require(request, HANDLE)
    status = request.GET.get("status", ErasureRequest.Status.PENDING)
    if status not in ErasureRequest.Status.values:
        status = ""
    page = Paginator(selectors.erasure_requests(status=status or None), 50).get_page(
        request.GET.get("p")
    )
    return TemplateResponse(
        request,
        "privacy/admin/requests.html",
        {"page": page, "status": status, "statuses": ErasureRequest.Status.choices},
    )


def request_detail(request, request_id: int):
    _require(request, HANDLE)
    erasure_request = get_object_or_404(selectors.erasure_requests(), pk=request_id)
    action = request.POST.get("action") if request.method == "POST" else None
    approve = ApproveForm(
        request.POST if action == "approve" else None, prefix="approve"
    )
    refuse = RefuseForm(request.POST if action == "refuse" else None, prefix="refuse")
    try:
        if action == "approve" and approve.is_valid():
            services.erasure_approve(
                request_id=erasure_request.pk,
                by=request.user,
                reason=approve.cleaned_data["reason"],
            )
            messages.success(request, _("The person's data was erased."))
            return redirect("privacy_admin_requests")
        if action == "refuse" and refuse.is_valid():
            services.erasure_refuse(
                request_id=erasure_request.pk,
                by=request.user,
                legal_ground=refuse.cleaned_data["legal_ground"],
                reason=refuse.cleaned_data["reason"],
            )
            messages.success(request, _("The request was refused."))
            return redirect("privacy_admin_requests")
    except services.PrivacyError as err:
        messages.error(request, str(err))
        return redirect("privacy_admin_request", request_id=erasure_request.pk)
    return TemplateResponse(
        request,
        "privacy/admin/request.html",
        {"item": erasure_request, "approve": approve, "refuse": refuse},
    )


def records(request):
    """The records of processing (PDPA s. 39), written from the code's declarations."""
    _require(request, RECORDS)
    rows = []
    for declaration in declarations():
        model = apps.get_model(declaration.model)
        rows.append(
            {
                "label": declaration.model,
                "title": declaration.title or model._meta.verbose_name_plural,
                "fields": [
                    model._meta.get_field(name).verbose_name
                    for name in declaration.fields
                ],
                "actors": [
                    model._meta.get_field(name).verbose_name
                    for name in declaration.actors
                ],
                "purpose": declaration.purpose,
                "legal_basis": declaration.legal_basis,
                "retention": declaration.retention,
                "recipients": declaration.recipients,
                "erasure": ERASURE_LABELS.get(declaration.erase, declaration.erase),
            }
        )
    return TemplateResponse(
        request,
        "privacy/admin/records.html",
        {
            "rows": rows,
            "consents": [str(label) for label in CONSENT_PURPOSES.values()],
            "periods": retention.periods(),
        },
    )


def _contact_provinces(user) -> list[tuple[str, str]]:
    scope = scoped_provinces(user)
    return [c for c in regions.province_choices() if scope is None or c[0] in scope]


def contacts(request):
    """Phones and e-mails of the volunteers of one province the reader serves.

    Need-to-know: a trainer sees only their provinces; nobody gets a national
    list (a province must be chosen). The CSV download is audit-logged with
    who downloaded which province.
    """
    provinces = _contact_provinces(request.user)
    if not provinces:
        raise PermissionDenied
    allowed = {code for code, _name in provinces}
    province = request.GET.get("province", "")
    if province not in allowed:
        province = provinces[0][0] if len(provinces) == 1 else ""
    people = selectors.contacts_in(province=province) if province else None
    if people is not None and request.GET.get("export") == "csv":
        rows = list(people)
        services.export_logged(
            by=request.user,
            what=_("contacts of %(province)s")
            % {"province": regions.province_name(province)},
            rows=len(rows),
        )
        return contacts_csv(rows, province)
    page = (
        Paginator(people, 50).get_page(request.GET.get("p"))
        if people is not None
        else None
    )
    return TemplateResponse(
        request,
        "privacy/admin/contacts.html",
        {"provinces": provinces, "province": province, "page": page},
    )


def contacts_csv(rows, province: str) -> HttpResponse:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [_("Name"), _("Phone"), _("E-mail"), _("District"), _("Sub-district")]
    )
    for person in rows:
        cells = [
            person.get_full_name(),
            person.phone,
            person.email,
            regions.district_name(person.profile.district_code),
            regions.subdistrict_name(person.profile.subdistrict_code),
        ]
        writer.writerow(
            ["'" + c if c[:1] in ("=", "+", "-", "@") else c for c in cells]
        )
    response = HttpResponse(
        "\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="contacts-{province}.csv"'
    return response


def admin_urls():
    return [
        path("personal-data/requests/", requests_list, name="privacy_admin_requests"),
        path(
            "personal-data/requests/<int:request_id>/",
            request_detail,
            name="privacy_admin_request",
        ),
        path("personal-data/records/", records, name="privacy_admin_records"),
        path("personal-data/contacts/", contacts, name="privacy_admin_contacts"),
    ]
