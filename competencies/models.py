from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from lms.i18n import BilingualMixin, current_language, localized
from lms.search.thai import segment

# The highest proficiency step a competency may have (the JSON import agrees).
MAX_PROFICIENCY = 9


class CompetencyFramework(BilingualMixin, models.Model):
    """A published competency framework, such as the programme's own.

    A ministry versions its framework; ``version`` is written into exports so
    an imported file says which edition it is (close to IMS CASE's
    CFDocument).
    """

    code = models.SlugField(_("code"), max_length=64, unique=True)
    name_th = models.CharField(_("name (Thai)"), max_length=255)
    name_en = models.CharField(
        _("name (English)"), max_length=255, blank=True, default=""
    )
    description_th = models.TextField(_("description (Thai)"), blank=True, default="")
    description_en = models.TextField(
        _("description (English)"), blank=True, default=""
    )
    version = models.CharField(_("version"), max_length=32, blank=True, default="1.0")
    publisher = models.CharField(_("publisher"), max_length=255, blank=True, default="")

    panels = [
        FieldPanel("code"),
        FieldPanel("name_th"),
        FieldPanel("name_en"),
        FieldPanel("version"),
        FieldPanel("publisher"),
        FieldPanel("description_th"),
        FieldPanel("description_en"),
    ]

    class Meta:
        verbose_name = _("competency framework")
        verbose_name_plural = _("competency frameworks")
        ordering = ["code"]

    def __str__(self):
        return self.name


class CompetencyArea(BilingualMixin, models.Model):
    """A group of competencies within a framework: basic or digital."""

    framework = models.ForeignKey(
        CompetencyFramework,
        on_delete=models.CASCADE,
        related_name="areas",
        verbose_name=_("framework"),
    )
    code = models.SlugField(_("code"), max_length=64)
    name_th = models.CharField(_("name (Thai)"), max_length=255)
    name_en = models.CharField(
        _("name (English)"), max_length=255, blank=True, default=""
    )
    description_th = models.TextField(_("description (Thai)"), blank=True, default="")
    description_en = models.TextField(
        _("description (English)"), blank=True, default=""
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("framework"),
        FieldPanel("code"),
        FieldPanel("name_th"),
        FieldPanel("name_en"),
        FieldPanel("description_th"),
        FieldPanel("description_en"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("competency area")
        verbose_name_plural = _("competency areas")
        ordering = ["framework", "sort_order", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "code"], name="competencies_area_unique_code"
            )
        ]

    def __str__(self):
        return self.name


class Competency(BilingualMixin, index.Indexed, ClusterableModel):
    """Something a volunteer can show they are able to do.

    Courses and quizzes target competencies at a proficiency; evidence of a
    competency (the levels issue) is what volunteer levels are computed from.
    Codes are stable identifiers used by imports, exports and reports.
    """

    area = models.ForeignKey(
        CompetencyArea,
        on_delete=models.PROTECT,
        related_name="competencies",
        verbose_name=_("area"),
    )
    code = models.CharField(_("code"), max_length=32, unique=True)
    name_th = models.CharField(_("name (Thai)"), max_length=255)
    name_en = models.CharField(
        _("name (English)"), max_length=255, blank=True, default=""
    )
    description_th = models.TextField(_("description (Thai)"), blank=True, default="")
    description_en = models.TextField(
        _("description (English)"), blank=True, default=""
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("area"),
        FieldPanel("code"),
        FieldPanel("name_th"),
        FieldPanel("name_en"),
        FieldPanel("description_th"),
        FieldPanel("description_en"),
        FieldPanel("sort_order"),
        MultiFieldPanel(
            [InlinePanel("proficiency_levels", label=_("proficiency level"))],
            heading=_("proficiency levels"),
        ),
    ]

    search_fields = [
        index.SearchField("search_text"),
        index.SearchField("code"),
        index.SearchField("name_th"),
        index.SearchField("name_en"),
        index.AutocompleteField("code"),
        index.AutocompleteField("search_text"),
        index.AutocompleteField("name_th"),
        index.AutocompleteField("name_en"),
        index.FilterField("area"),
    ]

    class Meta:
        verbose_name = _("competency")
        verbose_name_plural = _("competencies")
        ordering = ["area__framework", "area__sort_order", "sort_order", "code"]

    def __str__(self):
        return f"{self.code} {self.name}"

    def search_text(self) -> str:
        """Names and descriptions cut into words, so a Thai word is found inside a phrase."""
        return segment(
            " ".join(
                [self.name_th, self.name_en, self.description_th, self.description_en]
            )
        )


class ProficiencyLevel(BilingualMixin, Orderable):
    """One step of proficiency in a competency, with the indicators that show it."""

    competency = ParentalKey(
        Competency,
        on_delete=models.CASCADE,
        related_name="proficiency_levels",
        verbose_name=_("competency"),
    )
    level = models.PositiveSmallIntegerField(
        _("level"),
        validators=[MinValueValidator(1), MaxValueValidator(MAX_PROFICIENCY)],
        help_text=_("1 is the first step."),
    )
    name_th = models.CharField(_("name (Thai)"), max_length=255)
    name_en = models.CharField(
        _("name (English)"), max_length=255, blank=True, default=""
    )
    indicators_th = models.TextField(
        _("indicators (Thai)"),
        blank=True,
        default="",
        help_text=_("One indicator per line."),
    )
    indicators_en = models.TextField(
        _("indicators (English)"),
        blank=True,
        default="",
        help_text=_("One indicator per line."),
    )

    panels = [
        FieldPanel("level"),
        FieldPanel("name_th"),
        FieldPanel("name_en"),
        FieldPanel("indicators_th"),
        FieldPanel("indicators_en"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("proficiency level")
        verbose_name_plural = _("proficiency levels")
        constraints = [
            models.UniqueConstraint(
                fields=["competency", "level"],
                name="competencies_proficiency_unique_level",
            )
        ]

    def __str__(self):
        return f"{self.competency.code} · {self.level} {self.name}"

    @property
    def indicators(self) -> list[str]:
        return [
            line.strip()
            for line in localized(self, "indicators").splitlines()
            if line.strip()
        ]


class EvidenceSource(models.TextChoices):
    QUIZ = "quiz", _("Passed quiz")
    COURSE = "course", _("Completed course")
    ASSESSMENT = "assessment", _("Trainer's assessment")
    PACKAGE = "package", _("Passed e-learning package")


class CompetencyEvidence(models.Model):
    """A record that a person showed a competency at a proficiency, and why we know.

    Attainment is derived from evidence (the highest proficiency with valid,
    not withdrawn, evidence); nothing is typed in without a source. Withdrawal
    keeps the row for the audit trail.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="evidence",
        verbose_name=_("person"),
    )
    competency = models.ForeignKey(
        Competency,
        on_delete=models.PROTECT,
        related_name="evidence",
        verbose_name=_("competency"),
    )
    proficiency = models.PositiveSmallIntegerField(_("proficiency"))
    source = models.CharField(
        _("source"), max_length=16, choices=EvidenceSource.choices
    )
    attempt = models.ForeignKey(
        "quiz.Attempt",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("quiz attempt"),
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("course"),
    )
    comment = models.TextField(_("comment"), blank=True, default="")
    # What recorded it when the source lives in an app above competencies
    # (an e-learning package step: "elearning.page:<id>"); evidence is
    # recorded once per person, competency and reference.
    source_ref = models.CharField(
        _("source reference"), max_length=80, blank=True, default=""
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("recorded by"),
        help_text=_("The assessor; empty when the system recorded it."),
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    withdrawal_reason = models.TextField(
        _("reason for withdrawal"), blank=True, default=""
    )

    class Meta:
        verbose_name = _("competency evidence")
        verbose_name_plural = _("competency evidence")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "competency", "attempt"],
                condition=models.Q(attempt__isnull=False),
                name="competencies_evidence_once_per_attempt",
            ),
            models.UniqueConstraint(
                fields=["user", "competency", "course"],
                condition=models.Q(source="course"),
                name="competencies_evidence_once_per_course",
            ),
            models.UniqueConstraint(
                fields=["user", "competency", "source_ref"],
                condition=~models.Q(source_ref=""),
                name="competencies_evidence_once_per_ref",
            ),
        ]
        indexes = [
            models.Index(
                fields=["user", "competency"], name="competencies_ev_user_comp"
            )
        ]


class VolunteerLevel(BilingualMixin, ClusterableModel):
    """A rung of the volunteer ladder and the rules for reaching it."""

    code = models.SlugField(_("code"), max_length=32, unique=True)
    rank = models.PositiveSmallIntegerField(
        _("rank"), unique=True, help_text=_("1 is the first rung.")
    )
    name_th = models.CharField(_("name (Thai)"), max_length=255)
    name_en = models.CharField(
        _("name (English)"), max_length=255, blank=True, default=""
    )
    description_th = models.TextField(_("description (Thai)"), blank=True, default="")
    description_en = models.TextField(
        _("description (English)"), blank=True, default=""
    )
    requires_previous = models.BooleanField(
        _("requires the previous level"), default=True
    )
    min_completed_courses = models.PositiveSmallIntegerField(
        _("completed courses required"), default=0
    )
    colour = models.CharField(_("badge colour"), max_length=7, default="#0b5cad")

    panels = [
        FieldPanel("code"),
        FieldPanel("rank"),
        FieldPanel("name_th"),
        FieldPanel("name_en"),
        FieldPanel("description_th"),
        FieldPanel("description_en"),
        FieldPanel("requires_previous"),
        FieldPanel("min_completed_courses"),
        FieldPanel("colour"),
        InlinePanel("requirements", label=_("required competency")),
    ]

    class Meta:
        verbose_name = _("volunteer level")
        verbose_name_plural = _("volunteer levels")
        ordering = ["rank"]

    def __str__(self):
        return self.name


class LevelRequirement(Orderable):
    level = ParentalKey(
        VolunteerLevel, on_delete=models.CASCADE, related_name="requirements"
    )
    competency = models.ForeignKey(
        Competency,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("competency"),
    )
    min_proficiency = models.PositiveSmallIntegerField(
        _("minimum proficiency"), default=1
    )

    panels = [FieldPanel("competency"), FieldPanel("min_proficiency")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["level", "competency"], name="competencies_requirement_unique"
            )
        ]


class VolunteerStatus(models.Model):
    """The level the rules give a person now; rewritten whenever their evidence changes."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="volunteer_status",
    )
    level = models.ForeignKey(
        VolunteerLevel,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("volunteer level status")


def ladder_cause(*, codes, by: str) -> str:
    """The cause recorded when the ladder's rules change: which rungs, by whom."""
    return f"ladder:{','.join(codes)} by {by}"


def describe_cause(cause: str) -> str:
    """A stored cause (``evidence:12 quiz DL1``, ``ladder:village by admin``…)
    as a person reads it, in the active language, naming the rule or evidence."""
    kind, _sep, rest = cause.partition(":")
    if kind == "evidence" and rest:
        parts = rest.split(" ")
        source = dict(EvidenceSource.choices).get(parts[1] if len(parts) > 1 else "")
        return _("new evidence: %(competency)s (%(source)s)") % {
            "competency": parts[2] if len(parts) > 2 else "",
            "source": source or "",
        }
    if kind == "withdrawn" and rest:
        return _("evidence #%(id)s withdrawn") % {"id": rest}
    if kind == "ladder" and rest:
        codes, _sep, by = rest.partition(" by ")
        names = dict(
            VolunteerLevel.objects.filter(code__in=codes.split(",")).values_list(
                "code", "name_th" if _thai() else "name_en"
            )
        )
        levels = ", ".join(names.get(code) or code for code in codes.split(","))
        return _("rule of level “%(levels)s” changed by %(user)s") % {
            "levels": levels,
            "user": by,
        }
    if cause.startswith("ladder changed by "):
        return _("level rules changed by %(user)s") % {
            "user": cause.removeprefix("ladder changed by ")
        }
    if cause.startswith("volunteer import #"):
        return _("volunteer import #%(id)s") % {
            "id": cause.removeprefix("volunteer import #")
        }
    return cause


def _thai() -> bool:
    return current_language() == "th"


class LevelChange(models.Model):
    """History of promotions and demotions, with their cause."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="level_changes"
    )
    from_level = models.ForeignKey(
        VolunteerLevel,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    to_level = models.ForeignKey(
        VolunteerLevel,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("changed at"), auto_now_add=True)
    cause = models.CharField(_("cause"), max_length=255)

    class Meta:
        verbose_name = _("level change")
        verbose_name_plural = _("level changes")
        ordering = ["-changed_at", "-pk"]

    @property
    def cause_display(self) -> str:
        return describe_cause(self.cause)


class RecomputeRun(models.Model):
    """A background recomputation of everyone's level after the ladder's rules changed.

    Progress is saved after every batch, so an administrator can follow it and a
    run whose worker died is resumed from where it stopped.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")

    cause = models.CharField(_("cause"), max_length=255)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.QUEUED
    )
    total = models.PositiveIntegerField(_("people"), default=0)
    done = models.PositiveIntegerField(_("people done"), default=0)
    last_user_id = models.BigIntegerField(default=0, editable=False)
    changed = models.PositiveIntegerField(_("levels changed"), default=0)
    created_at = models.DateTimeField(_("started at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("level recomputation")
        verbose_name_plural = _("level recomputations")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{describe_cause(self.cause)} ({self.done}/{self.total})"

    @property
    def cause_display(self) -> str:
        return describe_cause(self.cause)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 100


class CompetencyLink(Orderable):
    """A step that demonstrates a competency at a proficiency when passed.

    Quizzes and e-learning packages both say this; each subclass adds its
    ``ParentalKey`` to its own page type (and keeps ``related_name=
    "competency_links"``, which evidence reads from either)."""

    competency = models.ForeignKey(
        "competencies.Competency",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("competency"),
    )
    proficiency = models.PositiveSmallIntegerField(
        _("proficiency"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_PROFICIENCY)],
    )

    panels = [FieldPanel("competency"), FieldPanel("proficiency")]

    class Meta(Orderable.Meta):
        abstract = True
