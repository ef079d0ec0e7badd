"""Personal data held by courses (see lms.dataprotection.registry)."""

from django.utils.translation import gettext_lazy as _

from lms.dataprotection.registry import KEEP, PersonalData, register

_RECORD = _("the learning record: kept while the account exists; anonymised with it")

register(
    PersonalData(
        model="courses.Enrollment",
        title=_("Enrolments"),
        fields=("course", "enrolled_at", "completed_at", "last_step", "updated_at"),
        purpose=_("following a course and resuming it; programme reports"),
        legal_basis=_("contract (PDPA s. 24(3))"),
        retention=_RECORD,
        erase=KEEP,
    ),
    PersonalData(
        model="courses.StepCompletion",
        title=_("Progress"),
        fields=("page", "course", "completed_at"),
        purpose=_("following a course and resuming it; programme reports"),
        legal_basis=_("contract (PDPA s. 24(3))"),
        retention=_RECORD,
        erase=KEEP,
    ),
)
