from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import dashboard, views


@hooks.register("register_admin_urls")
def register_reports_urls():
    return [path("reports/", views.index, name="reports_index")]


class ReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return views.can_view_reports(request.user)


# Listed in Wagtail's own "Reports" submenu, next to its page reports.
@hooks.register("register_reports_menu_item")
def register_reports_menu_item():
    return ReportsMenuItem(
        _("Programme reports"), reverse("reports_index"), icon_name="table", order=10
    )


@hooks.register("construct_homepage_panels")
def add_trainer_dashboard(request, panels):
    if views.can_view_reports(request.user):
        panels.insert(0, dashboard.TrainerDashboardPanel(request.user))
