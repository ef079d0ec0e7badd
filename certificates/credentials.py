"""Open Badges 3.0: a certificate as an ``OpenBadgeCredential``.

The credential follows the W3C Verifiable Credentials data model v2 with the
Open Badges 3.0 context. It is not signed (no ``proof``): other systems check
it by fetching it from this site over HTTPS, where ``credentialStatus`` says
whether it still stands.
"""

import uuid
from datetime import UTC

from .models import IssuedCertificate
from .selectors import base_url, credential_url, verification_url

CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]


def _utc(value) -> str:
    return (
        value.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    )


def achievement_id(award_id: int) -> str:
    return (
        f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{base_url()}/awards/{award_id}')}"
    )


def open_badge_credential(*, certificate: IssuedCertificate) -> dict:
    """The OB 3.0 JSON for one certificate (valid or revoked)."""
    award = certificate.award
    language = certificate.language
    name = (
        certificate.award_name_en
        if language == "en" and certificate.award_name_en
        else certificate.award_name_th
    )
    criteria = (
        award.description_en if language == "en" else award.description_th
    ) or name
    competencies = (
        certificate.competencies_en if language == "en" else certificate.competencies_th
    )
    description = name + (
        f" ({', '.join(competencies.splitlines())})" if competencies else ""
    )
    status = {
        "id": f"{verification_url(code=certificate.code)}#status",
        "type": "CertificateVerificationStatus",
        "statusPurpose": "revocation",
        "revoked": certificate.revoked_at is not None,
    }
    if certificate.revoked_at is not None:
        status["revokedAt"] = _utc(certificate.revoked_at)
        status["revocationReason"] = certificate.revocation_reason
        if certificate.replaced_by_id:
            status["replacedBy"] = credential_url(code=certificate.replaced_by.code)
    return {
        "@context": CONTEXT,
        "id": credential_url(code=certificate.code),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": name,
        "issuer": {
            "id": f"{base_url()}/",
            "type": ["Profile"],
            "name": certificate.issuer_name,
            "url": f"{base_url()}/",
        },
        "validFrom": _utc(certificate.issued_at),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityType": "name",
                    "hashed": False,
                    "identityHash": certificate.recipient_name,
                }
            ],
            "achievement": {
                "id": achievement_id(award.pk),
                "type": ["Achievement"],
                "achievementType": "Certificate",
                "name": name,
                "description": description,
                "criteria": {"narrative": criteria},
                "inLanguage": language,
            },
        },
        "credentialStatus": status,
    }
