"""Volunteers in the admin: the import and export screens and their menu."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from . import admin_views


@hooks.register("register_admin_urls")
def register_volunteer_urls():
    return [
        path(
            "volunteers/import/",
            admin_views.import_volunteers,
            name="accounts_admin_import",
        ),
        path(
            "volunteers/export/",
            admin_views.export_volunteers,
            name="accounts_admin_export",
        ),
    ]


class _ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.IMPORT_PERMISSION)


volunteers_menu = Menu(
    register_hook_name="register_volunteers_menu_item",
    construct_hook_name="construct_volunteers_menu",
)


@hooks.register("register_volunteers_menu_item")
def register_import_item():
    return _ImportMenuItem(
        _("Import volunteers"),
        reverse("accounts_admin_import"),
        icon_name="upload",
        order=100,
    )


@hooks.register("register_volunteers_menu_item")
def register_export_csv_item():
    return _ImportMenuItem(
        _("Export volunteers (CSV)"),
        reverse("accounts_admin_export") + "?format=csv",
        icon_name="download",
        order=200,
    )


@hooks.register("register_volunteers_menu_item")
def register_export_xlsx_item():
    return _ImportMenuItem(
        _("Export volunteers (Excel)"),
        reverse("accounts_admin_export") + "?format=xlsx",
        icon_name="download",
        order=300,
    )


@hooks.register("register_admin_menu_item")
def register_volunteers_menu():
    # A submenu with no visible item is hidden, so trainers never see it.
    return SubmenuMenuItem(
        _("Volunteers"),
        volunteers_menu,
        icon_name="group",
        name="volunteers",
        order=240,
    )
