from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db.models import Q

from . import ceiling
from .models import normalize_phone


def find_user(login: str):
    """The account a sign-in name (username, e-mail or phone) points to, or None."""
    User = get_user_model()
    login = (login or "").strip()
    if not login:
        return None
    query = Q(username=login)
    if "@" in login:
        query |= Q(email__iexact=login)
    else:
        phone = normalize_phone(login)
        if len(phone) >= 9:
            query |= Q(phone=phone)
    return User.objects.filter(query).order_by("pk").first()


def throttle_key(request, credentials=None) -> str:
    """What django-axes counts failures against (``AXES_USERNAME_CALLABLE``).

    A person can sign in with a phone, an e-mail or a username; all three
    count against the same account, so switching forms does not buy more
    guesses, and a success under any form clears them. Unknown names count
    under their normalised text."""
    if credentials:
        login = credentials.get("username") or ""
    else:
        login = getattr(request, "POST", {}).get("username", "")
    user = find_user(login)
    return user.get_username() if user else (login or "").strip().lower()


class PhoneOrEmailBackend(ModelBackend):
    """Sign in with a username, an e-mail address or a phone number."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        User = get_user_model()
        if username is None:
            username = kwargs.get(User.USERNAME_FIELD)
        if not username or password is None:
            return None
        user = find_user(username)
        if user is None:
            # Run the hasher anyway so timing does not reveal unknown logins.
            User().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None


def count_failed_sign_in(sender, credentials, request=None, **kwargs):
    """``user_login_failed``: one more failure against the account (site and
    API alike), for the per-account ceiling (``ceiling.py``)."""
    ceiling.count_failure(throttle_key(request, credentials))
