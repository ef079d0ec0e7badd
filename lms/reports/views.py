"""The reports area of the Wagtail admin: one page, a report per tab.

Trainers and administrators only; a trainer's figures are limited to the
provinces of their scope (``scoped_provinces``).
"""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from lms.accounts.roles import ADMINISTRATOR, TRAINER, role_of
from lms.accounts.selectors import scoped_provinces

from . import charts, exports, selectors
from .forms import ReportFilterForm


def can_view_reports(user) -> bool:
    return role_of(user) in (TRAINER, ADMINISTRATOR)


def index(request):
    if not can_view_reports(request.user):
        raise PermissionDenied
    scope = scoped_provinces(request.user)
    form = ReportFilterForm(request.GET or None, scope=scope)
    report = None
    if not request.GET or form.is_valid():
        if not request.GET:
            form = ReportFilterForm({"report": "enrolments"}, scope=scope)
            form.is_valid()
        report = selectors.report_build(
            key=form.get_report_key(), filters=form.get_filters(), scope=scope
        )
        fmt = request.GET.get("export")
        if fmt in exports.CONTENT_TYPES:
            return exports.report_response(report, fmt)
    context = {
        "header_title": _("Programme reports"),
        "form": form,
        "report": report,
        "tabs": [
            (key, title, _url_with(request, report=key, export=None))
            for key, title in selectors.REPORT_TITLES.items()
        ],
        "export_csv": _url_with(request, export="csv"),
        "export_xlsx": _url_with(request, export="xlsx"),
        "scope": scope,
    }
    if report is not None:
        context["bar_svg"] = charts.bar_chart(
            report.bars,
            title=f"{report.title} — {report.group_label}",
            percent=report.bar_is_percent,
        )
        context["trend_svg"] = charts.trend_chart(
            report.trend,
            title=str(report.trend_label),
            percent=report.bar_is_percent,
        )
    return TemplateResponse(request, "reports/index.html", context)


def _url_with(request, **changes) -> str:
    query = request.GET.copy()
    for key, value in changes.items():
        query.pop(key, None)
        if value is not None:
            query[key] = value
    return "?" + query.urlencode()
