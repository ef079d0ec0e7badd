"""Writes for the privacy notice and consents."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import CONSENT_PURPOSES, ConsentRecord, NoticeAcceptance, PrivacyNotice
from .selectors import notice_current

SESSION_KEY = "privacy_notice_due"


@transaction.atomic
def notice_accept(
    *, user, notice: PrivacyNotice | None = None
) -> NoticeAcceptance | None:
    """Record that ``user`` accepted ``notice`` (default: the current one); once."""
    notice = notice or notice_current()
    if notice is None:
        return None
    acceptance, _created = NoticeAcceptance.objects.get_or_create(
        user=user, notice=notice
    )
    return acceptance


def consents_set(*, user, purposes: set[str]) -> None:
    """Make ``user``'s open consents exactly ``purposes``: give new ones, withdraw the rest."""
    unknown = set(purposes) - set(CONSENT_PURPOSES)
    if unknown:
        raise ValueError(f"unknown consent purposes: {sorted(unknown)}")
    with transaction.atomic():
        open_rows = ConsentRecord.objects.select_for_update().filter(
            user=user, withdrawn_at__isnull=True
        )
        current = {row.purpose for row in open_rows}
        open_rows.exclude(purpose__in=purposes).update(withdrawn_at=timezone.now())
    for purpose in set(purposes) - current:
        try:
            with transaction.atomic():
                ConsentRecord.objects.create(user=user, purpose=purpose)
        except IntegrityError:  # a second tab gave it at the same moment
            pass


def signup_record(*, user, consents: set[str]) -> None:
    """At sign-up: the notice version accepted (now) and the optional consents ticked."""
    notice_accept(user=user)
    consents_set(user=user, purposes=consents)
