"""Writes for volunteers' accounts.

The forms check input for people; these services check it again (model
``full_clean``: region codes, unique phone and e-mail) so that imports and
scripts cannot create an account the site would refuse.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from . import regions
from .models import TrainerScope, VolunteerProfile, normalize_phone
from .roles import VOLUNTEER

User = get_user_model()

_USER_FIELDS = ("first_name", "last_name", "phone", "email")
_PROFILE_FIELDS = (
    "province_code",
    "district_code",
    "subdistrict_code",
    "village",
    "organisation",
)


def _normalise(fields: dict) -> dict:
    out = {name: (value or "").strip() for name, value in fields.items()}
    if "phone" in out:
        out["phone"] = normalize_phone(out["phone"])
    if "email" in out:
        out["email"] = out["email"].lower()
    return out


@transaction.atomic
def volunteer_register(
    *,
    first_name: str,
    last_name: str,
    phone: str,
    email: str,
    password: str,
    province_code: str,
    district_code: str,
    subdistrict_code: str,
    village: str = "",
    organisation: str = "",
) -> User:
    """Create a volunteer's account, profile and Volunteer role.

    The phone number (else the e-mail address) becomes the username, so
    Wagtail's admin shows something a trainer recognises.
    Raises ``ValidationError`` for bad region codes or a taken phone/e-mail.
    """
    data = _normalise(
        {
            "first_name": first_name,
            "last_name": last_name,
            "phone": phone,
            "email": email,
            "province_code": province_code,
            "district_code": district_code,
            "subdistrict_code": subdistrict_code,
            "village": village,
            "organisation": organisation,
        }
    )
    user = User(
        username=data["phone"] or data["email"], **{k: data[k] for k in _USER_FIELDS}
    )
    user.set_password(password)
    user.full_clean()
    user.save()
    profile = VolunteerProfile(user=user, **{k: data[k] for k in _PROFILE_FIELDS})
    profile.full_clean()
    profile.save()
    user.groups.add(Group.objects.get_or_create(name=VOLUNTEER)[0])
    return user


@transaction.atomic
def profile_update(*, user: User, **fields) -> User:
    """Correct a person's own details (any of the user and profile fields).

    When the username is the old phone or e-mail, it follows the new one, so
    the old number does not keep signing in and can be registered again.
    """
    unknown = set(fields) - set(_USER_FIELDS) - set(_PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"profile_update() got unexpected fields: {sorted(unknown)}")
    data = _normalise(fields)
    old_logins = {user.phone, user.email.lower()} - {""}
    for name in _USER_FIELDS:
        if name in data:
            setattr(user, name, data[name])
    if user.username in old_logins and (user.phone or user.email):
        user.username = user.phone or user.email
    user.full_clean(exclude=["password"])
    user.save()
    profile = VolunteerProfile.objects.filter(user=user).first() or VolunteerProfile(
        user=user
    )
    for name in _PROFILE_FIELDS:
        if name in data:
            setattr(profile, name, data[name])
    profile.full_clean()
    profile.save()
    return user


@transaction.atomic
def trainer_scope_set(*, user, province_codes) -> None:
    """Make ``user``'s scope exactly ``province_codes`` (unknown codes are refused)."""
    wanted = {code for code in province_codes if code}
    unknown = sorted(code for code in wanted if not regions.is_valid_region(code))
    if unknown:
        raise ValidationError(
            _("Unknown province: %(codes)s") % {"codes": ", ".join(unknown)}
        )
    TrainerScope.objects.filter(user=user).exclude(province_code__in=wanted).delete()
    have = set(
        TrainerScope.objects.filter(user=user).values_list("province_code", flat=True)
    )
    TrainerScope.objects.bulk_create(
        [TrainerScope(user=user, province_code=code) for code in sorted(wanted - have)]
    )
