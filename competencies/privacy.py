"""Personal data held by competencies (see lms.dataprotection.registry)."""

from django.utils.translation import gettext_lazy as _

from lms.dataprotection.registry import ANONYMISE, KEEP, PersonalData, register

_RECORD = _("the learning record: kept while the account exists; anonymised with it")

register(
    PersonalData(
        model="competencies.CompetencyEvidence",
        title=_("Competency evidence"),
        fields=(
            "competency",
            "proficiency",
            "source",
            "course",
            "comment",
            "created_at",
            "withdrawn_at",
            "withdrawal_reason",
        ),
        actors=("created_by", "withdrawn_by"),
        # The e-learning attempt an evidence row came from (an id, not personal).
        not_personal=("source_ref",),
        purpose=_("recognising competencies and volunteer levels"),
        legal_basis=_("contract (PDPA s. 24(3))"),
        retention=_RECORD,
        erase=ANONYMISE,
        anonymise={"comment": "", "withdrawal_reason": ""},
    ),
    PersonalData(
        model="competencies.VolunteerStatus",
        title=_("Volunteer level"),
        fields=("level", "updated_at"),
        purpose=_("recognising competencies and volunteer levels"),
        legal_basis=_("contract (PDPA s. 24(3))"),
        retention=_RECORD,
        erase=KEEP,
    ),
    PersonalData(
        model="competencies.LevelChange",
        title=_("Level history"),
        fields=("from_level", "to_level", "changed_at", "cause"),
        purpose=_("recognising competencies and volunteer levels"),
        legal_basis=_("contract (PDPA s. 24(3))"),
        retention=_RECORD,
        erase=KEEP,
    ),
)
