"""Reads for certificates: lookups by code, a person's certificates, URLs."""

from django.conf import settings
from django.db.models import Count, Max, QuerySet
from django.urls import reverse

from lms.pagecache import rows_stamp

from .codes import normalize_code
from .models import IssuedCertificate


def base_url() -> str:
    """Absolute origin printed in QR codes: CERTIFICATES_BASE_URL, else WAGTAILADMIN_BASE_URL."""
    url = getattr(settings, "CERTIFICATES_BASE_URL", "") or getattr(
        settings, "WAGTAILADMIN_BASE_URL", ""
    )
    return url.rstrip("/")


def verification_url(*, code: str) -> str:
    return base_url() + reverse("certificates_verify", args=[code])


def credential_url(*, code: str) -> str:
    return base_url() + reverse("certificates_verify_json", args=[code])


def certificate_by_code(*, code: str) -> IssuedCertificate | None:
    """The certificate a typed or scanned code names, or None."""
    normalized = normalize_code(code)
    if normalized is None:
        return None
    return (
        IssuedCertificate.objects.select_related("award", "replaced_by")
        .filter(code=normalized)
        .first()
    )


def certificates_stamp() -> dict:
    """A value over a person (a query over users) that changes whenever a
    certificate of theirs is issued, re-issued or revoked (their texts are
    frozen at issue)."""
    return {
        "certificates": rows_stamp(
            IssuedCertificate.objects.all(),
            Max("pk"),
            Count("revoked_at"),
            Max("revoked_at"),
        )
    }


def certificates_for_user(*, user) -> QuerySet[IssuedCertificate]:
    """A person's certificates, newest first, valid and revoked."""
    return (
        IssuedCertificate.objects.filter(user=user)
        .select_related("replaced_by")
        .order_by("-issued_at", "-pk")
    )
