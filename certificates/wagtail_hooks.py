"""Certificates in the Wagtail admin: one menu group.

Templates and awards are edited as snippets; issued certificates and bulk
runs are listed read-only (they change only through the services: issue,
revoke, re-issue), with buttons for the PDF, revocation and progress.
"""

import django_filters
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import ListingButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.action_menu import ActionMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views
from .models import Award, BulkIssueRun, CertificateTemplate, IssuedCertificate


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Listed and inspected in the admin, never created or edited through forms."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete", "copy"):
            return False
        return super().user_has_permission(user, action)


register_permission_policy(
    IssuedCertificate, ReadOnlyPermissionPolicy(IssuedCertificate)
)
register_permission_policy(BulkIssueRun, ReadOnlyPermissionPolicy(BulkIssueRun))


class CertificateTemplateViewSet(SnippetViewSet):
    model = CertificateTemplate
    icon = "doc-full"
    menu_label = _("Templates")
    list_display = ["name", "slug", "language", "paper_size", "orientation"]
    search_fields = ["name", "slug", "title_th", "title_en"]


class AwardFilterSet(WagtailFilterSet):
    class Meta:
        model = Award
        fields = ["kind", "template", "active"]


class AwardViewSet(SnippetViewSet):
    model = Award
    icon = "success"
    menu_label = _("Awards")
    list_display = ["__str__", "kind", "template", "level_code", "active"]
    filterset_class = AwardFilterSet

    def get_queryset(self, request):
        return Award.objects.select_related("template").prefetch_related(
            "courses__course"
        )


class IssuedCertificateFilterSet(WagtailFilterSet):
    # Award names come from their courses: fetch them all in two queries,
    # not two per award in the drop-down.
    award = django_filters.ModelChoiceFilter(
        queryset=Award.objects.prefetch_related("courses__course"), label=_("award")
    )
    revoked = django_filters.BooleanFilter(
        field_name="revoked_at", lookup_expr="isnull", exclude=True, label=_("revoked")
    )

    class Meta:
        model = IssuedCertificate
        fields = ["award", "source", "revoked"]


class IssuedCertificateViewSet(SnippetViewSet):
    model = IssuedCertificate
    icon = "doc-full-inverse"
    menu_label = _("Issued certificates")
    list_display = [
        "code",
        "recipient_name",
        "award_name_th",
        "issued_at",
        "source",
        Column("revoked_at", label=_("revoked at")),
    ]
    list_export = [
        "code",
        "recipient_name",
        "award_name_th",
        "award_name_en",
        "issued_at",
        "source",
        "reason",
        "revoked_at",
        "revocation_reason",
    ]
    export_filename = "issued-certificates"
    search_fields = ["code", "recipient_name", "award_name_th", "award_name_en"]
    filterset_class = IssuedCertificateFilterSet
    inspect_view_enabled = True
    copy_view_enabled = False

    def get_queryset(self, request):
        return IssuedCertificate.objects.select_related("award")


class BulkIssueRunViewSet(SnippetViewSet):
    """Progress of background bulk issues."""

    model = BulkIssueRun
    icon = "resubmit"
    menu_label = _("Bulk issues")
    list_display = [
        "award",
        "status",
        Column("percent", label=_("progress (%)")),
        "done",
        "total",
        "issued",
        "created_by",
        "created_at",
        "finished_at",
    ]
    inspect_view_enabled = True
    copy_view_enabled = False


class CertificatesViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Certificates")
    menu_icon = "doc-full"
    menu_order = 270
    items = (
        IssuedCertificateViewSet,
        BulkIssueRunViewSet,
        AwardViewSet,
        CertificateTemplateViewSet,
    )


register_snippet(CertificatesViewSetGroup)


@hooks.register("register_admin_urls")
def register_certificate_admin_urls():
    return admin_views.admin_urls()


class _PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_menu_item")
def register_issue_menu_item():
    return _PermissionMenuItem(
        _("Issue certificates"),
        reverse("certificates_admin_bulk"),
        icon_name="doc-full",
        order=275,
        permission=admin_views.ISSUE,
    )


@hooks.register("register_snippet_listing_buttons")
def certificate_listing_buttons(snippet, user, next_url=None):
    if isinstance(snippet, IssuedCertificate):
        yield ListingButton(
            _("Details"),
            reverse("certificates_admin_detail", args=[snippet.pk]),
            icon_name="view",
            priority=10,
        )
        yield ListingButton(
            _("PDF"),
            reverse("certificates_admin_pdf", args=[snippet.pk]),
            icon_name="doc-full",
            priority=20,
        )
        if snippet.is_valid and user.has_perm(admin_views.REVOKE):
            yield ListingButton(
                _("Revoke or re-issue"),
                reverse("certificates_admin_revoke", args=[snippet.pk]),
                icon_name="cross",
                priority=30,
            )
    elif isinstance(snippet, CertificateTemplate) and user.has_perm(
        "certificates.change_certificatetemplate"
    ):
        yield ListingButton(
            _("Preview PDF"),
            reverse("certificates_admin_preview", args=[snippet.pk]),
            icon_name="view",
            attrs={"target": "_blank"},
            priority=10,
        )
    elif isinstance(snippet, BulkIssueRun):
        yield ListingButton(
            _("Progress"),
            reverse("certificates_admin_run", args=[snippet.pk]),
            icon_name="view",
            priority=10,
        )


@hooks.register("register_snippet_action_menu_item")
def template_preview_action(model):
    """A "Preview PDF" entry in the template editor's action menu."""
    if model is not CertificateTemplate:
        return None

    class PreviewPdfMenuItem(ActionMenuItem):
        label = _("Preview PDF")
        name = "action-preview-pdf"
        icon_name = "view"

        def is_shown(self, context):
            return context.get("view") == "edit"

        def get_url(self, context):
            return reverse("certificates_admin_preview", args=[context["instance"].pk])

    return PreviewPdfMenuItem(order=90)
