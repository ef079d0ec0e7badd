from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from . import ceiling, regions


def normalize_phone(value: str) -> str:
    """Keep digits only and turn +66 into a leading 0: '+66 81-234-5678' -> '0812345678'."""
    digits = "".join(ch for ch in (value or "") if ch.isdigit())
    if digits.startswith("660") and len(digits) == 12:  # "+66 081…" written with both
        digits = digits[2:]
    elif digits.startswith("66") and len(digits) == 11:
        digits = "0" + digits[2:]
    return digits


class User(AbstractUser):
    """One account for volunteers, trainers and administrators.

    Volunteers sign in with a phone number or an e-mail address, so both are
    unique when present (e-mail case-insensitively). ``username`` stays the
    internal login key Wagtail's admin expects.
    """

    phone = models.CharField(_("phone"), max_length=20, blank=True, default="")

    objects = UserManager()

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(
                fields=["phone"],
                condition=~Q(phone=""),
                name="accounts_user_unique_phone",
            ),
            models.UniqueConstraint(
                Lower("email"),
                condition=~Q(email=""),
                name="accounts_user_unique_email_ci",
            ),
        ]

    def clean(self):
        super().clean()
        self.phone = normalize_phone(self.phone)
        self.email = (self.email or "").strip().lower()

    # A new password ends every credential issued under the old one. Browser
    # sessions end by themselves (their hash is derived from the password;
    # Django's password-change view keeps the session that changed it). API
    # tokens do not, so saving a new password revokes them here, whichever
    # path set it: the change and reset views, a code sent by SMS, the admin,
    # ``changepassword``, or ``user.set_password(...); user.save()`` in code.
    # A hash upgrade on sign-in is not a new password (Django clears
    # ``_password`` for it) and revokes nothing.
    _password_disabled = False

    def set_unusable_password(self):
        super().set_unusable_password()
        self._password_disabled = True

    def save(self, *args, **kwargs):
        password_changed = not self._state.adding and (
            self._password is not None or self._password_disabled
        )
        super().save(*args, **kwargs)
        self._password_disabled = False
        if password_changed:
            self.revoke_api_tokens()
            # Guesses at the old password no longer hold the account back.
            ceiling.forget(self.get_username())

    def revoke_api_tokens(self) -> int:
        """Revoke every active API token of this person (each logged in
        Wagtail's audit log); returns how many were revoked."""
        tokens = list(self.api_tokens.filter(revoked_at__isnull=True))
        now = timezone.now()
        for token in tokens:
            token.revoked_at = now
            token.save(update_fields=["revoked_at"])
            log(token, "wagtail.apitoken.revoke", user=self)
        return len(tokens)

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username


class VolunteerProfile(models.Model):
    """Where a person serves and how to reach them.

    Regions are stored as official DOPA codes (from ``geothai``), which reports
    group by; names are looked up in the active language when shown.
    """

    user = models.OneToOneField(
        User, on_delete=models.CASCADE, related_name="profile", verbose_name=_("user")
    )
    province_code = models.CharField(
        _("province"), max_length=2, blank=True, default="", db_index=True
    )
    district_code = models.CharField(
        _("district"), max_length=4, blank=True, default="", db_index=True
    )
    subdistrict_code = models.CharField(
        _("sub-district"), max_length=6, blank=True, default="", db_index=True
    )
    village = models.CharField(_("village"), max_length=200, blank=True, default="")
    organisation = models.CharField(
        _("organisation"), max_length=200, blank=True, default=""
    )

    class Meta:
        verbose_name = _("volunteer profile")
        verbose_name_plural = _("volunteer profiles")

    def __str__(self):
        return f"{self.user.display_name} ({self.province_name})"

    def clean(self):
        super().clean()
        if self.province_code and not regions.is_valid_region(
            self.province_code, self.district_code, self.subdistrict_code
        ):
            raise ValidationError(
                {
                    "district_code": _(
                        "The district or sub-district is not in the chosen province."
                    )
                }
            )

    @property
    def province_name(self) -> str:
        return regions.province_name(self.province_code)

    @property
    def district_name(self) -> str:
        return regions.district_name(self.district_code)

    @property
    def subdistrict_name(self) -> str:
        return regions.subdistrict_name(self.subdistrict_code)


class VolunteerImport(models.Model):
    """One confirmed upload of volunteers, kept for the audit log.

    The rows themselves are not stored (they are the people); this records who
    imported which file, when, and what it changed. It also carries the
    ``import_volunteers`` permission, which only administrators hold.
    """

    file_name = models.CharField(_("file"), max_length=255)
    created_by = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("imported by"),
    )
    created_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    total = models.PositiveIntegerField(_("rows"), default=0)
    created = models.PositiveIntegerField(_("new people"), default=0)
    updated = models.PositiveIntegerField(_("updated people"), default=0)
    roles_changed = models.PositiveIntegerField(_("roles changed"), default=0)
    evidence_recorded = models.PositiveIntegerField(
        _("recognised-level evidence"), default=0
    )

    class Meta:
        verbose_name = _("volunteer import")
        verbose_name_plural = _("volunteer imports")
        ordering = ["-created_at"]
        permissions = [("import_volunteers", _("Can import and export volunteers"))]

    def __str__(self):
        return (
            f"{self.file_name} ({timezone.localtime(self.created_at):%Y-%m-%d %H:%M})"
        )


class TrainerScope(models.Model):
    """One province a trainer serves.

    Trainers run their province: the learners, the marking queue and the
    reports they see are limited to volunteers whose profile lies in one of
    these provinces. Administrators are never scoped. A row per province
    (rather than a list in one field) lets the database filter with ``IN``.
    """

    user = models.ForeignKey(
        User,
        on_delete=models.CASCADE,
        related_name="trainer_scopes",
        verbose_name=_("trainer"),
    )
    province_code = models.CharField(_("province"), max_length=2)

    class Meta:
        verbose_name = _("trainer's province")
        verbose_name_plural = _("trainers' provinces")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "province_code"], name="accounts_trainerscope_unique"
            )
        ]

    def __str__(self):
        return f"{self.user.display_name}: {regions.province_name(self.province_code)}"


class PasswordResetCode(models.Model):
    """One request for a password-reset code by SMS.

    A row is written for every accepted request, for registered and unknown
    numbers alike (``user`` empty, no code sent), so the limits and the answers
    are the same either way and nobody learns which numbers have accounts.
    Only an HMAC of the code is stored.
    """

    phone = models.CharField(_("phone"), max_length=20, db_index=True)
    user = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("user"),
    )
    code_hash = models.CharField(max_length=64, blank=True, default="")
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    created_at = models.DateTimeField(_("requested at"), db_index=True)
    expires_at = models.DateTimeField(_("expires at"))
    guesses = models.PositiveSmallIntegerField(_("wrong guesses"), default=0)
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)

    class Meta:
        verbose_name = _("password reset code")
        verbose_name_plural = _("password reset codes")
        indexes = [models.Index(fields=["ip_address", "created_at"])]

    def __str__(self):
        return f"{self.phone} {self.created_at:%Y-%m-%d %H:%M}"
