"""Reads for volunteers' accounts."""

from django.contrib.auth import get_user_model
from django.db.models import Q

from .models import TrainerScope, VolunteerProfile
from .roles import ADMINISTRATOR, TRAINER, role_of

User = get_user_model()


def login_taken(value: str, *, exclude_user=None) -> bool:
    """True when another account signs in with ``value`` (phone, e-mail or username).

    The username is checked too: a volunteer's username is their first phone
    or e-mail, and the sign-in backend accepts usernames.
    """
    if not value:
        return False
    query = Q(username__iexact=value)
    query |= Q(email__iexact=value) if "@" in value else Q(phone=value)
    users = User.objects.filter(query)
    if exclude_user is not None:
        users = users.exclude(pk=exclude_user.pk)
    return users.exists()


def profile_of(user) -> VolunteerProfile | None:
    return VolunteerProfile.objects.filter(user=user).first()


def profile_initial(user) -> dict:
    """The profile form's starting values for ``user`` (and nobody else)."""
    initial = {
        "first_name": user.first_name,
        "last_name": user.last_name,
        "phone": user.phone,
        "email": user.email,
    }
    profile = profile_of(user)
    if profile is not None:
        initial.update(
            province_code=profile.province_code,
            district_code=profile.district_code,
            subdistrict_code=profile.subdistrict_code,
            village=profile.village,
            organisation=profile.organisation,
        )
    return initial


def scoped_provinces(user) -> set[str] | None:
    """The provinces whose volunteers ``user`` may see; ``None`` means all.

    Administrators (and superusers) see the whole country. Trainers see the
    provinces in their scope, and nothing if none was given yet: a trainer
    must be assigned provinces by an administrator. Anyone else sees nothing.
    """
    role = role_of(user)
    if role == ADMINISTRATOR:
        return None
    if role != TRAINER:
        return set()
    return set(
        TrainerScope.objects.filter(user=user).values_list("province_code", flat=True)
    )


def scope_filter(scope: set[str] | None, *, prefix: str = "user__") -> Q:
    """A ``Q`` limiting rows to volunteers in ``scope`` (``None``: no limit).

    ``prefix`` is the lookup path from the queried model to the user.
    """
    if scope is None:
        return Q()
    return Q(**{f"{prefix}profile__province_code__in": sorted(scope)})
