"""Signing in for a token, using, listing and revoking it; throttling."""

import pytest
from django.test import override_settings
from wagtail.models import APIToken

from tests import factories


@pytest.mark.django_db
class TestSignIn:
    def test_phone_or_email_and_password_give_a_working_token(self, anon, volunteer):
        data = anon.sign_in("081-234-5678")
        assert data["token"].startswith("wagtail_")
        assert data["details"]["name"] == "Android"
        assert anon.get("/me").json()["id"] == volunteer.pk
        anon.sign_in(volunteer.email.upper())
        assert APIToken.objects.filter(user=volunteer).count() == 2

    def test_only_a_hash_of_the_token_is_stored(self, anon, volunteer):
        token = anon.sign_in("0812345678")["token"]
        stored = APIToken.objects.get(user=volunteer)
        assert token not in (stored.key_hash, stored.prefix) and token.startswith(
            stored.prefix
        )

    def test_wrong_password_is_401_with_a_code_and_a_thai_message(
        self, anon, volunteer
    ):
        response = anon.post("/auth/token", {"login": "0812345678", "password": "nope"})
        assert response.status_code == 401
        body = response.json()
        assert body["code"] == "invalid_credentials"
        assert "รหัสผ่าน" in body["message"]
        assert not APIToken.objects.exists()

    def test_messages_follow_accept_language(self, anon, volunteer):
        anon.language = "en"
        response = anon.post("/auth/token", {"login": "0812345678", "password": "nope"})
        assert response.json()["message"].startswith(
            "The phone number, e-mail or password"
        )

    def test_inactive_account_gets_no_token(self, anon, volunteer):
        volunteer.is_active = False
        volunteer.save()
        response = anon.post(
            "/auth/token", {"login": "0812345678", "password": "pass-1234-word"}
        )
        assert response.status_code == 401

    def test_validation_error_names_the_field(self, anon, db):
        response = anon.post("/auth/token", {"password": "x"})
        assert response.status_code == 422
        body = response.json()
        assert body["code"] == "validation_error"
        assert list(body["fields"]) == ["login"]
        assert body["fields"]["login"][0]

    def test_body_that_is_not_json_is_a_validation_error(self, client, db):
        response = client.post(
            "/api/v1/auth/token",
            data="{",
            content_type="application/json",
            HTTP_ACCEPT_LANGUAGE="en",
        )
        assert response.status_code == 422
        assert response.json()["fields"] == {
            "body": ["The request body is not valid JSON."]
        }

    @override_settings(LMS_API_THROTTLE_RATES={"sign_in": "2/min"})
    def test_token_requests_are_throttled(self, anon, volunteer):
        for _ in range(2):
            anon.post("/auth/token", {"login": "0812345678", "password": "nope"})
        response = anon.post(
            "/auth/token", {"login": "0812345678", "password": "pass-1234-word"}
        )
        assert response.status_code == 429
        assert response.json()["code"] == "rate_limited"
        assert int(response["Retry-After"]) > 0
        assert not APIToken.objects.exists()

    @override_settings(LMS_API_THROTTLE_RATES={"sign_in": "2/min"})
    def test_a_forged_forwarded_for_header_does_not_dodge_the_limit(
        self, anon, volunteer
    ):
        for n in range(2):
            anon.post("/auth/token", {"login": f"x{n}@example.org", "password": "nope"})
        response = anon.post(
            "/auth/token",
            {"login": "0812345678", "password": "pass-1234-word"},
            headers={"X-Forwarded-For": "203.0.113.9"},
        )
        assert response.status_code == 429

    @override_settings(LMS_API_THROTTLE_RATES={"sign_in": "2/min"})
    def test_one_login_is_throttled_from_any_address(self, client, volunteer):
        from django.test import Client

        for n, login in enumerate(["0812345678", "+66 81 234 5678"]):
            Client(REMOTE_ADDR=f"198.51.100.{n}").post(
                "/api/v1/auth/token",
                {"login": login, "password": "nope"},
                content_type="application/json",
            )
        response = Client(REMOTE_ADDR="198.51.100.99").post(
            "/api/v1/auth/token",
            {"login": "081-234-5678", "password": "pass-1234-word"},
            content_type="application/json",
        )
        assert response.status_code == 429
        other = Client(REMOTE_ADDR="198.51.100.98").post(
            "/api/v1/auth/token",
            {"login": volunteer.email, "password": "pass-1234-word"},
            content_type="application/json",
        )
        assert other.status_code == 201  # the e-mail is another login: not throttled


@pytest.mark.django_db
class TestUsingTokens:
    def test_no_token_or_a_bad_one_is_401(self, anon, volunteer):
        response = anon.get("/me")
        assert response.status_code == 401
        assert response.json()["code"] == "not_authenticated"
        assert response["WWW-Authenticate"] == "Bearer"
        anon.token = "wagtail_notatoken"
        assert anon.get("/me").status_code == 401

    def test_a_browser_session_is_not_enough(self, client, volunteer):
        client.force_login(volunteer)
        assert client.get("/api/v1/me").status_code == 401

    @override_settings(LMS_API_THROTTLE_RATES={"user": "3/min"})
    def test_signed_in_calls_are_throttled_per_person(self, api):
        assert [api.get("/me").status_code for _ in range(3)] == [200, 200, 200]
        response = api.get("/me")
        assert response.status_code == 429 and response.json()["code"] == "rate_limited"

    def test_last_use_is_recorded(self, api, volunteer):
        api.get("/me")
        assert APIToken.objects.get(user=volunteer).last_used_at is not None


@pytest.mark.django_db
class TestListAndRevoke:
    def test_list_is_own_paginated_and_marks_the_current_token(
        self, api, other_api, volunteer
    ):
        api.sign_in("0812345678", name="Tablet")
        body = api.get("/auth/tokens", page_size=1).json()
        assert body["count"] == 2 and len(body["items"]) == 1
        items = api.get("/auth/tokens").json()["items"]
        assert {t["name"] for t in items} == {"Android", "Tablet"}
        assert [t["current"] for t in items if t["name"] == "Tablet"] == [True]

    def test_revoking_a_token_stops_it(self, api, volunteer):
        first = api.token
        second = api.sign_in("0812345678", name="Tablet")
        response = api.delete(
            f"/auth/tokens/{APIToken.objects.get(prefix=first[:12]).pk}"
        )
        assert response.status_code == 204
        api.token = first
        assert api.get("/me").status_code == 401
        api.token = second["token"]
        assert api.get("/me").status_code == 200

    def test_another_persons_token_is_404_and_keeps_working(
        self, api, other_api, other
    ):
        theirs = APIToken.objects.get(user=other)
        response = api.delete(f"/auth/tokens/{theirs.pk}")
        assert response.status_code == 404 and response.json()["code"] == "not_found"
        assert other_api.get("/me").status_code == 200

    def test_sign_out_revokes_the_current_token(self, api):
        assert api.delete("/auth/token").status_code == 204
        assert api.get("/me").status_code == 401

    def test_revocation_is_in_the_audit_log(self, api, volunteer):
        from wagtail.models import ModelLogEntry

        api.delete("/auth/token")
        assert ModelLogEntry.objects.filter(
            action="wagtail.apitoken.revoke", user=volunteer
        ).exists()


@pytest.mark.django_db
class TestProfilePage:
    def test_lists_own_active_tokens_and_revokes_them(
        self, client, api, other_api, volunteer, other
    ):
        client.force_login(volunteer)
        html = client.get("/th/accounts/profile/").content.decode()
        assert "Android" in html
        mine = APIToken.objects.get(user=volunteer)
        theirs = APIToken.objects.get(user=other)
        assert f'data-token="{theirs.pk}"' not in html
        assert (
            client.post(f"/th/accounts/api-tokens/{theirs.pk}/revoke/").status_code
            == 404
        )
        response = client.post(f"/th/accounts/api-tokens/{mine.pk}/revoke/")
        assert response.status_code == 302
        assert api.get("/me").status_code == 401
        assert other_api.get("/me").status_code == 200
        assert (
            f'data-token="{mine.pk}"'
            not in client.get("/th/accounts/profile/").content.decode()
        )

    def test_revoke_needs_post_and_sign_in(self, client, api, volunteer):
        mine = APIToken.objects.get(user=volunteer)
        assert (
            client.post(f"/th/accounts/api-tokens/{mine.pk}/revoke/").status_code == 302
        )
        client.force_login(volunteer)
        assert (
            client.get(f"/th/accounts/api-tokens/{mine.pk}/revoke/").status_code == 405
        )
        assert api.get("/me").status_code == 200


@pytest.mark.django_db
class TestAdministrators:
    def test_administrator_lists_and_revokes_a_volunteers_token(
        self, client, roles, api, volunteer
    ):
        from django.urls import reverse

        admin = factories.make_user(role="Administrator")
        client.force_login(admin)
        listing = client.get(reverse("wagtailusers_api_tokens:index"))
        assert listing.status_code == 200 and "Android" in listing.content.decode()
        token = APIToken.objects.get(user=volunteer)
        response = client.post(
            reverse("wagtailusers_api_tokens:delete", args=[token.pk])
        )
        assert response.status_code == 302
        assert api.get("/me").status_code == 401

    def test_trainer_and_volunteer_cannot_manage_tokens(
        self, client, roles, api, volunteer
    ):
        from django.urls import reverse

        token = APIToken.objects.get(user=volunteer)
        client.force_login(factories.make_user(role="Trainer"))
        assert client.get(reverse("wagtailusers_api_tokens:index")).status_code in (
            302,
            403,
        )
        assert client.post(
            reverse("wagtailusers_api_tokens:delete", args=[token.pk])
        ).status_code in (302, 403, 404)
        assert api.get("/me").status_code == 200
