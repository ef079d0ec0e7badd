"""A person's requests under the PDPA, and the retention reminders sent."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class DataExport(models.Model):
    """A copy of everything held about a person, built by a background task.

    The ZIP (``data.json`` and one CSV per table) is kept in the database,
    not in the media directory, so no web server can serve it by its path;
    only its owner downloads it, through the site. Purged after
    ``PRIVACY_RETENTION['exports_days']``.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("being prepared")
        READY = "ready", _("ready")
        FAILED = "failed", _("failed")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="data_exports",
        verbose_name=_("person"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    content = models.BinaryField(_("file"), null=True, blank=True, editable=False)
    size = models.PositiveIntegerField(_("size"), default=0)

    class Meta:
        verbose_name = _("data export")
        verbose_name_plural = _("data exports")
        ordering = ["-requested_at"]


class ErasureRequest(models.Model):
    """A person asks for their account to be deleted; an administrator decides.

    After an erasure the request stays (proof that it was handled, and when)
    but points to the anonymised account and holds nothing personal.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for a decision")
        DONE = "done", _("approved: data erased")
        REFUSED = "refused", _("refused")
        CANCELLED = "cancelled", _("cancelled by the person")

    class LegalGround(models.TextChoices):
        LEGAL_OBLIGATION = (
            "legal_obligation",
            _("A law requires us to keep the data (PDPA s. 33(5))"),
        )
        LEGAL_CLAIMS = (
            "legal_claims",
            _("Needed to establish, exercise or defend legal claims (PDPA s. 33(5))"),
        )
        PUBLIC_TASK = (
            "public_task",
            _(
                "Needed for a task in the public interest or official authority (PDPA s. 33(5))"
            ),
        )
        NOT_THE_PERSON = (
            "not_the_person",
            _("The request could not be confirmed as coming from the person"),
        )

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="erasure_requests",
        verbose_name=_("person"),
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    message = models.TextField(_("the person's message"), blank=True, default="")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    legal_ground = models.CharField(
        _("legal ground for refusing"),
        max_length=20,
        choices=LegalGround.choices,
        blank=True,
        default="",
    )
    decision_reason = models.TextField(_("reason"), blank=True, default="")

    class Meta:
        verbose_name = _("erasure request")
        verbose_name_plural = _("erasure requests")
        ordering = ["-requested_at"]
        permissions = [
            ("handle_erasure", _("Can decide on erasure requests")),
            ("view_records", _("Can see the records of processing")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(status="pending"),
                name="privacy_one_pending_erasure",
            )
        ]

    def __str__(self):
        # Never the person's name: this label is copied into the audit log.
        return f"#{self.pk}"


class RetentionNotice(models.Model):
    """An inactive account was told it will be anonymised unless the person signs in."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="retention_notice",
        verbose_name=_("person"),
    )
    notified_at = models.DateTimeField(_("notified at"))

    class Meta:
        verbose_name = _("inactivity notice")
        verbose_name_plural = _("inactivity notices")
