"""Password reset by a one-time code sent by SMS (writes).

Most volunteers have a phone number and no e-mail address. The rules:

- a code is 6 digits from ``secrets``, stored only as an HMAC;
- it expires after ``CODE_LIFETIME`` (10 minutes) and is used once;
- ``MAX_GUESSES`` (5) wrong guesses end it;
- at most ``CODES_PER_NUMBER`` (3) codes per number and ``CODES_PER_ADDRESS``
  (10) per client address in ``WINDOW`` (an hour);
- an unknown number gets exactly the same answers and limits (a row without
  a user and without a code), so the form reveals nothing about accounts;
- a new code ends the number's older ones.

Setting the new password goes through ``user.set_password(); user.save()``,
which changes the session hash: every other session of the person ends on
its next request (Django checks the hash), and the model-level hook revokes
the person's API tokens.
"""

import secrets
from dataclasses import dataclass
from datetime import timedelta

from axes.utils import reset as axes_reset
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from . import sms
from .backends import throttle_key
from .models import PasswordResetCode

User = get_user_model()

CODE_LIFETIME = timedelta(minutes=10)
WINDOW = timedelta(hours=1)
MAX_GUESSES = 5
CODES_PER_NUMBER = 3
CODES_PER_ADDRESS = 10
_HMAC_SALT = "lms.accounts.recovery.code"


class RecoveryError(Exception):
    """A refusal to show the person (already translated)."""


@dataclass(frozen=True)
class CodeCheck:
    user: User | None  # set when the code was right
    error: str = ""


def _hash(row_id: int, code: str) -> str:
    return salted_hmac(_HMAC_SALT, f"{row_id}:{code}", algorithm="sha256").hexdigest()


def _account_for(phone: str) -> User | None:
    return (
        User.objects.filter(phone=phone, is_active=True).order_by("pk").first()
        if phone
        else None
    )


@transaction.atomic
def reset_code_request(*, phone: str, ip_address: str | None) -> None:
    """Send a code to ``phone`` if it belongs to an active account.

    Raises ``RecoveryError`` when a limit is reached or the SMS could not be
    sent; returns the same (nothing) for known and unknown numbers.
    """
    now = timezone.now()
    since = now - WINDOW
    # Old rows are only needed for an hour's counting.
    PasswordResetCode.objects.filter(created_at__lt=now - timedelta(days=1)).delete()
    if (
        PasswordResetCode.objects.filter(phone=phone, created_at__gte=since).count()
        >= CODES_PER_NUMBER
    ):
        raise RecoveryError(
            _(
                "Three codes were already sent to this number in the last hour. "
                "Use the latest one, or wait an hour and ask again."
            )
        )
    if (
        ip_address
        and PasswordResetCode.objects.filter(
            ip_address=ip_address, created_at__gte=since
        ).count()
        >= CODES_PER_ADDRESS
    ):
        raise RecoveryError(
            _("Too many codes were asked for from this device. Wait an hour.")
        )
    PasswordResetCode.objects.filter(
        phone=phone, used_at__isnull=True, expires_at__gt=now
    ).update(expires_at=now)
    user = _account_for(phone)
    row = PasswordResetCode.objects.create(
        phone=phone,
        user=user,
        ip_address=ip_address or None,
        created_at=now,
        expires_at=now + CODE_LIFETIME,
    )
    if user is None:
        return
    code = f"{secrets.randbelow(10**6):06d}"
    row.code_hash = _hash(row.pk, code)
    row.save(update_fields=["code_hash"])
    text = _(
        "Digital Volunteer Learning: your code to reset your password is "
        "%(code)s. It works for 10 minutes. Never tell it to anyone."
    ) % {"code": code}
    try:
        sms.send_sms(to=phone, text=text)
    except sms.SmsError as err:
        raise RecoveryError(
            _(
                "The text message could not be sent just now. Try again in a few minutes."
            )
        ) from err


@transaction.atomic
def reset_code_check(*, phone: str, code: str) -> CodeCheck:
    """Check a typed code against the number's latest code (used up if right)."""
    now = timezone.now()
    row = (
        PasswordResetCode.objects.select_for_update()
        .filter(phone=phone, used_at__isnull=True)
        .order_by("-created_at", "-pk")
        .first()
    )
    if row is None or row.expires_at <= now:
        return CodeCheck(
            user=None, error=_("This code has expired. Ask for a new code.")
        )
    if row.guesses >= MAX_GUESSES:
        return CodeCheck(
            user=None,
            error=_("Too many wrong codes. Ask for a new code."),
        )
    code = "".join(ch for ch in (code or "") if ch.isdigit())
    if (
        row.user_id is not None
        and row.code_hash
        and constant_time_compare(row.code_hash, _hash(row.pk, code))
    ):
        row.used_at = now
        row.save(update_fields=["used_at"])
        return CodeCheck(user=row.user)
    row.guesses += 1
    row.save(update_fields=["guesses"])
    left = MAX_GUESSES - row.guesses
    if left <= 0:
        return CodeCheck(
            user=None, error=_("Too many wrong codes. Ask for a new code.")
        )
    return CodeCheck(
        user=None,
        error=_("That code is not right. %(left)s tries left.") % {"left": left},
    )


@transaction.atomic
def password_reset_set(*, user: User, password: str) -> None:
    """Give ``user`` a new password after a reset (by SMS code or e-mail link).

    ``set_password`` + ``save`` changes the session hash, so every other
    session ends; the model-level hook revokes API tokens. The person's
    sign-in lock-out (django-axes) is lifted, and any unused codes end.
    """
    user.set_password(password)
    user.save()
    PasswordResetCode.objects.filter(user=user, used_at__isnull=True).update(
        used_at=timezone.now()
    )
    lift_lockout(user=user)


def lift_lockout(*, user: User) -> None:
    """Forget failed sign-ins of ``user`` (any address): they proved who they are."""
    axes_reset(username=throttle_key(None, {"username": user.get_username()}))
