"""Personal data held by certificates, and the rule for issued certificates.

Erasure revokes every certificate of the person and blanks the name frozen on
it; the stored PDF is deleted. The verification page then answers "revoked"
and shows no name. Why revoke rather than keep it valid without a name: a
valid certificate that names nobody would let anyone holding a printed copy
claim it, and the holder asked for their link to the programme to end. The
row (award, dates, code) stays, so the number issued in reports is unchanged
and a printed code still gets a truthful answer.
"""

from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from lms.dataprotection.registry import ANONYMISE, KEEP, PersonalData, register

ERASED_REASON = _("The holder's personal data was erased at their request.")


def erase_certificates(queryset, user) -> None:
    for certificate in queryset:
        if certificate.pdf:
            certificate.pdf.delete(save=False)
        certificate.recipient_name = ""
        certificate.pdf = ""
        certificate.pdf_rendered_at = None
        if certificate.revoked_at is None:
            certificate.revoked_at = timezone.now()
            with translation.override(certificate.language or "th"):
                certificate.revocation_reason = gettext(ERASED_REASON)
        certificate.save(
            update_fields=[
                "recipient_name",
                "pdf",
                "pdf_rendered_at",
                "revoked_at",
                "revocation_reason",
            ]
        )


register(
    PersonalData(
        model="certificates.IssuedCertificate",
        title=_("Certificates"),
        fields=(
            "code",
            "recipient_name",
            "award_name_th",
            "award_name_en",
            "competencies_th",
            "competencies_en",
            "issuer_name",
            "language",
            "issued_at",
            "source",
            "reason",
            "revoked_at",
            "revocation_reason",
        ),
        actors=("issued_by", "revoked_by"),
        purpose=_("certifying and publicly verifying what the person achieved"),
        legal_basis=_("contract (PDPA s. 24(3)); the person shares the code"),
        recipients=_("anyone the holder gives the code to (verification page)"),
        retention=_(
            "kept while the account exists; on erasure revoked, name blanked, PDF deleted"
        ),
        erase=ANONYMISE,
        eraser=erase_certificates,
    ),
    PersonalData(
        model="certificates.BulkIssueRun",
        title=_("Bulk issues"),
        subject=None,
        actors=("created_by",),
        not_personal=("reason", "status"),
        purpose=_("audit: who issued certificates in bulk"),
        legal_basis=_("legitimate interest (audit)"),
        retention=_("kept with the audit log"),
        erase=KEEP,
    ),
)
