"""Personal data held by offline study (see lms.dataprotection.registry)."""

from django.utils.translation import gettext_lazy as _

from lms.dataprotection.registry import KEEP, PersonalData, register

register(
    PersonalData(
        model="offline.OfflineMark",
        title=_("Lessons marked done offline"),
        fields=("client_id", "page_id", "marked_at", "received_at", "outcome"),
        purpose=_("recording each lesson marked done without a connection once"),
        legal_basis=_("contract (PDPA s. 24(3))"),
        retention=_(
            "the learning record: kept while the account exists; anonymised with it"
        ),
        erase=KEEP,
    ),
)
