"""A new password ends every credential issued under the old one (browser
sessions and API tokens), whichever path sets it; changing a sign-in name
through the API needs the current password."""

import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from wagtail.models import APIToken, ModelLogEntry

from tests import factories
from tests.api.conftest import ApiClient

pytestmark = pytest.mark.django_db

PASSWORD = "pass-1234-word"
NEW_PASSWORD = "a-new-Password-2569"


@pytest.fixture
def person(db):
    return factories.make_user(phone="0812223333", email="somsri@example.org")


def app(person, name="Android") -> ApiClient:
    api = ApiClient(Client())
    api.sign_in(person.phone, name=name)
    return api


def active_tokens(person) -> int:
    return APIToken.objects.filter(user=person, revoked_at__isnull=True).count()


def test_set_password_and_save_revokes_every_token(person):
    phone, tablet = app(person), app(person, "Tablet")
    assert phone.get("/me").status_code == 200
    person.set_password(NEW_PASSWORD)
    person.save()
    assert active_tokens(person) == 0
    assert phone.get("/me").status_code == 401
    assert tablet.get("/me").status_code == 401
    # Each revocation is in the audit log, as when the person revokes one.
    assert ModelLogEntry.objects.filter(action="wagtail.apitoken.revoke").count() == 2
    # The app signs in again with the new password.
    again = ApiClient(Client())
    again.sign_in(person.phone, password=NEW_PASSWORD)
    assert again.get("/me").status_code == 200


def test_other_saves_and_other_people_keep_their_tokens(person):
    mine = app(person)
    someone = factories.make_user(phone="0814445555")
    theirs = app(someone)
    person.first_name = "สมศรี"
    person.save()
    someone.set_password(NEW_PASSWORD)
    someone.save()
    assert mine.get("/me").status_code == 200
    assert theirs.get("/me").status_code == 401


def test_a_hash_upgrade_on_sign_in_is_not_a_password_change(person, settings):
    """Django re-hashes a password under a newer hasher when it is checked;
    that is the same password and must not sign the app out."""
    mine = app(person)  # stored under the test settings' MD5 hasher
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        "django.contrib.auth.hashers.MD5PasswordHasher",
    ]
    assert Client().login(username=person.phone, password=PASSWORD)
    person.refresh_from_db()
    assert person.password.startswith("pbkdf2_sha256$")
    assert mine.get("/me").status_code == 200


def test_disabling_the_password_revokes_tokens(person):
    mine = app(person)
    person.set_unusable_password()
    person.save()
    assert mine.get("/me").status_code == 401


def test_changing_the_password_on_the_site_ends_tokens_and_other_sessions(
    client, home_page, person
):
    mine = app(person)
    elsewhere = Client()
    elsewhere.force_login(person)
    client.force_login(person)
    response = client.post(
        "/th/accounts/password/",
        {
            "old_password": PASSWORD,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )
    assert response.status_code == 302, response.content
    assert mine.get("/me").status_code == 401
    # This browser stays signed in; the other one is signed out.
    assert client.get("/th/accounts/profile/").status_code == 200
    assert elsewhere.get("/th/accounts/profile/").status_code == 302


def test_a_password_reset_by_email_revokes_tokens(client, home_page, person):
    mine = app(person)
    client.post("/th/accounts/password/reset/", {"email": person.email})
    link = re.search(r"/th/accounts/password/reset/\S+/\S+/", mail.outbox[-1].body)
    form_url = client.get(link.group(0)).url  # Django swaps the token for a session
    response = client.post(
        form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert response.status_code == 302, response.content
    assert mine.get("/me").status_code == 401


def test_changepassword_command_revokes_tokens(person, monkeypatch):
    mine = app(person)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": NEW_PASSWORD)
    call_command("changepassword", person.username)
    assert mine.get("/me").status_code == 401


class TestSignInNamesNeedThePassword:
    def test_changing_the_phone_without_the_password_is_refused(self, person):
        mine = app(person)
        response = mine.patch("/me", {"phone": "0817778888"})
        assert response.status_code == 422
        assert "รหัสผ่านปัจจุบัน" in response.json()["fields"]["current_password"][0]
        person.refresh_from_db()
        assert person.phone == "0812223333"

    def test_changing_the_email_with_a_wrong_password_is_refused(self, person):
        mine = app(person)
        response = mine.patch(
            "/me", {"email": "thief@example.org", "current_password": "guess"}
        )
        assert response.status_code == 422
        assert list(response.json()["fields"]) == ["current_password"]
        person.refresh_from_db()
        assert person.email == "somsri@example.org"

    def test_with_the_password_it_changes(self, person):
        mine = app(person)
        response = mine.patch(
            "/me", {"email": "Somsri.New@example.org", "current_password": PASSWORD}
        )
        assert response.status_code == 200, response.content
        assert response.json()["email"] == "somsri.new@example.org"

    def test_other_details_and_unchanged_names_need_no_password(self, person):
        mine = app(person)
        response = mine.patch(
            "/me", {"village": "บ้านใหม่", "phone": "081-222-3333", "email": person.email}
        )
        assert response.status_code == 200, response.content

    def test_guessing_the_password_through_the_api_is_limited(self, person):
        mine = app(person)
        for _ in range(5):
            response = mine.patch(
                "/me", {"phone": "0817778888", "current_password": "guess"}
            )
            assert response.status_code == 422
        response = mine.patch(
            "/me", {"phone": "0817778888", "current_password": PASSWORD}
        )
        assert response.status_code == 429
        assert response.json()["code"] == "rate_limited"
