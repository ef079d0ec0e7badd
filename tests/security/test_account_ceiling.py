"""A per-account ceiling on sign-in guesses from many addresses, which never
locks the owner out of a browser they have signed in with before."""

import pytest
from django.test import Client

from lms.accounts import ceiling
from tests import factories
from tests.api.conftest import ApiClient

pytestmark = pytest.mark.django_db

PASSWORD = "pass-1234-word"


@pytest.fixture
def person(home_page, settings):
    settings.AXES_ENABLED = True  # the pair limit stays in force beside the ceiling
    settings.LMS_LOGIN_ACCOUNT_CEILING = 6
    return factories.make_user(phone="0817770001", email="malee@example.org")


def attempt(client, login, password, ip):
    return client.post(
        "/th/accounts/login/",
        {"username": login, "password": password},
        REMOTE_ADDR=ip,
    )


def guess_from_many_addresses(person, count):
    """Two guesses from each of many addresses: under axes' pair limit."""
    for n in range(count):
        attempt(Client(), person.phone, f"guess-{n}", ip=f"198.51.100.{n // 2}")


def test_guesses_from_many_addresses_reach_the_ceiling(person):
    guess_from_many_addresses(person, 6)
    stranger = Client()
    response = attempt(stranger, person.phone, PASSWORD, ip="203.0.113.50")
    assert response.status_code == 429
    assert "เข้าสู่ระบบได้เฉพาะจากโทรศัพท์หรือคอมพิวเตอร์ที่เคยเข้าสู่ระบบ" in (
        response.content.decode()
    )
    assert "_auth_user_id" not in stranger.session
    # Other names count separately (e-mail, phone and username are one account).
    assert (
        attempt(Client(), person.email, PASSWORD, ip="203.0.113.51").status_code == 429
    )
    other = factories.make_user(phone="0817770002")
    assert (
        attempt(Client(), other.phone, PASSWORD, ip="203.0.113.52").status_code == 302
    )


def test_the_owners_known_browser_still_signs_in(person):
    phone = Client()
    assert attempt(phone, person.phone, PASSWORD, ip="10.0.0.7").status_code == 302
    assert ceiling.DEVICE_COOKIE in phone.cookies
    phone.post("/th/accounts/logout/")
    guess_from_many_addresses(person, 10)
    response = attempt(phone, person.phone, PASSWORD, ip="10.0.0.8")
    assert response.status_code == 302
    assert phone.session["_auth_user_id"] == str(person.pk)


def test_a_forged_device_cookie_is_no_help(person):
    guess_from_many_addresses(person, 6)
    stranger = Client()
    stranger.cookies[ceiling.DEVICE_COOKIE] = "anything"
    assert (
        attempt(stranger, person.phone, PASSWORD, ip="203.0.113.9").status_code == 429
    )


def test_api_failures_count_too_and_the_window_ends(person, settings):
    for n in range(6):
        ApiClient(Client(REMOTE_ADDR=f"192.0.2.{n}")).post(
            "/auth/token", {"login": person.phone, "password": f"guess-{n}"}
        )
    assert (
        attempt(Client(), person.phone, PASSWORD, ip="203.0.113.3").status_code == 429
    )
    ceiling.forget(person.get_username())  # what the cache's expiry does
    assert (
        attempt(Client(), person.phone, PASSWORD, ip="203.0.113.3").status_code == 302
    )


def test_a_new_password_clears_the_count(person):
    guess_from_many_addresses(person, 6)
    person.set_password("Another-pass-2569")
    person.save()
    response = attempt(Client(), person.phone, "Another-pass-2569", ip="203.0.113.4")
    assert response.status_code == 302
