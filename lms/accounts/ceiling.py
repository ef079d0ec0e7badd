"""A per-account ceiling on sign-in guesses, whatever the address.

django-axes locks an (account, address) pair after five failures, so a
stranger cannot lock a volunteer out, but many addresses still get many
guesses at one account. This counts every failure against the account
itself (from the site's form and the API alike). Once the count reaches
``LMS_LOGIN_ACCOUNT_CEILING`` within ``LMS_LOGIN_ACCOUNT_WINDOW`` seconds,
sign-in to that account is refused, for the rest of the window, from any
browser that has not signed in to it before; a browser that has (it carries a
signed "known device" cookie, the device-cookie scheme OWASP recommends)
signs in as usual. So the guessing stops, and the owner on their own phone
is never locked out by a stranger. A new password clears the count.
"""

import hashlib

from django.conf import settings
from django.core import signing
from django.core.cache import cache

DEVICE_COOKIE = "lms_known_device"
_DEVICE_SALT = "lms.accounts.ceiling.device"
_DEVICE_MAX_AGE = 365 * 24 * 3600
_DEVICE_ACCOUNTS = 10  # accounts one browser remembers (shared phones)


def _digest(account: str) -> str:
    return hashlib.sha256((account or "").strip().lower().encode()).hexdigest()[:32]


def _key(account: str) -> str:
    return f"accounts:login-failures:{_digest(account)}"


def ceiling() -> int:
    return int(getattr(settings, "LMS_LOGIN_ACCOUNT_CEILING", 20))


def window() -> int:
    return int(getattr(settings, "LMS_LOGIN_ACCOUNT_WINDOW", 15 * 60))


def count_failure(account: str) -> int:
    key = _key(account)
    cache.add(key, 0, timeout=window())
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window())
        return 1


def failures(account: str) -> int:
    return int(cache.get(_key(account), 0))


def forget(account: str) -> None:
    cache.delete(_key(account))


def _known(request) -> list[str]:
    try:
        value = request.get_signed_cookie(
            DEVICE_COOKIE, salt=_DEVICE_SALT, max_age=_DEVICE_MAX_AGE
        )
    except (KeyError, signing.BadSignature):
        return []
    return value.split(",") if value else []


def known_device(request, account: str) -> bool:
    return _digest(account) in _known(request)


def remember_device(request, response, account: str) -> None:
    """After a successful sign-in: this browser may sign in to the account
    even while the account's ceiling is reached."""
    digest = _digest(account)
    known = [d for d in _known(request) if d != digest]
    known = [digest, *known][:_DEVICE_ACCOUNTS]
    response.set_signed_cookie(
        DEVICE_COOKIE,
        ",".join(known),
        salt=_DEVICE_SALT,
        max_age=_DEVICE_MAX_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def refused(request, account: str) -> bool:
    """True when this sign-in attempt must wait: the account reached its
    ceiling and this browser has never signed in to it."""
    return failures(account) >= ceiling() and not known_device(request, account)
