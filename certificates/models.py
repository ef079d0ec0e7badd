"""Certificates: templates, what earns them, issued certificates and bulk runs.

A ``CertificateTemplate`` is the look (texts with placeholders, logos,
signatories, colours, paper); an ``Award`` says what earns it (a course, a set
of courses, a volunteer level, or a face-to-face event issued by hand). An
``IssuedCertificate`` freezes the recipient's name, the award's name and the
competencies at issue time, so renaming a course later changes nothing that
was already handed out.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.models import Orderable

from lms.i18n import BilingualMixin, current_language

PLACEHOLDERS = ("name", "award", "date", "competencies", "code")
PLACEHOLDER_HELP = _(
    "Placeholders: {name}, {award}, {date}, {competencies}, {code}. "
    "A blank line starts a new paragraph."
)


class CertificateTemplate(ClusterableModel):
    """How a certificate looks and reads.

    Administrators keep one per kind of certificate (course, level, training);
    the PDF is drawn from it at the moment a certificate is first downloaded,
    with the texts frozen on the certificate itself.
    """

    class Language(models.TextChoices):
        THAI = "th", _("Thai")
        ENGLISH = "en", _("English")

    class PaperSize(models.TextChoices):
        A4 = "A4", "A4"
        LETTER = "letter", _("US Letter")

    class Orientation(models.TextChoices):
        LANDSCAPE = "landscape", _("landscape")
        PORTRAIT = "portrait", _("portrait")

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=64, unique=True)
    language = models.CharField(
        _("language"),
        max_length=2,
        choices=Language.choices,
        default=Language.THAI,
        help_text=_("The certificate's language: its texts and the date format."),
    )
    title_th = models.CharField(_("title (Thai)"), max_length=255)
    title_en = models.CharField(
        _("title (English)"), max_length=255, blank=True, default=""
    )
    body_th = models.TextField(_("body (Thai)"), help_text=PLACEHOLDER_HELP)
    body_en = models.TextField(
        _("body (English)"), blank=True, default="", help_text=PLACEHOLDER_HELP
    )
    issuer_name_th = models.CharField(
        _("issuer (Thai)"), max_length=255, default="โครงการอาสาสมัครดิจิทัล"
    )
    issuer_name_en = models.CharField(
        _("issuer (English)"),
        max_length=255,
        blank=True,
        default="Digital Volunteer Programme",
    )
    primary_colour = models.CharField(
        _("primary colour"), max_length=7, default="#0b3d91"
    )
    accent_colour = models.CharField(
        _("accent colour"), max_length=7, default="#c8a24a"
    )
    paper_size = models.CharField(
        _("paper size"), max_length=8, choices=PaperSize.choices, default=PaperSize.A4
    )
    orientation = models.CharField(
        _("orientation"),
        max_length=10,
        choices=Orientation.choices,
        default=Orientation.LANDSCAPE,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("slug"), FieldPanel("language")],
            heading=_("template"),
        ),
        MultiFieldPanel(
            [
                HelpPanel(content=PLACEHOLDER_HELP),
                FieldPanel("title_th"),
                FieldPanel("body_th"),
                FieldPanel("title_en"),
                FieldPanel("body_en"),
                FieldPanel("issuer_name_th"),
                FieldPanel("issuer_name_en"),
            ],
            heading=_("texts"),
        ),
        InlinePanel("logos", label=_("logo"), max_num=4),
        InlinePanel("signatories", label=_("signatory"), max_num=4),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("primary_colour"), FieldPanel("accent_colour")]
                ),
                FieldRowPanel([FieldPanel("paper_size"), FieldPanel("orientation")]),
            ],
            heading=_("layout"),
        ),
    ]

    class Meta:
        verbose_name = _("certificate template")
        verbose_name_plural = _("certificate templates")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def text(self, field: str) -> str:
        """``title``/``body``/``issuer_name`` in the template's language (Thai if blank)."""
        if self.language == self.Language.ENGLISH:
            value = getattr(self, f"{field}_en", "")
            if value:
                return value
        return getattr(self, f"{field}_th", "")


class CertificateLogo(Orderable):
    template = ParentalKey(
        CertificateTemplate, on_delete=models.CASCADE, related_name="logos"
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )

    panels = [FieldPanel("image")]

    class Meta(Orderable.Meta):
        verbose_name = _("logo")
        verbose_name_plural = _("logos")


class CertificateSignatory(Orderable):
    template = ParentalKey(
        CertificateTemplate, on_delete=models.CASCADE, related_name="signatories"
    )
    name = models.CharField(_("name"), max_length=255)
    position = models.CharField(_("position"), max_length=255, blank=True, default="")
    signature = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("signature image"),
    )

    panels = [FieldPanel("name"), FieldPanel("position"), FieldPanel("signature")]

    class Meta(Orderable.Meta):
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")


class Award(BilingualMixin, ClusterableModel):
    """What earns a certificate, and with which template.

    Course and course-set awards are issued automatically when the last course
    is completed; level awards when the volunteer reaches the level (referenced
    by its code); event awards (face-to-face trainings) only by administrators.
    """

    class Kind(models.TextChoices):
        COURSE = "course", _("completing a course")
        COURSE_SET = "course_set", _("completing a set of courses")
        LEVEL = "level", _("reaching a volunteer level")
        EVENT = "event", _("a training or event (issued by administrators)")

    kind = models.CharField(
        _("earned by"), max_length=16, choices=Kind.choices, default=Kind.COURSE
    )
    template = models.ForeignKey(
        CertificateTemplate,
        on_delete=models.PROTECT,
        related_name="awards",
        verbose_name=_("template"),
    )
    name_th = models.CharField(
        _("name (Thai)"),
        max_length=255,
        blank=True,
        default="",
        help_text=_("Left blank, the course's or level's name is used."),
    )
    name_en = models.CharField(
        _("name (English)"), max_length=255, blank=True, default=""
    )
    description_th = models.TextField(_("criteria (Thai)"), blank=True, default="")
    description_en = models.TextField(_("criteria (English)"), blank=True, default="")
    level_code = models.CharField(
        _("volunteer level code"),
        max_length=32,
        blank=True,
        default="",
        db_index=True,
        help_text=_("For level awards: the code of the level in the ladder."),
    )
    active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Inactive awards are no longer issued automatically."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    panels = [
        FieldPanel("kind"),
        FieldPanel("template"),
        InlinePanel(
            "courses",
            label=_("course"),
            help_text=_("One course, or every course of the set."),
        ),
        FieldPanel("level_code"),
        FieldPanel("name_th"),
        FieldPanel("name_en"),
        FieldPanel("description_th"),
        FieldPanel("description_en"),
        FieldPanel("active"),
    ]

    class Meta:
        verbose_name = _("award")
        verbose_name_plural = _("awards")
        ordering = ["pk"]

    def __str__(self):
        if self.name:
            return self.name
        if self.kind == self.Kind.LEVEL:
            return self.level_code
        titles = [link.course.title for link in self.courses.all()] if self.pk else []
        return ", ".join(titles) or f"{self.get_kind_display()} #{self.pk}"

    def clean(self):
        super().clean()
        if self.kind == self.Kind.LEVEL and not self.level_code:
            raise ValidationError(
                {"level_code": _("A level award needs the level's code.")}
            )
        if self.kind == self.Kind.EVENT and not self.name_th:
            raise ValidationError({"name_th": _("Name the training or event.")})


class AwardCourse(Orderable):
    award = ParentalKey(Award, on_delete=models.CASCADE, related_name="courses")
    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("course"),
    )

    panels = [FieldPanel("course")]

    class Meta(Orderable.Meta):
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        constraints = [
            models.UniqueConstraint(
                fields=["award", "course"], name="certificates_award_course_unique"
            )
        ]


class BulkIssueRun(models.Model):
    """A background issue of one award to many people.

    The people are chosen when the run starts and split into chunks; a worker
    takes a pending chunk, issues its certificates and marks it done in one
    transaction, so a killed worker loses nothing and the next one resumes.
    Several workers share a run (PostgreSQL's SKIP LOCKED hands out chunks).
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        DONE = "done", _("done")

    award = models.ForeignKey(
        Award,
        on_delete=models.PROTECT,
        related_name="bulk_runs",
        verbose_name=_("award"),
    )
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    reason = models.CharField(_("reason"), max_length=255, blank=True, default="")
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.QUEUED
    )
    total = models.PositiveIntegerField(_("people"), default=0)
    done = models.PositiveIntegerField(_("people done"), default=0)
    issued = models.PositiveIntegerField(_("certificates issued"), default=0)
    unmatched = models.JSONField(_("unmatched people"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("started by"),
    )
    created_at = models.DateTimeField(_("started at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("bulk issue")
        verbose_name_plural = _("bulk issues")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.award} ({self.done}/{self.total})"

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 100


class BulkIssueChunk(models.Model):
    """A slice of a run's people; done atomically with its certificates."""

    run = models.ForeignKey(
        BulkIssueRun, on_delete=models.CASCADE, related_name="chunks"
    )
    user_ids = models.JSONField(default=list)
    done = models.BooleanField(default=False)

    class Meta:
        indexes = [
            models.Index(fields=["run", "done"], name="certificates_chunk_pending")
        ]


class IssuedCertificate(models.Model):
    """A certificate handed to a person: frozen texts, an unguessable code, a stored PDF.

    At most one valid (unrevoked) certificate per award and person: a partial
    unique constraint makes automatic, manual and bulk issues idempotent, even
    when two workers race. Revoked certificates stay for verification.
    """

    class Source(models.TextChoices):
        AUTOMATIC = "automatic", _("earned")
        MANUAL = "manual", _("issued by an administrator")
        BULK = "bulk", _("bulk issue")
        REISSUE = "reissue", _("re-issue")

    code = models.CharField(_("code"), max_length=40, unique=True)
    award = models.ForeignKey(
        Award,
        on_delete=models.PROTECT,
        related_name="certificates",
        verbose_name=_("award"),
    )
    template = models.ForeignKey(
        CertificateTemplate,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("template"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
        verbose_name=_("recipient"),
    )
    # Frozen at issue time.
    recipient_name = models.CharField(_("recipient's name"), max_length=255)
    award_name_th = models.CharField(_("award (Thai)"), max_length=500)
    award_name_en = models.CharField(
        _("award (English)"), max_length=500, blank=True, default=""
    )
    competencies_th = models.TextField(_("competencies (Thai)"), blank=True, default="")
    competencies_en = models.TextField(
        _("competencies (English)"), blank=True, default=""
    )
    issuer_name = models.CharField(_("issuer"), max_length=255)
    language = models.CharField(_("language"), max_length=2, default="th")
    issued_at = models.DateTimeField(_("issued at"), db_index=True)
    source = models.CharField(
        _("source"), max_length=16, choices=Source.choices, default=Source.AUTOMATIC
    )
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("issued by"),
    )
    reason = models.CharField(_("reason"), max_length=255, blank=True, default="")
    bulk_run = models.ForeignKey(
        BulkIssueRun,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
        verbose_name=_("bulk issue"),
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("revoked by"),
    )
    revocation_reason = models.CharField(
        _("reason for revocation"), max_length=255, blank=True, default=""
    )
    replaced_by = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaces",
        verbose_name=_("replaced by"),
    )
    pdf = models.FileField(
        _("PDF"), upload_to="certificates/", blank=True, default="", max_length=255
    )
    pdf_rendered_at = models.DateTimeField(_("PDF rendered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("issued certificate")
        verbose_name_plural = _("issued certificates")
        ordering = ["-issued_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["award", "user"],
                condition=Q(revoked_at__isnull=True),
                name="certificates_one_valid_per_award_user",
            )
        ]
        indexes = [
            models.Index(fields=["user", "issued_at"], name="certificates_user_issued")
        ]
        permissions = [
            ("issue_certificate", _("Can issue certificates")),
            ("revoke_certificate", _("Can revoke and re-issue certificates")),
        ]

    def __str__(self):
        return f"{self.code} · {self.recipient_name}"

    @property
    def is_valid(self) -> bool:
        return self.revoked_at is None

    @property
    def award_name(self) -> str:
        if current_language() == "en" and self.award_name_en:
            return self.award_name_en
        return self.award_name_th


# --- Open Badges 3.0: signing keys (public halves) and signed credentials -------------
# Used by certificates/openbadges/. The private key never reaches the database.


class SigningKey(models.Model):
    """The public half of a key that has signed credentials, kept for ever.

    Recorded the first time a key signs, so after a rotation (a new private
    key in the environment) the DID document still publishes every earlier
    key and every credential stays verifiable by the ``kid`` it names.
    """

    kid = models.CharField(_("key id"), max_length=64, unique=True)
    algorithm = models.CharField(_("algorithm"), max_length=16)
    public_jwk = models.JSONField(_("public key (JWK)"))
    created_at = models.DateTimeField(_("first used at"), auto_now_add=True)

    class Meta:
        verbose_name = _("signing key")
        verbose_name_plural = _("signing keys")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.kid


class SignedCredential(models.Model):
    """A certificate's signed ``OpenBadgeCredential``, frozen once signed.

    The VC-JWT is made the first time the credential is asked for (or by
    ``sign_credentials``); the Data Integrity JSON document when the ``.json``
    is first asked for. Revocation never changes them: the status list does.
    """

    certificate = models.OneToOneField(
        IssuedCertificate,
        on_delete=models.CASCADE,
        related_name="signed_credential",
        verbose_name=_("certificate"),
    )
    kid = models.CharField(_("key id"), max_length=64)
    jwt = models.TextField(_("VC-JWT"))
    document = models.JSONField(_("credential with Data Integrity proof"), null=True)
    signed_at = models.DateTimeField(_("signed at"))

    class Meta:
        verbose_name = _("signed credential")
        verbose_name_plural = _("signed credentials")
