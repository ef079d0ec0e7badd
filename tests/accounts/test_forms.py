"""Sign-up and profile forms: names, phone/e-mail rules, regions, passwords."""

import pytest

from lms.accounts.forms import ProfileForm, SignupForm
from tests import factories

pytestmark = pytest.mark.django_db


def test_valid_signup_normalises_phone_and_email(signup_data):
    form = SignupForm({**signup_data, "email": " Somying@Example.ORG "})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["phone"] == "0815551234"
    assert form.cleaned_data["email"] == "somying@example.org"


@pytest.mark.parametrize(
    ("first", "last"),
    [
        ("สมหญิง", "รักเรียน"),
        ("ณัฐฐ์", "ศรีสุข-ใจดี"),
        ("Anna-Lena", "O'Brien"),
        ("กิ่งแก้ว", "ณ อยุธยา"),
    ],
)
def test_names_in_any_script_are_accepted(signup_data, first, last):
    form = SignupForm({**signup_data, "first_name": first, "last_name": last})
    assert form.is_valid(), form.errors


@pytest.mark.parametrize("name", ["สมหญิง2", "<b>", "1234", "-"])
def test_names_without_letters_or_with_digits_are_refused(signup_data, english, name):
    form = SignupForm({**signup_data, "first_name": name})
    assert not form.is_valid()
    assert "letters only" in " ".join(form.errors["first_name"])


def test_phone_or_email_is_required(signup_data, english):
    form = SignupForm({**signup_data, "phone": "", "email": ""})
    assert not form.is_valid()
    assert "phone number or an e-mail" in " ".join(form.non_field_errors())


def test_email_alone_is_enough(signup_data):
    form = SignupForm({**signup_data, "phone": "", "email": "somying@example.org"})
    assert form.is_valid(), form.errors


@pytest.mark.parametrize(
    "phone", ["12345", "0212345678", "081234567", "08123456789", "abc"]
)
def test_non_mobile_numbers_are_refused(signup_data, english, phone):
    form = SignupForm({**signup_data, "phone": phone})
    assert not form.is_valid()
    assert "Thai phone number" in " ".join(form.errors["phone"])


@pytest.mark.parametrize(
    "typed", ["0815551234", "081-555-1234", "+66815551234", "+66 (0)81 555 1234"]
)
def test_duplicate_phone_is_refused_in_any_format(signup_data, english, typed):
    factories.make_user(phone="0815551234")
    form = SignupForm({**signup_data, "phone": typed})
    assert not form.is_valid()
    assert "already registered" in " ".join(form.errors["phone"])


def test_duplicate_email_is_refused_case_insensitively(signup_data, english):
    factories.make_user(email="somying@example.org")
    form = SignupForm({**signup_data, "phone": "", "email": "SomYing@Example.org"})
    assert not form.is_valid()
    assert "already registered" in " ".join(form.errors["email"])


def test_a_phone_used_as_someones_username_is_taken(signup_data, english):
    factories.make_user(username="0815551234", phone="")
    form = SignupForm(signup_data)
    assert not form.is_valid()
    assert "already registered" in " ".join(form.errors["phone"])


def test_district_outside_the_province_is_refused(signup_data):
    # Bangkok's first district and sub-district, with Chiang Mai as province.
    form = SignupForm(
        {**signup_data, "district_code": "1001", "subdistrict_code": "100101"}
    )
    assert not form.is_valid()
    assert "district_code" in form.errors


def test_subdistrict_outside_the_district_is_refused(signup_data):
    form = SignupForm({**signup_data, "subdistrict_code": "500201"})
    assert not form.is_valid()
    assert "subdistrict_code" in form.errors


def test_region_lists_follow_the_submitted_province(signup_data):
    form = SignupForm({"province_code": "50", "district_code": "5001"})
    districts = dict(form.fields["district_code"].choices)
    subdistricts = dict(form.fields["subdistrict_code"].choices)
    assert "5001" in districts and "1001" not in districts
    assert "500101" in subdistricts and all(
        code == "" or code.startswith("5001") for code in subdistricts
    )


@pytest.mark.parametrize("password", ["12345678", "abc", "password"])
def test_weak_passwords_are_refused(signup_data, password):
    form = SignupForm({**signup_data, "password1": password, "password2": password})
    assert not form.is_valid()
    assert "password1" in form.errors


def test_password_similar_to_the_email_is_refused(signup_data):
    data = {**signup_data, "email": "somying.rakrian@example.org"}
    form = SignupForm(
        {**data, "password1": "somying.rakrian", "password2": "somying.rakrian"}
    )
    assert not form.is_valid()
    assert "password1" in form.errors


def test_passwords_must_match(signup_data, english):
    form = SignupForm({**signup_data, "password2": "something-else-2026"})
    assert not form.is_valid()
    assert "not the same" in " ".join(form.errors["password2"])


def test_profile_form_allows_keeping_ones_own_phone_and_email():
    me = factories.make_user(phone="0811111111", email="me@example.org")
    data = {
        "first_name": "มานี",
        "last_name": "มีนา",
        "phone": "081-111-1111",
        "email": "ME@example.org",
        "province_code": "50",
        "district_code": "5001",
        "subdistrict_code": "500101",
    }
    assert ProfileForm(data, user=me).is_valid()
    other = factories.make_user(phone="0822222222")
    assert not ProfileForm(data, user=other).is_valid()
