"""Content-Security-Policy on every response and login throttling (django-axes)."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/th/", "/th/accounts/login/", "/verify/"])
def test_pages_carry_a_content_security_policy(client, home_page, path):
    policy = client.get(path)["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";") if d.strip())
    assert directives["default-src"] == "'self'"
    assert "'unsafe-inline'" not in directives["script-src"]
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'self'"
    assert "http:" not in policy and "*" not in policy


def _login(client, username, password, ip="10.0.0.1"):
    return client.post(
        "/th/accounts/login/",
        {"username": username, "password": password},
        REMOTE_ADDR=ip,
    )


def test_five_failures_lock_the_account_from_that_address(client, home_page, settings):
    settings.AXES_ENABLED = True
    user = factories.make_user(phone="0815550001")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = _login(client, user.phone, "wrong-password")
        assert response.status_code == 200 and "_auth_user_id" not in client.session
    locked = _login(client, user.phone, "wrong-password")
    assert locked.status_code == 429
    assert "เข้าสู่ระบบผิดหลายครั้งเกินไป" in locked.content.decode()
    # Even the right password is refused while locked out.
    assert _login(client, user.phone, "pass-1234-word").status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_lockout_does_not_reach_the_same_person_elsewhere(
    client, home_page, settings
):
    """Locking by (username, address) keeps an attacker from locking a volunteer out."""
    settings.AXES_ENABLED = True
    user = factories.make_user(phone="0815550002")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, user.phone, "wrong-password", ip="10.9.9.9")
    response = _login(client, user.phone, "pass-1234-word", ip="10.0.0.2")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_success_resets_the_count(client, home_page, settings):
    settings.AXES_ENABLED = True
    user = factories.make_user(phone="0815550003")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _login(client, user.phone, "wrong-password")
    assert _login(client, user.phone, "pass-1234-word").status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _login(client, user.phone, "wrong-password")
    assert _login(client, user.phone, "pass-1234-word").status_code == 302


def test_phone_email_and_username_count_against_one_account(
    client, home_page, settings
):
    settings.AXES_ENABLED = True
    user = factories.make_user(phone="0815550004", email="somchai@example.org")
    names = [user.phone, user.email.upper(), user.username, "081-555-0004", user.email]
    for name in names[: settings.AXES_FAILURE_LIMIT]:
        _login(client, name, "wrong-password")
    assert _login(client, user.username, "pass-1234-word").status_code == 429


def test_admin_allows_wagtails_inline_scripts_and_nothing_else(client, home_page):
    """Wagtail's editor panels write inline scripts; only /admin/ gets them."""
    policy = client.get("/admin/login/")["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";") if d.strip())
    assert directives["script-src"] == "'self' 'unsafe-inline'"
    assert (
        directives["default-src"] == "'self'" and directives["object-src"] == "'none'"
    )
    public = client.get("/th/accounts/login/")["Content-Security-Policy"]
    assert (
        "'unsafe-inline'"
        not in dict(d.strip().split(" ", 1) for d in public.split(";") if d.strip())[
            "script-src"
        ]
    )
