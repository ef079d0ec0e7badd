"""Writes for API tokens: issued on sign-in, revoked by their owner.

Tokens are Wagtail's own ``APIToken`` (only an HMAC of each token is
stored; administrators list and revoke them under Settings → API tokens).
"""

from django.contrib.auth import authenticate
from django.db import transaction
from wagtail.log_actions import log
from wagtail.models import APIToken


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
