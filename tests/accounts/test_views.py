"""The account pages: sign up, sign in/out, password reset and change, profile."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from lms.accounts.models import User
from tests import factories

pytestmark = pytest.mark.django_db

PASSWORD = "pass-1234-word"


class TestSignupPage:
    def test_is_phone_first(self, client):
        html = client.get("/th/accounts/signup/").content.decode()
        assert re.search(
            r'<input[^>]*type="tel"[^>]*name="phone"|<input[^>]*name="phone"[^>]*type="tel"',
            html,
        )
        assert 'inputmode="tel"' in html
        for token in ("given-name", "family-name", "tel", "email", "new-password"):
            assert f'autocomplete="{token}"' in html
        assert 'data-regions-url="/th/accounts/regions/"' in html
        assert "js/regions.js" in html
        # Labels are translated: Thai first.
        assert "จังหวัด" in html

    def test_signup_signs_in_and_lands_on_the_dashboard(
        self, client, home_page, roles, signup_data
    ):
        response = client.post("/th/accounts/signup/", signup_data)
        assert response.status_code == 302
        assert response["Location"] == reverse("courses:dashboard")
        user = User.objects.get(phone="0815551234")
        assert client.session["_auth_user_id"] == str(user.pk)
        assert user.groups.filter(name="Volunteer").exists()

    def test_a_safe_next_is_followed(self, client, db, signup_data):
        response = client.post(
            "/th/accounts/signup/", {**signup_data, "next": "/th/learn/"}
        )
        assert response["Location"] == "/th/learn/"

    def test_an_offsite_next_is_ignored(self, client, db, signup_data):
        response = client.post(
            "/th/accounts/signup/", {**signup_data, "next": "https://evil.example/x"}
        )
        assert response.status_code == 302
        assert "evil.example" not in response["Location"]

    def test_errors_are_shown_next_to_fields_in_thai(self, client, db, signup_data):
        factories.make_user(phone="0815551234")
        response = client.post("/th/accounts/signup/", signup_data)
        assert response.status_code == 200
        html = response.content.decode()
        assert 'id="id_phone_errors"' in html
        errors = re.search(r'id="id_phone_errors"[^>]*>(.*?)</ul>', html, re.S).group(1)
        assert "หมายเลขโทรศัพท์นี้ลงทะเบียนไว้แล้ว" in errors
        assert User.objects.count() == 1

    def test_without_javascript_refresh_fills_the_lists_and_saves_nothing(
        self, client, db
    ):
        response = client.post(
            "/th/accounts/signup/",
            {
                "first_name": "สมหญิง",
                "province_code": "50",
                "district_code": "5001",
                "refresh": "1",
            },
        )
        html = response.content.decode()
        assert response.status_code == 200
        assert '<option value="5001" selected>' in html
        assert 'value="500101"' in html
        assert 'value="สมหญิง"' in html
        assert "errorlist" not in html  # nothing was submitted yet
        assert not User.objects.exists()

    def test_signed_in_people_are_sent_on(self, client, db):
        client.force_login(factories.make_user())
        response = client.get("/th/accounts/signup/")
        assert response.status_code == 302
        assert response["Location"] == reverse("courses:dashboard")


class TestSignIn:
    @pytest.mark.parametrize(
        "login",
        ["0815551234", "081-555-1234", "+66 81 555 1234", "Somchai@Example.org"],
    )
    def test_with_phone_or_email(self, client, db, login):
        user = factories.make_user(
            phone="0815551234", email="somchai@example.org", password=PASSWORD
        )
        response = client.post(
            "/th/accounts/login/", {"username": login, "password": PASSWORD}
        )
        assert response.status_code == 302
        assert response["Location"] == reverse("courses:dashboard")
        assert client.session["_auth_user_id"] == str(user.pk)

    def test_wrong_password_is_refused_with_a_message(self, client, db, english):
        factories.make_user(phone="0815551234", password=PASSWORD)
        response = client.post(
            "/en/accounts/login/", {"username": "0815551234", "password": "wrong"}
        )
        assert response.status_code == 200
        assert "is not right" in response.content.decode()
        assert "_auth_user_id" not in client.session

    def test_inactive_accounts_cannot_sign_in(self, client, db):
        factories.make_user(phone="0815551234", password=PASSWORD, is_active=False)
        client.post(
            "/th/accounts/login/", {"username": "0815551234", "password": PASSWORD}
        )
        assert "_auth_user_id" not in client.session

    def test_a_safe_next_is_followed(self, client, db):
        factories.make_user(phone="0815551234", password=PASSWORD)
        response = client.post(
            "/th/accounts/login/?next=/th/accounts/profile/",
            {"username": "0815551234", "password": PASSWORD},
        )
        assert response["Location"] == "/th/accounts/profile/"

    @pytest.mark.parametrize(
        "evil", ["https://evil.example", "//evil.example/", "https:///evil.example"]
    )
    def test_open_redirect_is_refused(self, client, db, evil):
        factories.make_user(phone="0815551234", password=PASSWORD)
        response = client.post(
            "/th/accounts/login/",
            {"username": "0815551234", "password": PASSWORD, "next": evil},
        )
        assert response.status_code == 302
        assert "evil.example" not in response["Location"]
        assert response["Location"] == reverse("courses:dashboard")

    def test_login_page_carries_next_in_the_form(self, client, db):
        html = client.get("/th/accounts/login/?next=/th/learn/").content.decode()
        assert 'name="next" value="/th/learn/"' in html
        assert 'autocomplete="username"' in html


class TestSignOut:
    def test_is_post_only(self, client, db):
        client.force_login(factories.make_user())
        assert client.get("/th/accounts/logout/").status_code == 405
        assert "_auth_user_id" in client.session
        response = client.post("/th/accounts/logout/")
        assert response.status_code == 302
        assert "_auth_user_id" not in client.session


class TestPasswordReset:
    def test_sends_a_working_link(self, client, db):
        user = factories.make_user(email="reset@example.org", password=PASSWORD)
        response = client.post(
            "/th/accounts/password/reset/", {"login": "Reset@Example.org"}
        )
        assert response["Location"] == reverse("accounts:password_reset_done")
        assert len(mail.outbox) == 1
        assert mail.outbox[0].to == ["reset@example.org"]
        link = re.search(r"https?://[^/\s]+(/\S+)", mail.outbox[0].body).group(1)
        # The token URL redirects to a session-bound "set-password" URL.
        form_url = client.get(link)["Location"]
        response = client.post(
            form_url,
            {"new_password1": "ใหม่-เอี่ยม-2026-x", "new_password2": "ใหม่-เอี่ยม-2026-x"},
        )
        assert response["Location"] == reverse("accounts:password_reset_complete")
        user.refresh_from_db()
        assert user.check_password("ใหม่-เอี่ยม-2026-x")

    def test_unknown_address_sends_nothing_but_looks_the_same(self, client, db):
        response = client.post(
            "/th/accounts/password/reset/", {"login": "nobody@example.org"}
        )
        assert response["Location"] == reverse("accounts:password_reset_done")
        assert mail.outbox == []

    def test_page_offers_a_code_by_sms_to_phone_accounts(self, client, db, english):
        html = client.get("/en/accounts/password/reset/").content.decode()
        assert "Phone or e-mail" in html and "SMS" in html


class TestPasswordChange:
    def test_changes_the_password(self, client, db):
        user = factories.make_user(password=PASSWORD)
        client.force_login(user)
        response = client.post(
            "/th/accounts/password/",
            {
                "old_password": PASSWORD,
                "new_password1": "ใหม่-เอี่ยม-2026-x",
                "new_password2": "ใหม่-เอี่ยม-2026-x",
            },
        )
        assert response["Location"] == reverse("accounts:profile")
        user.refresh_from_db()
        assert user.check_password("ใหม่-เอี่ยม-2026-x")

    def test_requires_sign_in(self, client, db):
        response = client.get("/th/accounts/password/")
        assert (
            response.status_code == 302
            and "/th/accounts/login/" in response["Location"]
        )


class TestProfile:
    def _data(self, **changes):
        data = {
            "first_name": "มานี",
            "last_name": "มีนา",
            "phone": "0811111111",
            "email": "",
            "province_code": "10",
            "district_code": "1001",
            "subdistrict_code": "100101",
            "village": "",
            "organisation": "สำนักงานสถิติ",
        }
        return {**data, **changes}

    def test_requires_sign_in(self, client, db):
        response = client.get("/th/accounts/profile/")
        assert response.status_code == 302
        assert response["Location"].startswith(
            "/th/accounts/login/?next=/th/accounts/profile/"
        )

    def test_shows_only_the_signed_in_persons_details(self, client, db):
        me = factories.make_user(
            first_name="มานี", phone="0811111111", email="manee@example.org"
        )
        factories.make_user(
            first_name="ชูใจ",
            last_name="ใจดี",
            phone="0822222222",
            email="chujai@example.org",
        )
        client.force_login(me)
        html = client.get("/th/accounts/profile/").content.decode()
        assert 'value="มานี"' in html and 'value="0811111111"' in html
        assert "ชูใจ" not in html and "0822222222" not in html and "chujai@" not in html
        # The stored region is pre-selected, with its lists filled.
        assert (
            '<option value="5001" selected>' in html
            and '<option value="500101" selected>' in html
        )

    def test_updates_own_details(self, client, db):
        me = factories.make_user(first_name="มานี", phone="0811111111")
        client.force_login(me)
        response = client.post(
            "/th/accounts/profile/", self._data(email="Manee@Example.org")
        )
        assert response["Location"] == reverse("accounts:profile")
        me.refresh_from_db()
        assert me.last_name == "มีนา" and me.email == "manee@example.org"
        assert (me.profile.province_code, me.profile.organisation) == (
            "10",
            "สำนักงานสถิติ",
        )

    def test_post_cannot_touch_another_account(self, client, db):
        me = factories.make_user(phone="0811111111")
        other = factories.make_user(first_name="ชูใจ", phone="0822222222")
        client.force_login(me)
        client.post(
            "/th/accounts/profile/", self._data(user=other.pk, id=other.pk, pk=other.pk)
        )
        other.refresh_from_db()
        assert other.first_name == "ชูใจ" and other.profile.province_code == "50"

    @pytest.mark.parametrize(
        ("field", "value"), [("phone", "+66822222222"), ("email", "CHUJAI@example.org")]
    )
    def test_cannot_take_someone_elses_phone_or_email(
        self, client, db, english, field, value
    ):
        me = factories.make_user(phone="0811111111")
        factories.make_user(phone="0822222222", email="chujai@example.org")
        client.force_login(me)
        response = client.post("/en/accounts/profile/", self._data(**{field: value}))
        assert response.status_code == 200
        assert "already registered" in " ".join(response.context["form"].errors[field])
        me.refresh_from_db()
        assert me.phone == "0811111111" and me.profile.province_code == "50"

    def test_district_must_be_in_the_province(self, client, db):
        me = factories.make_user(phone="0811111111")
        client.force_login(me)
        response = client.post("/th/accounts/profile/", self._data(province_code="50"))
        assert response.status_code == 200
        assert "district_code" in response.context["form"].errors
        me.refresh_from_db()
        assert me.profile.district_code == "5001"
