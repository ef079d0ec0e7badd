"""Reads for the privacy notice and consents."""

from .models import ConsentRecord, NoticeAcceptance, PrivacyNotice


def notice_current() -> PrivacyNotice | None:
    """The newest version, or None before an administrator writes one."""
    return PrivacyNotice.objects.order_by("-version").first()


def notice_due(*, user) -> PrivacyNotice | None:
    """The version ``user`` must accept now, or None.

    Due when the person has accepted no version since the last material
    change (imported volunteers have accepted none: they are asked at their
    first sign-in).
    """
    current = notice_current()
    if current is None:
        return None
    material = (
        PrivacyNotice.objects.filter(material=True)
        .order_by("-version")
        .values_list("version", flat=True)
        .first()
    ) or current.version
    accepted = NoticeAcceptance.objects.filter(
        user=user, notice__version__gte=material
    ).exists()
    return None if accepted else current


def consents_open(*, user) -> set[str]:
    return set(
        ConsentRecord.objects.filter(user=user, withdrawn_at__isnull=True).values_list(
            "purpose", flat=True
        )
    )
