"""Volunteers' accounts: sign up, sign in and out, password reset, profile, regions."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from lms.accounts.models import User, VolunteerProfile
from tests import factories

SIGNUP = {
    "first_name": "สมหญิง",
    "last_name": "รักเรียน",
    "phone": "+66 81-555-1234",
    "email": "",
    "province_code": "50",
    "district_code": "5001",
    "subdistrict_code": "500101",
    "village": "บ้านสันทราย",
    "organisation": "",
    "password1": "ข้าวเหนียว-มะม่วง-2026",
    "password2": "ข้าวเหนียว-มะม่วง-2026",
}


@pytest.fixture
def english():
    with translation.override("en"):
        yield


class TestSignup:
    def test_creates_a_volunteer_signed_in(self, client, home_page, roles):
        response = client.post(reverse("accounts:signup"), SIGNUP)
        assert response.status_code == 302, (
            response.context["form"].errors if response.context else ""
        )
        user = User.objects.get(phone="0815551234")
        assert user.username == "0815551234"
        assert user.groups.filter(name="Volunteer").exists()
        profile = VolunteerProfile.objects.get(user=user)
        assert (
            profile.province_code,
            profile.district_code,
            profile.subdistrict_code,
        ) == ("50", "5001", "500101")
        assert client.get(reverse("courses:dashboard")).status_code == 200

    @pytest.mark.parametrize(
        ("change", "field", "message"),
        [
            ({"phone": "", "email": ""}, "__all__", "phone number or an e-mail"),
            ({"phone": "12345"}, "phone", "Thai phone number"),
            (
                {"district_code": "1001", "subdistrict_code": "100101"},
                "district_code",
                "",
            ),
            ({"password2": "something-else-2026"}, "password2", "not the same"),
            ({"password1": "12345678", "password2": "12345678"}, "password1", ""),
            ({"email": "not-an-email"}, "email", ""),
        ],
    )
    def test_bad_input_is_refused(self, client, db, english, change, field, message):
        response = client.post(reverse("accounts:signup"), {**SIGNUP, **change})
        assert response.status_code == 200
        errors = response.context["form"].errors
        assert field in errors, errors
        assert message in " ".join(errors[field])
        assert not User.objects.exists()

    def test_duplicate_phone_in_any_format_is_refused(self, client, db, english):
        factories.make_user(phone="0815551234")
        response = client.post(reverse("accounts:signup"), SIGNUP)
        assert "already registered" in " ".join(
            response.context["form"].errors["phone"]
        )

    def test_duplicate_email_is_refused_case_insensitively(self, client, db, english):
        factories.make_user(email="somying@example.org")
        response = client.post(
            reverse("accounts:signup"),
            {**SIGNUP, "phone": "", "email": "SomYing@Example.org"},
        )
        assert "already registered" in " ".join(
            response.context["form"].errors["email"]
        )

    def test_errors_are_thai_by_default(self, client, db):
        response = client.post(
            "/th/accounts/signup/", {**SIGNUP, "phone": "", "email": ""}
        )
        assert "หมายเลขโทรศัพท์" in response.content.decode()


class TestRegions:
    def test_districts_of_a_province_in_thai_and_english(self, client, db):
        th = client.get("/th/accounts/regions/", {"province": "50"}).json()["options"]
        en = client.get("/en/accounts/regions/", {"province": "50"}).json()["options"]
        codes = {o["code"] for o in th}
        assert "5001" in codes and all(code.startswith("50") for code in codes)
        assert {o["code"]: o["name"] for o in th}["5001"] == "เมืองเชียงใหม่"
        assert {o["code"]: o["name"] for o in en}["5001"] == "Mueang Chiang Mai"

    def test_subdistricts_and_unknown_codes(self, client, db):
        options = client.get("/th/accounts/regions/", {"district": "5001"}).json()[
            "options"
        ]
        assert "500101" in {o["code"] for o in options}
        assert client.get("/th/accounts/regions/", {"province": "99"}).json() == {
            "options": []
        }

    def test_without_js_the_form_refreshes_with_districts(self, client, db):
        response = client.post(
            "/th/accounts/signup/", {"province_code": "50", "refresh": "1"}
        )
        html = response.content.decode()
        assert 'value="5001"' in html
        assert not User.objects.exists()


class TestSignIn:
    def test_with_phone_or_email(self, client, db):
        factories.make_user(
            phone="0815551234", email="a@example.org", password="pass-1234-word"
        )
        assert client.login(username="081-555-1234", password="pass-1234-word")
        client.logout()
        assert client.login(username="A@Example.org", password="pass-1234-word")

    def test_login_page_signs_in_and_follows_a_safe_next(self, client, db):
        factories.make_user(phone="0815551234", password="pass-1234-word")
        response = client.post(
            "/th/accounts/login/?next=/th/learn/",
            {"username": "0815551234", "password": "pass-1234-word"},
        )
        assert response["Location"] == "/th/learn/"

    def test_open_redirect_is_refused(self, client, db):
        factories.make_user(phone="0815551234", password="pass-1234-word")
        response = client.post(
            "/th/accounts/login/",
            {
                "username": "0815551234",
                "password": "pass-1234-word",
                "next": "https://evil.example/",
            },
        )
        assert response.status_code == 302
        assert "evil.example" not in response["Location"]

    def test_logout_is_post_only(self, client, db):
        client.force_login(factories.make_user())
        assert client.get("/th/accounts/logout/").status_code == 405
        assert client.post("/th/accounts/logout/").status_code == 302
        assert "_auth_user_id" not in client.session

    def test_password_reset_sends_a_mail(self, client, db):
        factories.make_user(email="reset@example.org")
        response = client.post(
            "/th/accounts/password/reset/", {"email": "reset@example.org"}
        )
        assert response.status_code == 302
        assert len(mail.outbox) == 1
        assert "/accounts/password/reset/" in mail.outbox[0].body


class TestProfile:
    def test_requires_login(self, client, db):
        response = client.get("/th/accounts/profile/")
        assert (
            response.status_code == 302 and "/accounts/login/" in response["Location"]
        )

    def test_shows_and_updates_only_own_details(self, client, db):
        me = factories.make_user(first_name="มานี", phone="0811111111")
        factories.make_user(first_name="ชูใจ", phone="0822222222")
        client.force_login(me)
        html = client.get("/th/accounts/profile/").content.decode()
        assert "มานี" in html and "ชูใจ" not in html and "0822222222" not in html
        data = {
            "first_name": "มานี",
            "last_name": "มีนา",
            "phone": "0811111111",
            "email": me.email,
            "province_code": "10",
            "district_code": "1001",
            "subdistrict_code": "100101",
            "village": "",
            "organisation": "สำนักงานสถิติ",
        }
        assert client.post("/th/accounts/profile/", data).status_code == 302
        me.refresh_from_db()
        assert me.last_name == "มีนา" and me.profile.province_code == "10"

    def test_cannot_take_someone_elses_phone(self, client, db, english):
        me = factories.make_user(phone="0811111111")
        factories.make_user(phone="0822222222")
        client.force_login(me)
        response = client.post(
            "/en/accounts/profile/",
            {
                "first_name": "a",
                "last_name": "b",
                "phone": "0822222222",
                "province_code": "50",
                "district_code": "5001",
                "subdistrict_code": "500101",
            },
        )
        assert "already registered" in " ".join(
            response.context["form"].errors["phone"]
        )
        me.refresh_from_db()
        assert me.phone == "0811111111"
