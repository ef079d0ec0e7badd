"""A certificate as a signed Open Badges 3.0 ``OpenBadgeCredential``.

The credential is built with openbadgeslib's data model (which adds the
``credentialSchema`` of the OB 3.0 AchievementCredential JSON schema and
checks the contexts) and signed as a VC-JWT; the Data Integrity form
(``eddsa-rdfc-2022``) is made with the same model when first asked for.
Both are stored in ``SignedCredential`` and never change afterwards.

The subject is identified by a salted SHA-256 of the holder's e-mail address
(or phone number), never by their name: whoever is shown the credential can
check it against the address the holder gives them, nobody else learns it.
"""

import hashlib
import secrets
import uuid
from dataclasses import dataclass, field
from datetime import UTC

import jwt as pyjwt
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from openbadgeslib.ob3 import OB3LdpSigner
from openbadgeslib.ob3.credential import (
    Achievement,
    Alignment,
    IdentityObject,
    Issuer,
    OpenBadgeCredential,
)

from competencies.models import Competency

from ..models import IssuedCertificate, SignedCredential
from ..selectors import base_url, credential_url
from . import status_list
from .did import issuer_did, verification_method
from .keys import IssuerKey, current_key, register
from .signing import sign_payload


@dataclass
class Credential(OpenBadgeCredential):
    """openbadgeslib's credential with the members its model leaves out
    (``awardedDate``, the achievement's ``inLanguage``), merged into every
    serialisation so the JWT and the Data Integrity proof both cover them."""

    extra: dict = field(default_factory=dict, compare=False, repr=False)

    def to_vc(self) -> dict:
        vc = super().to_vc()
        for key, value in self.extra.items():
            if isinstance(value, dict) and isinstance(vc.get(key), dict):
                vc[key] = _merge(vc[key], value)
            else:
                vc[key] = value
        return vc


def _merge(base: dict, more: dict) -> dict:
    out = dict(base)
    for key, value in more.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _iso(value) -> str:
    return (
        value.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    )


def achievement_id(award_id: int) -> str:
    return (
        f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{base_url()}/awards/{award_id}')}"
    )


def identity_hash(value: str, salt: str) -> str:
    """OB 3.0 ``identityHash``: ``sha256$`` + hex SHA-256 of value + salt."""
    return "sha256$" + hashlib.sha256((value + salt).encode("utf-8")).hexdigest()


def identity_of(user) -> tuple[str, str] | None:
    """(identityType, value) the subject is identified by: e-mail, else phone."""
    if user is None:
        return None
    if user.email:
        return "emailAddress", user.email.strip().lower()
    if getattr(user, "phone", ""):
        return "ext:phoneNumber", user.phone
    return None


def competency_codes(certificate: IssuedCertificate) -> list[str]:
    """The competency codes frozen on the certificate ("D1 name" lines)."""
    return [
        line.split()[0]
        for line in certificate.competencies_th.splitlines()
        if line.strip()
    ]


def competency_url(code: str) -> str:
    return base_url() + reverse("competency_public", args=[code])


def badge_image_url(award_id: int) -> str:
    return base_url() + reverse("certificates_award_badge", args=[award_id])


def build(
    *, certificate: IssuedCertificate, salt: str | None = None, competencies=None
) -> Credential:
    """The unsigned credential of ``certificate``.

    ``competencies`` maps codes to ``Competency`` rows (a batch passes one for
    all); without it the certificate's codes are read in one query.
    """
    language = certificate.language
    name = (
        certificate.award_name_en
        if language == "en" and certificate.award_name_en
        else certificate.award_name_th
    )
    award = certificate.award
    criteria = (
        award.description_en if language == "en" else award.description_th
    ) or name
    codes = competency_codes(certificate)
    if competencies is None:
        competencies = {
            c.code: c
            for c in Competency.objects.filter(code__in=codes).select_related(
                "area__framework"
            )
        }
    frozen = dict(
        (line.split(maxsplit=1) + [""])[:2]
        for line in (
            certificate.competencies_en
            if language == "en"
            else certificate.competencies_th
        ).splitlines()
        if line.strip()
    )
    alignments = []
    for code in codes:
        competency = competencies.get(code)
        alignments.append(
            Alignment(
                target_name=frozen.get(code) or code,
                target_url=competency_url(code),
                target_code=code,
                target_framework=(
                    competency.area.framework.name_th if competency else None
                ),
                target_description=(
                    (competency.description_th or None) if competency else None
                ),
            )
        )
    description = name + (
        f" ({', '.join(frozen.get(c) or c for c in codes)})" if codes else ""
    )
    identifiers = []
    identity = identity_of(certificate.user)
    if identity is not None:
        salt = salt if salt is not None else secrets.token_hex(16)
        identifiers.append(
            IdentityObject(
                identity_hash=identity_hash(identity[1], salt),
                identity_type=identity[0],
                hashed=True,
                salt=salt,
            )
        )
    return Credential(
        id=credential_url(code=certificate.code),
        name=name,
        issuer=Issuer(
            id=issuer_did(), name=certificate.issuer_name, url=f"{base_url()}/"
        ),
        recipient_id=None,
        achievement=Achievement(
            id=achievement_id(award.pk),
            name=name,
            description=description,
            criteria_narrative=criteria,
            image_url=badge_image_url(award.pk),
            achievement_type="Certificate",
            alignments=alignments,
        ),
        issuance_date=certificate.issued_at,
        identifiers=identifiers,
        credential_status=[status_list.entry_for(certificate.pk)],
        extra={
            "awardedDate": _iso(certificate.issued_at),
            "credentialSubject": {"achievement": {"inLanguage": language}},
        },
    )


def sign_jwt(credential: Credential, *, key: IssuerKey) -> str:
    """The compact VC-JWT (OB 3.0 §8.2: the payload is the credential)."""
    return sign_payload(credential.to_jwt_payload(), key=key)


def signed(*, certificate: IssuedCertificate) -> SignedCredential:
    """The certificate's stored signed credential, signing it the first time."""
    existing = SignedCredential.objects.filter(certificate=certificate).first()
    if existing is not None:
        return existing
    key = current_key()
    register(key)
    token = sign_jwt(build(certificate=certificate), key=key)
    try:
        with transaction.atomic():
            return SignedCredential.objects.create(
                certificate=certificate,
                kid=key.kid,
                jwt=token,
                signed_at=timezone.now(),
            )
    except IntegrityError:  # signed at the same moment by another request
        return SignedCredential.objects.get(certificate=certificate)


def sign_many(certificates) -> int:
    """Sign every certificate of the iterable that has no credential yet
    (``sign_credentials``, bulk runs, the benchmark); returns how many."""
    key = current_key()
    register(key)
    batch = list(certificates)
    done = set(
        SignedCredential.objects.filter(certificate__in=batch).values_list(
            "certificate_id", flat=True
        )
    )
    codes = {code for c in batch for code in competency_codes(c)}
    competencies = {
        c.code: c
        for c in Competency.objects.filter(code__in=codes).select_related(
            "area__framework"
        )
    }
    now = timezone.now()
    rows = [
        SignedCredential(
            certificate=c,
            kid=key.kid,
            jwt=sign_jwt(build(certificate=c, competencies=competencies), key=key),
            signed_at=now,
        )
        for c in batch
        if c.pk not in done
    ]
    SignedCredential.objects.bulk_create(rows, batch_size=500, ignore_conflicts=True)
    return len(rows)


def payload_of(token: str) -> dict:
    """The claims of a VC-JWT we signed (read back, not verified: it is ours)."""
    return pyjwt.decode(token, options={"verify_signature": False})


def data_integrity_document(*, certificate: IssuedCertificate) -> dict:
    """The credential JSON secured with an embedded ``eddsa-rdfc-2022`` proof.

    Made once from the very claims of the stored VC-JWT (same salt, same
    dates), with the key that signed it when that is still the current one,
    else with the current key. Needs an Ed25519 key; None for a P-256 one.
    """
    record = signed(certificate=certificate)
    if record.document is not None:
        return record.document
    key = current_key()
    if key.algorithm != "EdDSA":
        return None
    claims = payload_of(record.jwt)
    salt = None
    for identifier in claims.get("credentialSubject", {}).get("identifier", []):
        salt = identifier.get("salt")
    credential = build(certificate=certificate, salt=salt)
    credential.id = claims["id"]
    register(key)
    signer = OB3LdpSigner(
        key.private_pem, verification_method=verification_method(key.kid)
    )
    document = signer.sign(credential, created=certificate.issued_at.astimezone(UTC))
    SignedCredential.objects.filter(pk=record.pk, document__isnull=True).update(
        document=document
    )
    return document
