"""This app's own personal data (see lms.dataprotection.registry)."""

from django.utils.translation import gettext_lazy as _

from lms.dataprotection.registry import ANONYMISE, DELETE, PersonalData, register

register(
    PersonalData(
        model="privacy.DataExport",
        title=_("Data exports"),
        fields=("status", "requested_at", "finished_at", "size"),
        purpose=_("the right of access and portability (PDPA s. 30, 31)"),
        legal_basis=_("legal obligation (PDPA s. 30)"),
        recipients=_("the person only"),
        retention=_("purged after PRIVACY_RETENTION['exports_days'] days"),
        erase=DELETE,
    ),
    PersonalData(
        model="privacy.ErasureRequest",
        title=_("Erasure requests"),
        fields=(
            "requested_at",
            "message",
            "status",
            "decided_at",
            "legal_ground",
            "decision_reason",
        ),
        actors=("decided_by",),
        purpose=_("the right to erasure (PDPA s. 33) and proof that it was handled"),
        legal_basis=_("legal obligation (PDPA s. 33)"),
        recipients=_("administrators"),
        retention=_("kept without personal data as proof of the decision"),
        erase=ANONYMISE,
        anonymise={"message": ""},
        # An administrator's reason might name the person.
        scrub=("decision_reason",),
    ),
    PersonalData(
        model="privacy.RetentionNotice",
        title=_("Inactivity notices"),
        fields=("notified_at",),
        purpose=_("telling inactive people before their account is anonymised"),
        legal_basis=_("legal obligation (PDPA s. 37(3)): not keeping data too long"),
        recipients=_("nobody"),
        retention=_("until the person signs in or the account is anonymised"),
        erase=DELETE,
    ),
)
