import uuid
from pathlib import Path

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from competencies.models import CompetencyLink
from courses.models.pages import reader_context


class PackageKind(models.TextChoices):
    SCORM_12 = "scorm12", _("SCORM 1.2")
    SCORM_2004 = "scorm2004", _("SCORM 2004")
    H5P = "h5p", _("H5P")


def package_root() -> Path:
    """Where unpacked packages live: outside MEDIA_ROOT, so nothing serves
    them except the sandboxed package view."""
    return Path(settings.ELEARNING_ROOT)


class Package(models.Model):
    """An uploaded, checked and unpacked SCORM or H5P package.

    Immutable: replacing a step's package uploads a new one, so a draft
    revision (in moderation) plays its new package while the live page and
    the attempts already made keep theirs. Files are kept in
    ``ELEARNING_ROOT/<public_id>/`` and only ever sent back as bytes.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("format"), max_length=16, choices=PackageKind.choices)
    version_label = models.CharField(
        _("version"), max_length=64, blank=True, default=""
    )
    title = models.CharField(
        _("title in the package"), max_length=255, blank=True, default=""
    )
    launch = models.CharField(_("launch file"), max_length=500)
    mastery_score = models.FloatField(
        _("mastery score in the package (%)"), null=True, blank=True
    )
    file_count = models.PositiveIntegerField(_("files"), default=0)
    total_size = models.PositiveBigIntegerField(_("unpacked size (bytes)"), default=0)
    original_name = models.CharField(
        _("uploaded file"), max_length=255, blank=True, default=""
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("e-learning package")
        verbose_name_plural = _("e-learning packages")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title or self.original_name}"

    @property
    def directory(self) -> Path:
        return package_root() / str(self.public_id)

    @property
    def is_scorm(self) -> bool:
        return self.kind in (PackageKind.SCORM_12, PackageKind.SCORM_2004)


class PackagePage(Page):
    """A course step played from a SCORM or H5P package, in a sandboxed frame.

    It is complete when the package reports completion and, when there is a
    pass mark (the trainer's, else the package's mastery score), a pass. A
    passed package shows the competencies mapped below, like a quiz.
    """

    intro = models.TextField(_("introduction"), blank=True, default="")
    package = models.ForeignKey(
        Package,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("package"),
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("0 = use the package's own mastery score (if it has one)."),
    )
    estimated_minutes = models.PositiveIntegerField(
        _("estimated time (minutes)"), default=15, validators=[MinValueValidator(1)]
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("upload"),
                FieldPanel("pass_mark"),
                FieldPanel("estimated_minutes"),
            ],
            heading=_("package"),
        ),
        MultiFieldPanel(
            [InlinePanel("competency_links", label=_("competency"))],
            heading=_("competencies shown by passing"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["courses.ModulePage"]
    subpage_types: list[str] = []
    # base_form_class: elearning.forms.PackagePageForm, set in AppConfig.ready
    # (the form uploads through services, which import these models).

    class Meta:
        verbose_name = _("e-learning package step")
        verbose_name_plural = _("e-learning package steps")

    def effective_pass_mark(self) -> float | None:
        """The trainer's pass mark, else the package's mastery score, else none."""
        if self.pass_mark:
            return float(self.pass_mark)
        if self.package is not None and self.package.mastery_score is not None:
            return self.package.mastery_score
        return None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(reader_context(self, request))
        return context


class PackageCompetency(CompetencyLink):
    page = ParentalKey(
        PackagePage, on_delete=models.CASCADE, related_name="competency_links"
    )


class PackageAttempt(models.Model):
    """One learner's attempt at a package step, with the runtime's data.

    Keyed to the default-language step page, so the Thai and English readers
    share it, and to the package played (a replaced package starts a new
    attempt; finished ones and the step's completion stay). ``cmi`` is the
    last data model the runtime committed (for resuming on another phone);
    the columns beside it are read from it on every commit for reports.
    ``seq`` is the highest commit number applied: a replayed or late commit
    with a lower number changes nothing.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="package_attempts",
    )
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+"
    )
    package = models.ForeignKey(
        Package, on_delete=models.PROTECT, related_name="attempts"
    )
    number = models.PositiveSmallIntegerField(_("attempt number"))
    cmi = models.JSONField(_("runtime data"), default=dict, blank=True)
    seq = models.PositiveIntegerField(default=0)
    completion_status = models.CharField(
        _("completion"), max_length=32, blank=True, default=""
    )
    success_status = models.CharField(
        _("success"), max_length=32, blank=True, default=""
    )
    score = models.FloatField(_("score (%)"), null=True, blank=True)
    location = models.CharField(_("location"), max_length=1000, blank=True, default="")
    suspend_data = models.TextField(_("suspend data"), blank=True, default="")
    session_time = models.CharField(
        _("last session time"), max_length=64, blank=True, default=""
    )
    total_seconds = models.PositiveIntegerField(_("time spent (seconds)"), default=0)
    completed = models.BooleanField(_("completed"), default=False)
    passed = models.BooleanField(_("passed"), null=True, blank=True)
    closed = models.BooleanField(_("finished"), default=False)
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("package attempt")
        verbose_name_plural = _("package attempts")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "page", "number"],
                name="elearning_attempt_unique_number",
            ),
            models.UniqueConstraint(
                fields=["user", "page"],
                condition=models.Q(closed=False),
                name="elearning_attempt_one_open",
            ),
        ]
        indexes = [
            models.Index(fields=["page", "updated_at"], name="elearning_attempt_page")
        ]

    def __str__(self):
        return f"{self.page_id} #{self.number} ({self.user_id})"


class XapiStatement(models.Model):
    """An xAPI statement an H5P activity sent (completed, passed, failed,
    answered/scored), once per statement id."""

    attempt = models.ForeignKey(
        PackageAttempt, on_delete=models.CASCADE, related_name="statements"
    )
    statement_id = models.UUIDField()
    verb = models.CharField(_("verb"), max_length=200)
    score = models.FloatField(_("score (%)"), null=True, blank=True)
    success = models.BooleanField(null=True, blank=True)
    completion = models.BooleanField(null=True, blank=True)
    statement = models.JSONField(default=dict)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("xAPI statement")
        verbose_name_plural = _("xAPI statements")
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "statement_id"], name="elearning_statement_once"
            )
        ]
