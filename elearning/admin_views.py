"""Trainer tools in the Wagtail admin: a package step's attempts and scores.

For trainers and administrators only; trainers see the learners of their
provinces (``scoped_provinces``), administrators everyone. The figures, the
table and the CSV download all follow the same scope.
"""

import csv
import io

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from lms.accounts import regions
from lms.accounts.roles import ADMINISTRATOR, TRAINER, role_of
from lms.accounts.selectors import scoped_provinces

from . import selectors
from .models import PackagePage


def _trainer_page(request, page_id: int):
    if role_of(request.user) not in (TRAINER, ADMINISTRATOR):
        raise PermissionDenied
    return get_object_or_404(PackagePage, pk=page_id), scoped_provinces(request.user)


def results(request, page_id: int):
    """The step's figures, then its attempts (learner, number, completion,
    pass, score, time) newest first, 50 a page."""
    page, scope = _trainer_page(request, page_id)
    attempts = Paginator(selectors.attempt_list(page=page, scope=scope), 50).get_page(
        request.GET.get("p")
    )
    return TemplateResponse(
        request,
        "elearning/admin/results.html",
        {
            "page": page,
            "attempts": attempts,
            "page_obj": attempts,
            "summary": selectors.attempt_summary(page=page, scope=scope),
            "stats": selectors.package_statistics(page=page, scope=scope),
            "pass_mark": page.effective_pass_mark(),
        },
    )


def _cell(value) -> str:
    text = "" if value is None else str(value)
    # A spreadsheet must not run a learner's name as a formula.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def _when(value) -> str:
    return date_format(localtime(value), "Y-m-d H:i") if value else ""


def results_csv(request, page_id: int):
    """Every attempt at the step in the trainer's provinces, as CSV (one query)."""
    page, scope = _trainer_page(request, page_id)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            _("Learner"),
            _("Province"),
            _("Attempt"),
            _("Completed"),
            _("Result"),
            _("Score (%)"),
            _("Time spent (seconds)"),
            _("Started"),
            _("Last activity"),
        ]
    )
    for attempt in selectors.attempt_list(page=page, scope=scope).iterator(
        chunk_size=500
    ):
        profile = getattr(attempt.user, "profile", None)
        result = {True: _("Passed"), False: _("Not passed")}.get(attempt.passed, "")
        writer.writerow(
            [
                _cell(attempt.user.get_full_name() or attempt.user.get_username()),
                regions.province_name(profile.province_code) if profile else "",
                attempt.number,
                _("Yes") if attempt.completed else _("No"),
                result,
                "" if attempt.score is None else round(attempt.score, 1),
                attempt.total_seconds,
                _when(attempt.started_at),
                _when(attempt.updated_at),
            ]
        )
    response = HttpResponse(
        "\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="package-{page.pk}-attempts.csv"'
    )
    return response
