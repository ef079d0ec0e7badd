"""The privacy notice, who accepted which version, and optional consents.

These sit in the kernel so that sign-up (``lms.accounts``) and sign-in can
record consent without importing the integration layer.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# Optional uses of personal data, each consented to separately. Declared in
# code so the records of processing list them; the profile page offers them.
CONSENT_PURPOSES = {
    "course_news": _("Messages about new courses and training in my province"),
}


class PrivacyNotice(models.Model):
    """One version of the privacy notice, in Thai and English.

    Administrators add a new version in the admin (*Settings → Privacy
    notice*). A version marked *material* asks everyone to accept it again at
    their next sign-in; a non-material one (a typo, a new contact address) is
    shown but not asked for. Versions are never edited once people accepted
    them: acceptance records point to the text they saw.
    """

    version = models.PositiveIntegerField(_("version"), unique=True, editable=False)
    title_th = models.CharField(_("title (Thai)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    body_th = models.TextField(_("notice (Thai)"))
    body_en = models.TextField(_("notice (English)"))
    changes = models.CharField(
        _("what changed"), max_length=255, blank=True, default=""
    )
    material = models.BooleanField(
        _("material change"),
        default=True,
        help_text=_(
            "Everyone is asked to accept this version again at their next sign-in."
        ),
    )
    published_at = models.DateTimeField(_("published at"), auto_now_add=True)

    class Meta:
        verbose_name = _("privacy notice")
        verbose_name_plural = _("privacy notice versions")
        ordering = ["-version"]

    def __str__(self):
        return f"{self.title} (v{self.version})"

    def save(self, *args, **kwargs):
        if self.version is None:
            last = PrivacyNotice.objects.aggregate(v=models.Max("version"))["v"]
            self.version = (last or 0) + 1
        super().save(*args, **kwargs)

    @property
    def title(self) -> str:
        return self.title_en if get_language() == "en" else self.title_th

    @property
    def body(self) -> str:
        return self.body_en if get_language() == "en" else self.body_th


class NoticeAcceptance(models.Model):
    """A person accepted a version of the notice (at sign-up or at a sign-in)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notice_acceptances",
        verbose_name=_("person"),
    )
    notice = models.ForeignKey(
        PrivacyNotice,
        on_delete=models.PROTECT,
        related_name="acceptances",
        verbose_name=_("notice version"),
    )
    accepted_at = models.DateTimeField(_("accepted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("notice acceptance")
        verbose_name_plural = _("notice acceptances")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "notice"], name="dataprotection_accept_once"
            )
        ]


class ConsentRecord(models.Model):
    """Consent to one optional use, given and perhaps later withdrawn.

    A withdrawal closes the row (``withdrawn_at``); giving consent again opens
    a new one, so the history of what a person agreed to stays provable.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="consents",
        verbose_name=_("person"),
    )
    purpose = models.CharField(_("purpose"), max_length=40)
    given_at = models.DateTimeField(_("given at"), auto_now_add=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-given_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "purpose"],
                condition=Q(withdrawn_at__isnull=True),
                name="dataprotection_one_open_consent",
            )
        ]

    @property
    def purpose_label(self) -> str:
        return str(CONSENT_PURPOSES.get(self.purpose, self.purpose))
