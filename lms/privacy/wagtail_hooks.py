"""Admin menu *Personal data*: privacy notice versions, erasure requests, records."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from lms.dataprotection.models import PrivacyNotice

from . import admin_views


def _accepted_notice_refused(request, instances):
    """A version someone accepted is never changed or deleted: add a new one (Copy)."""
    if any(
        isinstance(obj, PrivacyNotice) and obj.acceptances.exists() for obj in instances
    ):
        messages.error(
            request,
            _(
                "People have accepted this version, so it cannot be changed. "
                "Copy it to write a new version."
            ),
        )
        return redirect("wagtailsnippets_dataprotection_privacynotice:list")
    return None


@hooks.register("before_edit_snippet")
def refuse_editing_accepted_notice(request, instance):
    return _accepted_notice_refused(request, [instance])


@hooks.register("before_delete_snippet")
def refuse_deleting_accepted_notice(request, instances):
    return _accepted_notice_refused(request, instances)


class PrivacyNoticeViewSet(SnippetViewSet):
    model = PrivacyNotice
    icon = "doc-full"
    menu_label = _("Privacy notice")
    add_to_admin_menu = False
    list_display = ["version", "title_th", "material", "changes", "published_at"]
    copy_view_enabled = True


register_snippet(PrivacyNoticeViewSet)


@hooks.register("register_admin_urls")
def register_privacy_urls():
    return admin_views.admin_urls()


class _PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


personal_data_menu = Menu(
    register_hook_name="register_personal_data_menu_item",
    construct_hook_name="construct_personal_data_menu",
)


@hooks.register("register_personal_data_menu_item")
def register_requests_item():
    return _PermissionMenuItem(
        _("Erasure requests"),
        reverse("privacy_admin_requests"),
        icon_name="bin",
        order=100,
        permission=admin_views.HANDLE,
    )


@hooks.register("register_personal_data_menu_item")
def register_records_item():
    return _PermissionMenuItem(
        _("Records of processing"),
        reverse("privacy_admin_records"),
        icon_name="list-ul",
        order=200,
        permission=admin_views.RECORDS,
    )


@hooks.register("register_personal_data_menu_item")
def register_notice_item():
    return _PermissionMenuItem(
        _("Privacy notice"),
        reverse("wagtailsnippets_dataprotection_privacynotice:list"),
        icon_name="doc-full",
        order=300,
        permission="dataprotection.change_privacynotice",
    )


class _ContactsMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(admin_views._contact_provinces(request.user))


@hooks.register("register_personal_data_menu_item")
def register_contacts_item():
    return _ContactsMenuItem(
        _("Contacts in my provinces"),
        reverse("privacy_admin_contacts"),
        icon_name="user",
        order=50,
    )


class _PersonalDataMenu(SubmenuMenuItem):
    def is_shown(self, request):
        return (
            request.user.has_perm(admin_views.HANDLE)
            or request.user.has_perm(admin_views.RECORDS)
            or bool(admin_views._contact_provinces(request.user))
        )


@hooks.register("register_admin_menu_item")
def register_personal_data_menu():
    return _PersonalDataMenu(
        _("Personal data"), personal_data_menu, icon_name="lock", order=850
    )
