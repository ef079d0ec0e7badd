"""volunteer_register and profile_update: the writes, checked again below the forms."""

import pytest
from django.core.exceptions import ValidationError

from lms.accounts import services
from lms.accounts.models import User, VolunteerProfile
from tests import factories

pytestmark = pytest.mark.django_db

REGISTRATION = {
    "first_name": " มานี ",
    "last_name": "มีนา",
    "phone": "+66 81-555-1234",
    "email": "Manee@Example.org",
    "password": "ข้าวเหนียว-มะม่วง-2026",
    "province_code": "50",
    "district_code": "5001",
    "subdistrict_code": "500101",
    "village": "บ้านสันทราย",
    "organisation": "กศน. อำเภอเมือง",
}


def test_register_creates_user_profile_and_volunteer_role():
    user = services.volunteer_register(**REGISTRATION)
    user.refresh_from_db()
    assert (user.username, user.phone, user.email) == (
        "0815551234",
        "0815551234",
        "manee@example.org",
    )
    assert user.first_name == "มานี"
    assert user.check_password(REGISTRATION["password"])
    assert list(user.groups.values_list("name", flat=True)) == ["Volunteer"]
    profile = VolunteerProfile.objects.get(user=user)
    assert (profile.province_code, profile.district_code, profile.subdistrict_code) == (
        "50",
        "5001",
        "500101",
    )
    assert profile.province_name == "เชียงใหม่"
    assert profile.organisation == "กศน. อำเภอเมือง"


def test_register_with_email_only_uses_it_as_username():
    user = services.volunteer_register(**{**REGISTRATION, "phone": ""})
    assert user.username == "manee@example.org"
    assert user.phone == ""


def test_register_refuses_a_district_outside_the_province_and_saves_nothing():
    with pytest.raises(ValidationError):
        services.volunteer_register(
            **{**REGISTRATION, "district_code": "1001", "subdistrict_code": "100101"}
        )
    assert not User.objects.exists()
    assert not VolunteerProfile.objects.exists()


def test_register_refuses_a_phone_already_in_use():
    factories.make_user(phone="0815551234")
    with pytest.raises(ValidationError):
        services.volunteer_register(**{**REGISTRATION, "email": ""})
    assert User.objects.count() == 1


def test_profile_update_changes_user_and_profile():
    user = services.volunteer_register(**REGISTRATION)
    services.profile_update(
        user=user,
        last_name="ใจดี",
        province_code="10",
        district_code="1001",
        subdistrict_code="100101",
        village="",
    )
    user.refresh_from_db()
    assert user.last_name == "ใจดี"
    assert (user.profile.province_code, user.profile.district_code) == ("10", "1001")
    assert user.profile.village == ""
    assert user.profile.organisation == "กศน. อำเภอเมือง"  # not given: unchanged


def test_new_phone_becomes_the_login_and_frees_the_old_one():
    user = services.volunteer_register(**REGISTRATION)
    services.profile_update(user=user, phone="089-999-0000")
    user.refresh_from_db()
    assert (user.username, user.phone) == ("0899990000", "0899990000")
    # Someone else may now register the old number.
    other = services.volunteer_register(**{**REGISTRATION, "email": ""})
    assert other.username == "0815551234"


def test_a_chosen_username_is_kept_when_the_phone_changes():
    user = factories.make_user(username="trainer", phone="0810000002")
    services.profile_update(user=user, phone="0810000009")
    user.refresh_from_db()
    assert (user.username, user.phone) == ("trainer", "0810000009")


def test_profile_update_creates_a_missing_profile():
    user = factories.make_user(profile=False)
    services.profile_update(
        user=user, province_code="50", district_code="5001", subdistrict_code="500101"
    )
    assert VolunteerProfile.objects.get(user=user).district_code == "5001"


def test_profile_update_refuses_unknown_fields():
    user = factories.make_user()
    with pytest.raises(TypeError):
        services.profile_update(user=user, is_superuser=True)
    user.refresh_from_db()
    assert not user.is_superuser
