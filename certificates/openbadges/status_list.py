"""Revocation through a W3C Bitstring Status List (v1.0).

Each certificate owns one bit: list ``pk // LIST_SIZE``, index
``pk % LIST_SIZE``, so no index needs allocating and bulk issues stay as they
are. The list is a ``BitstringStatusListCredential`` signed as a VC-JWT with
the current key; its ``encodedList`` is the GZIP-compressed bitstring in
multibase base64url. Revoking a certificate sets its bit; anyone holding the
credential and a copy of the list sees it, without asking our verify page.
"""

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime

from django.db.models import Max, Min
from django.urls import reverse
from openbadgeslib.ob3 import build_status_list_credential, status_entry

from ..models import IssuedCertificate
from ..selectors import base_url
from .did import issuer_did
from .keys import current_key, register
from .signing import sign_payload

LIST_SIZE = 131072  # the specification's minimum: 16 KiB, a large herd to hide in
PURPOSE = "revocation"
TTL_MS = 300_000  # refresh hint for verifiers: five minutes


def list_url(number: int) -> str:
    return base_url() + reverse("certificates_status_list", args=[number])


def position(certificate_pk: int) -> tuple[int, int]:
    """(list number, index in the list) of a certificate."""
    return divmod(certificate_pk, LIST_SIZE)


def entry_for(certificate_pk: int) -> dict:
    """The credential's ``BitstringStatusListEntry``."""
    number, index = position(certificate_pk)
    return status_entry(list_url(number), PURPOSE, index)


@dataclass(frozen=True)
class StatusList:
    token: str
    etag: str
    revoked: frozenset[int]


def _utc(value) -> datetime:
    return value.astimezone(UTC).replace(microsecond=0)


def build(number: int) -> StatusList:
    """The signed list ``number`` (two queries). The same revocations give the
    same token (``validFrom`` is the latest change, EdDSA is deterministic),
    so caches and ETags stay valid until a certificate is revoked."""
    low, high = number * LIST_SIZE, (number + 1) * LIST_SIZE - 1
    rows = IssuedCertificate.objects.filter(pk__gte=low, pk__lte=high)
    revoked = frozenset(
        pk - low
        for pk in rows.filter(revoked_at__isnull=False).values_list("pk", flat=True)
    )
    times = rows.aggregate(changed=Max("revoked_at"), first=Min("issued_at"))
    changed = times["changed"] or times["first"] or datetime(2026, 1, 1, tzinfo=UTC)
    url = list_url(number)
    vc = build_status_list_credential(
        issuer_did(),
        url,
        PURPOSE,
        revoked,
        size_bits=LIST_SIZE,
        issued=_utc(changed),
        ttl=TTL_MS,
    )
    key = current_key()
    register(key)
    payload = {
        **vc,
        "iss": vc["issuer"],
        "jti": vc["id"],
        "nbf": int(_utc(changed).timestamp()),
    }
    token = sign_payload(payload, key=key)
    etag = '"' + hashlib.sha256(token.encode("ascii")).hexdigest()[:32] + '"'
    return StatusList(token=token, etag=etag, revoked=revoked)
