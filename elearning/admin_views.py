"""Trainer tools in the Wagtail admin: a package step's attempts and scores.

For trainers and administrators only; trainers see the learners of their
provinces (``scoped_provinces``), administrators everyone.
"""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from lms.accounts.roles import ADMINISTRATOR, TRAINER, role_of
from lms.accounts.selectors import scoped_provinces

from . import selectors
from .models import PackagePage


def results(request, page_id: int):
    """Attempts (learner, number, completion, pass, score, time) newest first."""
    if role_of(request.user) not in (TRAINER, ADMINISTRATOR):
        raise PermissionDenied
    page = get_object_or_404(PackagePage, pk=page_id)
    scope = scoped_provinces(request.user)
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
            "pass_mark": page.effective_pass_mark(),
        },
    )
