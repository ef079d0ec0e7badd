"""Personal data held by e-learning packages (see lms.dataprotection.registry)."""

from django.utils.translation import gettext_lazy as _

from lms.dataprotection.registry import KEEP, PersonalData, register

_RECORD = _("the learning record: kept while the account exists; anonymised with it")

register(
    PersonalData(
        model="elearning.Package",
        subject=None,
        actors=("uploaded_by",),
        purpose=_("authoring content: who created or changed it"),
        legal_basis=_("legitimate interest (editorial history)"),
        recipients=_("trainers and administrators"),
        retention=_("kept with the content"),
        erase=KEEP,
    ),
    PersonalData(
        model="elearning.PackageAttempt",
        title=_("E-learning package attempts"),
        fields=(
            "page",
            "number",
            "completion_status",
            "success_status",
            "score",
            "location",
            "suspend_data",
            "session_time",
            "total_seconds",
            "completed",
            "passed",
            "started_at",
            "updated_at",
        ),
        # cmi is the package runtime's own copy of the fields above.
        not_personal=("cmi",),
        purpose=_("grading; pass rates in reports"),
        legal_basis=_("contract (PDPA s. 24(3))"),
        retention=_RECORD,
        erase=KEEP,
    ),
)
