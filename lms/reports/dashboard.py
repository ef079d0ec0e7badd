"""The trainer's panel on the Wagtail admin home."""

from wagtail.admin.ui.components import Component

from lms.accounts.selectors import scoped_provinces

from . import dashboard_selectors


class TrainerDashboardPanel(Component):
    name = "trainer_dashboard"
    template_name = "reports/trainer_dashboard.html"
    order = 50

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["summary"] = dashboard_selectors.dashboard_summary(
            user=self.user, scope=scoped_provinces(self.user)
        )
        return context
