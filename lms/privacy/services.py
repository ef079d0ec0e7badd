"""Writes for the PDPA requests: exports, erasure requests and decisions."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lms import audit

from . import erasure
from .models import DataExport, ErasureRequest
from .tasks import export_build_task


class PrivacyError(Exception):
    """A refused request; the message is translated and shown to the person."""


def export_request(*, user) -> DataExport:
    """Queue an export; a second click while one is being prepared reuses it."""
    pending = DataExport.objects.filter(
        user=user, status=DataExport.Status.PENDING
    ).first()
    if pending is not None:
        return pending
    data_export = DataExport.objects.create(user=user)
    transaction.on_commit(lambda: export_build_task.enqueue(data_export.pk))
    return data_export


def export_logged(*, by, what: str, rows: int | None = None) -> None:
    """Audit-log an export of other people's personal data (volunteer list, reports)."""
    detail = what if rows is None else f"{what} ({rows})"
    audit.log(by, "lms.personal_data_export", by=by, detail=detail)


def erasure_request(*, user, message: str = "") -> ErasureRequest:
    """Ask for erasure; a second request while one is pending returns the first."""
    pending = ErasureRequest.objects.filter(
        user=user, status=ErasureRequest.Status.PENDING
    ).first()
    if pending is not None:
        return pending
    try:
        with transaction.atomic():
            request = ErasureRequest.objects.create(user=user, message=message.strip())
    except IntegrityError:  # double submission racing the check above
        return ErasureRequest.objects.get(
            user=user, status=ErasureRequest.Status.PENDING
        )
    audit.log(request, "lms.erasure_request", by=user)
    return request


def erasure_cancel(*, user, request_id: int) -> None:
    ErasureRequest.objects.filter(
        pk=request_id, user=user, status=ErasureRequest.Status.PENDING
    ).update(status=ErasureRequest.Status.CANCELLED, decided_at=timezone.now())


def _pending(request_id: int) -> ErasureRequest:
    request = (
        ErasureRequest.objects.select_for_update(of=("self",))
        .select_related("user")
        .filter(pk=request_id)
        .first()
    )
    if request is None or request.status != ErasureRequest.Status.PENDING:
        raise PrivacyError(_("This request has already been decided."))
    return request


@transaction.atomic
def erasure_approve(*, request_id: int, by, reason: str) -> dict[str, int]:
    """Erase the person's data everywhere (lms.privacy.erasure) and close the request."""
    if not reason.strip():
        raise PrivacyError(_("Give a reason for the decision."))
    request = _pending(request_id)
    if request.user is None:
        raise PrivacyError(_("The account no longer exists."))
    if request.user == by:
        raise PrivacyError(_("You cannot approve the erasure of your own account."))
    request.status = ErasureRequest.Status.DONE
    request.decided_by = by
    request.decided_at = timezone.now()
    request.decision_reason = reason.strip()
    request.save()
    # Logged first, so the erasure scrubs the person's name from the reason too.
    audit.log(request, "lms.erasure_approve", by=by, reason=request.decision_reason)
    return erasure.person_erase(user=request.user)


@transaction.atomic
def erasure_refuse(
    *, request_id: int, by, legal_ground: str, reason: str
) -> ErasureRequest:
    if legal_ground not in ErasureRequest.LegalGround.values:
        raise PrivacyError(_("Choose the legal ground for refusing."))
    if not reason.strip():
        raise PrivacyError(_("Give a reason for the decision."))
    request = _pending(request_id)
    request.status = ErasureRequest.Status.REFUSED
    request.decided_by = by
    request.decided_at = timezone.now()
    request.legal_ground = legal_ground
    request.decision_reason = reason.strip()
    request.save()
    audit.log(
        request, "lms.erasure_refuse", by=by, reason=request.get_legal_ground_display()
    )
    return request
