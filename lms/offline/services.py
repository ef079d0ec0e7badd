"""Marks made offline, recorded once each when the phone syncs them."""

import uuid
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from wagtail.models import Page

from courses import services as course_services
from courses.progress_selectors import is_step

from .models import OfflineMark

MAX_MARKS = 200  # one sync; a phone holds far fewer (one per lesson)

RECORDED = "recorded"
DUPLICATE = "duplicate"
DROPPED = "dropped"
INVALID = "invalid"


def _marked_at(value) -> datetime | None:
    parsed = parse_datetime(value) if isinstance(value, str) else None
    if parsed is not None and timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed, timezone.UTC)
    if parsed is not None and parsed > timezone.now():
        return timezone.now()
    return parsed


def _result(client_id, status: str, note: str = "") -> dict:
    return {"id": str(client_id), "status": status, "note": note}


def _one(*, user, mark: dict) -> dict:
    raw_id = mark.get("id") if isinstance(mark, dict) else None
    try:
        client_id = uuid.UUID(str(raw_id))
    except ValueError:
        return _result(raw_id or "", INVALID, _("This mark cannot be read."))
    if OfflineMark.objects.filter(client_id=client_id).exists():
        # Sent before (a retry, another tab): already answered, change nothing.
        return _result(client_id, DUPLICATE)
    page_id = mark.get("page")
    if not isinstance(page_id, int) or page_id <= 0:
        return _result(client_id, INVALID, _("This mark cannot be read."))
    page = Page.objects.live().filter(pk=page_id).first()
    note = ""
    if page is None or not is_step(page.specific):
        outcome = OfflineMark.DROPPED
        note = _(
            "A lesson you marked done offline is no longer published, so the "
            "mark was not recorded."
        )
    else:
        try:
            course_services.lesson_mark_read(user=user, page=page.specific)
            outcome = OfflineMark.RECORDED
        except course_services.EnrollmentError as err:
            outcome = OfflineMark.DROPPED
            note = _("“%(title)s” was not marked done: %(reason)s") % {
                "title": page.title,
                "reason": err,
            }
    try:
        with transaction.atomic():
            OfflineMark.objects.create(
                client_id=client_id,
                user=user,
                page_id=page_id,
                marked_at=_marked_at(mark.get("at")),
                outcome=outcome,
            )
    except IntegrityError:
        # Two tabs sent the same mark at the same moment: the other one won.
        # The completion itself is idempotent (courses.services.step_complete).
        return _result(client_id, DUPLICATE)
    return _result(
        client_id, RECORDED if outcome == OfflineMark.RECORDED else DROPPED, note
    )


def marks_sync(*, user, marks: list) -> list[dict]:
    """Record each mark of ``marks`` (``{"id": uuid, "page": id, "at": iso}``)
    at most once, whoever sends it again; one result per mark, in order."""
    return [_one(user=user, mark=mark) for mark in marks[:MAX_MARKS]]
