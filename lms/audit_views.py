"""Wagtail's site history report, with trainers limited to their own actions.

Wagtail shows a log entry to anyone with a permission on its object's type,
so a trainer (who may view the level ladder and edit pages) would see what
administrators and other trainers did. Administrators see everything;
everyone else sees only entries they made themselves.
"""

from django.contrib.auth import get_user_model
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.reports.audit_logging import (
    LogEntriesView,
    SiteHistoryReportFilterSet,
    get_users_for_filter,
)

from lms.accounts.roles import ADMINISTRATOR, role_of


class AuditLogFilterSet(SiteHistoryReportFilterSet):
    def get_users_queryset(self):
        # Wagtail offers only the users of page log entries; administrators get
        # everyone who logged anything (importers, issuers), others only
        # themselves: names are not offered to someone who may not see the actions.
        if role_of(self.request.user) == ADMINISTRATOR:
            return get_users_for_filter(self.request.user)
        return get_user_model().objects.filter(pk=self.request.user.pk)


class AuditLogView(LogEntriesView):
    filterset_class = AuditLogFilterSet

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if role_of(self.request.user) != ADMINISTRATOR:
            queryset = queryset.filter(user=self.request.user)
        return queryset


site_history = require_admin_access(AuditLogView.as_view())
site_history_results = require_admin_access(AuditLogView.as_view(results_only=True))
