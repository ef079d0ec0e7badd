from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db.models import Q

from .models import normalize_phone


class PhoneOrEmailBackend(ModelBackend):
    """Sign in with a username, an e-mail address or a phone number."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        User = get_user_model()
        if username is None:
            username = kwargs.get(User.USERNAME_FIELD)
        if not username or password is None:
            return None
        login = username.strip()
        query = Q(username=login)
        if "@" in login:
            query |= Q(email__iexact=login)
        else:
            phone = normalize_phone(login)
            if len(phone) >= 9:
                query |= Q(phone=phone)
        user = User.objects.filter(query).order_by("pk").first()
        if user is None:
            # Run the hasher anyway so timing does not reveal unknown logins.
            User().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
