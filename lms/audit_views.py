"""Wagtail's site history report, with trainers limited to their own actions.

Wagtail shows a log entry to anyone with a permission on its object's type,
so a trainer (who may view the level ladder and edit pages) would see what
administrators and other trainers did. Administrators see everything;
everyone else sees only entries they made themselves.
"""

from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.reports.audit_logging import LogEntriesView

from lms.accounts.roles import ADMINISTRATOR, role_of


class AuditLogView(LogEntriesView):
    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if role_of(self.request.user) != ADMINISTRATOR:
            queryset = queryset.filter(user=self.request.user)
        return queryset


site_history = require_admin_access(AuditLogView.as_view())
site_history_results = require_admin_access(AuditLogView.as_view(results_only=True))
