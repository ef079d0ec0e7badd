"""Personal data held by quizzes (see lms.dataprotection.registry)."""

from django.utils.translation import gettext_lazy as _

from lms.dataprotection.registry import ANONYMISE, KEEP, PersonalData, register

_RECORD = _("the learning record: kept while the account exists; anonymised with it")

register(
    PersonalData(
        model="quiz.Attempt",
        title=_("Quiz attempts"),
        fields=(
            "quiz",
            "number",
            "started_at",
            "deadline",
            "submitted_at",
            "late",
            "status",
            "score",
            "passed",
        ),
        # plan, answer_key and draft are the engine's working state (the answer
        # key must never reach a learner); the answers are exported below.
        purpose=_("grading; pass rates in reports"),
        legal_basis=_("contract (PDPA s. 24(3))"),
        retention=_RECORD,
        erase=KEEP,
    ),
    PersonalData(
        model="quiz.Answer",
        title=_("Quiz answers"),
        subject="attempt__user",
        fields=(
            "attempt",
            "question",
            "selected",
            "text",
            "credit",
            "marked_at",
            "marker_comment",
        ),
        actors=("marked_by",),
        purpose=_("grading; question statistics"),
        legal_basis=_("contract (PDPA s. 24(3))"),
        retention=_RECORD,
        erase=ANONYMISE,
        # Free text may name the person; the credit stays for the statistics.
        anonymise={"text": "", "marker_comment": ""},
    ),
)
