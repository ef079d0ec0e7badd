"""Writes for API tokens: issued on sign-in, revoked by their owner.

Tokens are Wagtail's own ``APIToken`` (only an HMAC of each token is
stored; administrators list and revoke them under Settings → API tokens).
"""

from django.contrib.auth import authenticate
from django.core.cache import cache
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import APIToken

from lms.accounts.models import normalize_phone

from .core import ApiError

# Wrong current passwords per person before the check refuses for a while:
# a stolen token must not become a password-guessing oracle.
PASSWORD_CHECK_LIMIT = 5
PASSWORD_CHECK_WINDOW = 15 * 60  # seconds


@transaction.atomic
def api_token_sign_in(*, request, login: str, password: str, name: str):
    """Check a phone/e-mail and password with the site's own sign-in backend
    (the rules of the login form: active accounts only) and issue a token.

    Returns ``(token, plaintext)``, or None when the credentials are wrong.
    The plaintext exists only in this return value.
    """
    user = authenticate(request, username=login, password=password)
    if user is None:
        return None
    token, plaintext = APIToken.create_token(user=user, name=name.strip()[:255])
    log(token, "wagtail.apitoken.create", user=user)
    return token, plaintext


@transaction.atomic
def api_token_revoke(*, token: APIToken, by) -> APIToken:
    """Revoke a token (idempotent), recorded in Wagtail's audit log."""
    if token.revoked_at is None:
        token.revoke()
        log(token, "wagtail.apitoken.revoke", user=by)
    return token


def current_password_error(*, user, changes: dict, password: str | None) -> str:
    """Changing a sign-in name (phone or e-mail) through the API needs the
    current password; other details do not. Returns the message for a
    missing or wrong password ("" when it is fine); raises ``ApiError`` 429
    after too many wrong ones."""
    new_phone = changes.get("phone")
    new_email = changes.get("email")
    changes_login = (
        new_phone is not None and normalize_phone(new_phone) != user.phone
    ) or (new_email is not None and new_email.strip().lower() != user.email.lower())
    if not changes_login:
        return ""
    key = f"apiv1:password-check:{user.pk}"
    if cache.get(key, 0) >= PASSWORD_CHECK_LIMIT:
        raise ApiError(
            429, "rate_limited", _("Too many wrong passwords; wait 15 minutes.")
        )
    if not password:
        message = _("Enter your current password to change your phone or e-mail.")
    elif user.check_password(password):
        return ""
    else:
        cache.add(key, 0, timeout=PASSWORD_CHECK_WINDOW)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=PASSWORD_CHECK_WINDOW)
        message = _("The current password is not right.")
    return message
