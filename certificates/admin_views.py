"""Administrators' certificate work in the Wagtail admin.

Issue one by hand (with a reason), bulk issue (dry-run count, then a
background run), revoke, re-issue, download any PDF and preview a template.
Only users with the ``certificates.issue_certificate`` /
``certificates.revoke_certificate`` permissions (the Administrator group)
get in; trainers are refused.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from lms.accounts import regions

from . import bulk, pdf, selectors, services
from .models import Award, BulkIssueRun, CertificateTemplate, IssuedCertificate
from .views import pdf_response

ISSUE = "certificates.issue_certificate"
REVOKE = "certificates.revoke_certificate"


def _require(request, perm: str) -> None:
    if not request.user.has_perm(perm):
        raise PermissionDenied


class PersonField(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        person = services.user_lookup(value)
        if person is None:
            raise forms.ValidationError(_("No one has that phone, e-mail or username."))
        return person


class IssueForm(forms.Form):
    person = PersonField(
        label=gettext_lazy("Recipient's phone, e-mail or username"), max_length=254
    )
    award = forms.ModelChoiceField(
        label=gettext_lazy("Award"), queryset=Award.objects.select_related("template")
    )
    reason = forms.CharField(label=gettext_lazy("Reason"), max_length=255)


def issue_one(request):
    _require(request, ISSUE)
    form = IssueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            certificate, created = services.certificate_issue_manual(
                user=data["person"],
                award=data["award"],
                issued_by=request.user,
                reason=data["reason"],
            )
        except services.CertificateError as err:
            form.add_error(None, str(err))
        else:
            if created:
                messages.success(
                    request,
                    _("Certificate %(code)s issued.") % {"code": certificate.code},
                )
            else:
                messages.warning(
                    request,
                    _("%(name)s already holds this certificate (%(code)s).")
                    % {"name": certificate.recipient_name, "code": certificate.code},
                )
            return redirect("certificates_admin_detail", pk=certificate.pk)
    return TemplateResponse(request, "certificates/admin/issue.html", {"form": form})


def _province_choices():
    return [("", _("All provinces"))] + [
        (code, name) for code, name in regions.province_choices()
    ]


class BulkForm(forms.Form):
    award = forms.ModelChoiceField(
        label=gettext_lazy("Award"), queryset=Award.objects.select_related("template")
    )
    province = forms.ChoiceField(
        label=gettext_lazy("Province"), required=False, choices=()
    )
    people = forms.FileField(
        label=gettext_lazy("People (CSV of phones or e-mails)"),
        required=False,
        help_text=gettext_lazy(
            "Optional. For face-to-face trainings: everyone listed receives the certificate. "
            "Without a list, everyone who earned the award does."
        ),
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason"), max_length=255, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].choices = _province_choices()


SESSION_PEOPLE = "certificates_bulk_people"


def bulk_issue(request):
    """Step 1 counts (dry run); step 2 confirms and starts the background run."""
    _require(request, ISSUE)
    form = BulkForm(request.POST or None, request.FILES or None)
    context = {"form": form, "count": None}
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        people, unmatched = None, []
        if data["people"]:
            people, unmatched = bulk.people_from_csv(data["people"].read())
            request.session[SESSION_PEOPLE] = {"ids": people, "unmatched": unmatched}
        elif request.POST.get("use_people") and SESSION_PEOPLE in request.session:
            stored = request.session[SESSION_PEOPLE]
            people, unmatched = stored["ids"], stored["unmatched"]
        if data["award"].kind == Award.Kind.EVENT and people is None:
            form.add_error(
                "people", _("A training or event award needs a list of people.")
            )
            return TemplateResponse(request, "certificates/admin/bulk.html", context)
        pending = bulk.bulk_issue_pending(
            award=data["award"], province=data["province"], people=people
        )
        if request.POST.get("action") == "confirm":
            run = bulk.bulk_issue_start(
                award=data["award"],
                created_by=request.user,
                province=data["province"],
                people=people,
                unmatched=unmatched,
                reason=data["reason"],
            )
            request.session.pop(SESSION_PEOPLE, None)
            messages.success(
                request,
                _("Issuing %(n)s certificates in the background.") % {"n": run.total},
            )
            return redirect("certificates_admin_run", pk=run.pk)
        context.update(
            count=pending.count(),
            people=people,
            unmatched=unmatched,
            award=data["award"],
        )
    return TemplateResponse(request, "certificates/admin/bulk.html", context)


def run_detail(request, pk: int):
    _require(request, ISSUE)
    run = get_object_or_404(
        BulkIssueRun.objects.select_related("award", "created_by"), pk=pk
    )
    province = (run.filters or {}).get("province", "")
    return TemplateResponse(
        request,
        "certificates/admin/run.html",
        {"run": run, "province_name": regions.province_name(province)},
    )


@require_POST
def run_resume(request, pk: int):
    _require(request, ISSUE)
    run = get_object_or_404(BulkIssueRun, pk=pk)
    if run.status != BulkIssueRun.Status.DONE:
        bulk.bulk_issue_resume(run=run)
        messages.success(
            request, _("The bulk issue was queued again; finished people are skipped.")
        )
    return redirect("certificates_admin_run", pk=run.pk)


def certificate_detail(request, pk: int):
    if not (request.user.has_perm(ISSUE) or request.user.has_perm(REVOKE)):
        raise PermissionDenied
    certificate = get_object_or_404(
        IssuedCertificate.objects.select_related(
            "award", "user", "issued_by", "revoked_by", "replaced_by"
        ),
        pk=pk,
    )
    return TemplateResponse(
        request,
        "certificates/admin/detail.html",
        {
            "certificate": certificate,
            "verify_url": selectors.verification_url(code=certificate.code),
            "can_revoke": request.user.has_perm(REVOKE) and certificate.is_valid,
            "replaces": IssuedCertificate.objects.filter(
                replaced_by=certificate
            ).first(),
        },
    )


class RevokeForm(forms.Form):
    reason = forms.CharField(label=gettext_lazy("Reason"), max_length=255)
    name = forms.CharField(
        label=gettext_lazy("Corrected name (re-issue only)"),
        max_length=255,
        required=False,
        help_text=gettext_lazy("Left blank, the account's current name is used."),
    )


def certificate_revoke(request, pk: int):
    """Revoke, or revoke and re-issue (``action=reissue``) a certificate."""
    _require(request, REVOKE)
    certificate = get_object_or_404(IssuedCertificate, pk=pk)
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if request.POST.get("action") == "reissue":
                new = services.certificate_reissue(
                    certificate=certificate,
                    by=request.user,
                    reason=data["reason"],
                    name=data["name"] or None,
                )
                messages.success(
                    request,
                    _("Re-issued as %(code)s; the old certificate is revoked.")
                    % {"code": new.code},
                )
                return redirect("certificates_admin_detail", pk=new.pk)
            services.certificate_revoke(
                certificate=certificate, by=request.user, reason=data["reason"]
            )
            messages.success(request, _("Certificate revoked."))
            return redirect("certificates_admin_detail", pk=certificate.pk)
        except services.CertificateError as err:
            form.add_error(None, str(err))
    return TemplateResponse(
        request,
        "certificates/admin/revoke.html",
        {"form": form, "certificate": certificate},
    )


def certificate_pdf(request, pk: int):
    if not request.user.has_perm("certificates.view_issuedcertificate"):
        raise PermissionDenied
    return pdf_response(request, get_object_or_404(IssuedCertificate, pk=pk))


def template_preview(request, pk: int):
    """The template drawn with sample data (nothing is issued or stored)."""
    if not request.user.has_perm("certificates.change_certificatetemplate"):
        raise PermissionDenied
    template = get_object_or_404(CertificateTemplate, pk=pk)
    response = HttpResponse(
        pdf.render_sample_pdf(template), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'inline; filename="preview-{template.slug}.pdf"'
    return response


def admin_urls():
    return [
        path("certificates/issue/", issue_one, name="certificates_admin_issue"),
        path("certificates/bulk/", bulk_issue, name="certificates_admin_bulk"),
        path("certificates/bulk/<int:pk>/", run_detail, name="certificates_admin_run"),
        path(
            "certificates/bulk/<int:pk>/resume/",
            run_resume,
            name="certificates_admin_run_resume",
        ),
        path(
            "certificates/issued/<int:pk>/",
            certificate_detail,
            name="certificates_admin_detail",
        ),
        path(
            "certificates/issued/<int:pk>/revoke/",
            certificate_revoke,
            name="certificates_admin_revoke",
        ),
        path(
            "certificates/issued/<int:pk>/pdf/",
            certificate_pdf,
            name="certificates_admin_pdf",
        ),
        path(
            "certificates/templates/<int:pk>/preview.pdf",
            template_preview,
            name="certificates_admin_preview",
        ),
    ]


def detail_url(certificate) -> str:
    return reverse("certificates_admin_detail", args=[certificate.pk])
