"""Sign-up attempts per client address.

Sign-up says when a phone number or e-mail is already registered (a
volunteer who forgot they have an account needs to know). So that the
answer cannot be used to test a list of numbers, each address gets
``LMS_SIGNUP_TAKEN_LIMIT`` such answers per ``LMS_SIGNUP_WINDOW`` seconds;
after that every sign-up from the address is refused until the window ends.
Sign-ups that succeed or fail for other reasons do not count, so a training
room sharing one connection can still register everyone.
"""

from django.conf import settings
from django.core.cache import cache

from lms.clientip import client_ip


def _key(request) -> str:
    return f"accounts:signup-taken:{client_ip(request)}"


def signup_limit() -> int:
    return int(getattr(settings, "LMS_SIGNUP_TAKEN_LIMIT", 10))


def signup_window() -> int:
    return int(getattr(settings, "LMS_SIGNUP_WINDOW", 3600))


def signup_refused(request) -> bool:
    return int(cache.get(_key(request), 0)) >= signup_limit()


def count_signup_taken(request) -> None:
    key = _key(request)
    cache.add(key, 0, timeout=signup_window())
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=signup_window())
