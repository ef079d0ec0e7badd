"""Sign-up still says a number is already registered, but an address gets
only a few such answers an hour, so lists of numbers cannot be tested."""

import pytest
from django.test import Client

from tests import factories
from tests.accounts.conftest import SIGNUP

pytestmark = pytest.mark.django_db


@pytest.fixture
def registered(home_page, settings):
    settings.LMS_SIGNUP_TAKEN_LIMIT = 3
    return [factories.make_user(phone=f"08155500{n:02d}") for n in range(5)]


def sign_up(client, phone, ip):
    return client.post(
        "/th/accounts/signup/", {**SIGNUP, "phone": phone}, REMOTE_ADDR=ip
    )


def test_the_already_registered_answer_is_kept(client, registered):
    response = sign_up(client, registered[0].phone, "10.1.0.1")
    assert response.status_code == 200
    assert "หมายเลขโทรศัพท์นี้ลงทะเบียนไว้แล้ว" in response.content.decode()


def test_testing_a_list_of_numbers_is_stopped(registered):
    client = Client()
    for user in registered[:3]:
        assert sign_up(client, user.phone, "10.1.0.2").status_code == 200
    response = sign_up(client, registered[3].phone, "10.1.0.2")
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    body = response.content.decode()
    assert "ลงทะเบียนแล้วหลายครั้งเกินไป" in body
    assert registered[3].phone not in body
    # A new number from the same address waits too (no oracle by success).
    assert sign_up(client, "0861234567", "10.1.0.2").status_code == 429
    # Another address is not affected.
    response = sign_up(Client(), "0861234567", "10.1.0.3")
    assert response.status_code == 302


def test_ordinary_mistakes_and_successes_do_not_count(registered):
    """A training room on one connection registers everyone."""
    for n in range(6):
        client = Client()
        bad = sign_up(client, "12345", "10.1.0.4")  # a typo: not counted
        assert bad.status_code == 200
        assert sign_up(client, f"08612345{n:02d}", "10.1.0.4").status_code == 302


def test_the_form_is_still_shown(registered, settings):
    client = Client()
    for user in registered[:3]:
        sign_up(client, user.phone, "10.1.0.5")
    assert client.get("/th/accounts/signup/", REMOTE_ADDR="10.1.0.5").status_code == 200
