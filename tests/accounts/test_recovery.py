"""Password reset by SMS code (phones) and by e-mail link (e-mail accounts)."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from lms.accounts import recovery, sms
from lms.accounts.models import PasswordResetCode
from lms.accounts.sms.backends import http as http_backend
from tests import factories

pytestmark = pytest.mark.django_db

PHONE = "0815551234"
OLD = "เก่า-แก่-2026-pass"
NEW = "ใหม่-เอี่ยม-2026-x"
RESET = "/th/accounts/password/reset/"
CODE = "/th/accounts/password/reset/code/"
NEW_URL = "/th/accounts/password/reset/new/"


@pytest.fixture(autouse=True)
def _empty_outbox():
    sms.outbox.clear()
    yield
    sms.outbox.clear()


@pytest.fixture
def volunteer():
    return factories.make_user(phone=PHONE, email="", password=OLD)


def _code_sent() -> str:
    return re.search(r"\b(\d{6})\b", sms.outbox[-1].text).group(1)


def _ask(client, login=PHONE):
    return client.post(RESET, {"login": login})


def _reset(client, code, password=NEW):
    response = client.post(CODE, {"code": code})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"] == reverse("accounts:password_reset_new")
    return client.post(NEW_URL, {"new_password1": password, "new_password2": password})


class TestSmsReset:
    def test_whole_reset_sets_the_password_and_signs_in(self, client, volunteer):
        response = _ask(client, "+66 81-555-1234")
        assert response["Location"] == reverse("accounts:password_reset_code")
        assert [m.to for m in sms.outbox] == [PHONE]
        assert "10" in sms.outbox[0].text
        response = _reset(client, _code_sent())
        assert response.status_code == 302
        volunteer.refresh_from_db()
        assert volunteer.check_password(NEW)
        assert client.get(reverse("courses:dashboard")).status_code == 200

    def test_code_is_six_digits_and_stored_only_as_a_hash(self, client, volunteer):
        _ask(client)
        code = _code_sent()
        assert re.fullmatch(r"\d{6}", code)
        row = PasswordResetCode.objects.get()
        assert row.code_hash != code and len(row.code_hash) == 64

    def test_code_is_single_use(self, client, volunteer):
        _ask(client)
        code = _code_sent()
        _reset(client, code)
        other = type(client)()
        other.post(RESET, {"login": PHONE})
        sms.outbox.pop()  # a new code was sent; the old one must not work
        assert recovery.reset_code_check(phone=PHONE, code=code).user is None

    def test_code_expires_after_ten_minutes(self, client, volunteer):
        _ask(client)
        code = _code_sent()
        PasswordResetCode.objects.update(
            expires_at=timezone.now() - timedelta(seconds=1)
        )
        response = client.post(CODE, {"code": code})
        assert response.status_code == 200
        assert "หมดอายุ" in response.content.decode()
        assert recovery.CODE_LIFETIME == timedelta(minutes=10)
        row = PasswordResetCode.objects.get()
        assert row.expires_at - row.created_at <= timedelta(minutes=10)

    def test_five_wrong_guesses_end_the_code(self, client, volunteer):
        _ask(client)
        code = _code_sent()
        wrong = f"{(int(code) + 1) % 10**6:06d}"
        for _ in range(5):
            assert client.post(CODE, {"code": wrong}).status_code == 200
        response = client.post(CODE, {"code": code})
        assert response.status_code == 200
        assert "ผิดหลายครั้งเกินไป" in response.content.decode()
        volunteer.refresh_from_db()
        assert volunteer.check_password(OLD)

    def test_wrong_code_says_how_many_tries_are_left(self, client, volunteer):
        _ask(client)
        wrong = f"{(int(_code_sent()) + 1) % 10**6:06d}"
        html = client.post(CODE, {"code": wrong}).content.decode()
        assert "4" in html and "ไม่ถูกต้อง" in html

    def test_three_codes_per_number_per_hour(self, client, volunteer):
        for _ in range(3):
            assert _ask(client).status_code == 302
        response = _ask(client)
        assert response.status_code == 200
        assert len(sms.outbox) == 3
        assert "ชั่วโมง" in response.content.decode()
        # An hour later the number may ask again.
        PasswordResetCode.objects.update(
            created_at=timezone.now() - timedelta(hours=1, seconds=1)
        )
        assert _ask(client).status_code == 302
        assert len(sms.outbox) == 4

    def test_limit_per_address(self, client, db):
        for n in range(recovery.CODES_PER_ADDRESS):
            assert _ask(client, f"08100000{n:02d}").status_code == 302
        response = _ask(client, "0819999999")
        assert response.status_code == 200
        assert "อุปกรณ์นี้" in response.content.decode()
        # Another address is not limited.
        response = client.post(RESET, {"login": "0819999999"}, REMOTE_ADDR="192.0.2.77")
        assert response.status_code == 302

    def test_new_code_ends_the_older_one(self, client, volunteer):
        _ask(client)
        first = _code_sent()
        _ask(client)
        second = _code_sent()
        if first != second:
            assert recovery.reset_code_check(phone=PHONE, code=first).user is None
        assert recovery.reset_code_check(phone=PHONE, code=second).user == volunteer

    def test_resend_button_sends_a_new_code(self, client, volunteer):
        _ask(client)
        response = client.post(CODE, {"resend": "1"})
        assert response.status_code == 302
        assert len(sms.outbox) == 2

    def test_code_page_without_a_request_goes_back_to_the_start(self, client, db):
        assert client.get(CODE)["Location"] == RESET
        assert client.get(NEW_URL)["Location"] == RESET

    def test_new_password_follows_the_validators_in_thai(self, client, volunteer):
        _ask(client)
        client.post(CODE, {"code": _code_sent()})
        response = client.post(
            NEW_URL, {"new_password1": "12345678", "new_password2": "12345678"}
        )
        assert response.status_code == 200
        html = response.content.decode()
        assert "ตัวเลขทั้งหมด" in html
        volunteer.refresh_from_db()
        assert volunteer.check_password(OLD)

    def test_the_grant_to_set_a_password_expires(self, client, volunteer):
        _ask(client)
        client.post(CODE, {"code": _code_sent()})
        session = client.session
        session["pwreset_grant"]["until"] = 0
        session.save()
        response = client.post(NEW_URL, {"new_password1": NEW, "new_password2": NEW})
        assert response["Location"] == RESET
        volunteer.refresh_from_db()
        assert volunteer.check_password(OLD)

    def test_inactive_account_gets_no_code(self, client, db):
        factories.make_user(phone=PHONE, email="", is_active=False)
        assert _ask(client).status_code == 302
        assert sms.outbox == []

    def test_bad_number_is_a_clear_error(self, client, db):
        response = _ask(client, "12ab")
        assert response.status_code == 200
        assert "0812345678" in response.content.decode()


class TestNoEnumeration:
    def test_unknown_number_gets_the_same_answers(self, client, volunteer):
        known = _ask(client, PHONE)
        other = type(client)()
        unknown = other.post(RESET, {"login": "0891112222"})
        assert known.status_code == unknown.status_code == 302
        assert known["Location"] == unknown["Location"]
        assert len(sms.outbox) == 1  # only the account's number got a text

        def page(c, phone):
            return (
                c.get(CODE).content.decode().replace(phone, "NUMBER").split("csrf")[0]
            )

        assert page(client, PHONE) == page(other, "0891112222")
        wrong_known = client.post(CODE, {"code": "000000"}).content.decode()
        wrong_unknown = other.post(CODE, {"code": "000000"}).content.decode()
        assert _errors(wrong_known.replace(PHONE, "N")) == _errors(
            wrong_unknown.replace("0891112222", "N")
        )

    def test_unknown_number_has_the_same_limits(self, client, db):
        for _ in range(3):
            assert _ask(client, "0891112222").status_code == 302
        assert _ask(client, "0891112222").status_code == 200

    def test_unknown_email_gets_the_same_answer(self, client, db):
        factories.make_user(email="known@example.org")
        known = _ask(client, "known@example.org")
        unknown = _ask(client, "nobody@example.org")
        assert known["Location"] == unknown["Location"]
        assert len(mail.outbox) == 1


def _errors(html: str) -> list[str]:
    return re.findall(r'<ul class="errorlist"[^>]*>(.*?)</ul>', html, re.S)


class TestSessionsAndTokens:
    def test_reset_ends_every_other_session(self, client, volunteer):
        elsewhere = type(client)()
        elsewhere.force_login(volunteer)
        assert elsewhere.get(reverse("courses:dashboard")).status_code == 200
        _ask(client)
        _reset(client, _code_sent())
        response = elsewhere.get(reverse("courses:dashboard"))
        assert response.status_code == 302
        assert reverse("accounts:login") in response["Location"]
        # The reset's own session stays signed in.
        assert client.get(reverse("courses:dashboard")).status_code == 200

    def test_sms_reset_revokes_the_persons_api_tokens(self, client, volunteer):
        response = client.post(
            "/api/v1/auth/token",
            {"login": PHONE, "password": OLD, "name": "phone"},
            content_type="application/json",
        )
        token = response.json()["token"]
        me = client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {token}")
        assert me.status_code == 200
        client.logout()
        _ask(client)
        _reset(client, _code_sent())
        me = client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {token}")
        assert me.status_code == 401

    def test_reset_lifts_the_sign_in_lock_out(self, client, volunteer, settings):
        settings.AXES_ENABLED = True
        for _ in range(5):
            client.post("/th/accounts/login/", {"username": PHONE, "password": "wrong"})
        locked = client.post(
            "/th/accounts/login/", {"username": PHONE, "password": OLD}
        )
        assert locked.status_code == 429
        assert reverse("accounts:password_reset") in locked.content.decode()
        _ask(client)
        _reset(client, _code_sent())
        client.logout()
        response = client.post(
            "/th/accounts/login/", {"username": PHONE, "password": NEW}
        )
        assert response.status_code == 302


class TestEmailReset:
    def test_email_account_gets_a_link_and_the_same_service(self, client, db):
        user = factories.make_user(email="reset@example.org", password=OLD)
        response = _ask(client, "Reset@Example.org")
        assert response["Location"] == reverse("accounts:password_reset_done")
        link = re.search(r"https?://[^/]+(/\S+)", mail.outbox[0].body).group(1)
        set_url = client.get(link)["Location"]
        response = client.post(set_url, {"new_password1": NEW, "new_password2": NEW})
        assert response["Location"] == reverse("accounts:password_reset_complete")
        user.refresh_from_db()
        assert user.check_password(NEW)


class TestLinks:
    def test_sign_in_page_links_to_the_reset(self, client, db):
        html = client.get("/th/accounts/login/").content.decode()
        assert f'href="{reverse("accounts:password_reset")}"' in html


class TestBackends:
    def test_file_backend_writes_one_file_per_message(self, tmp_path, settings):
        settings.SMS_FILE_PATH = str(tmp_path)
        connection = sms.get_connection(
            "lms.accounts.sms.backends.filebased.SmsBackend"
        )
        sms.send_sms(to=PHONE, text="รหัส 123456", connection=connection)
        files = list(tmp_path.iterdir())
        assert len(files) == 1
        assert "รหัส 123456" in files[0].read_text(encoding="utf-8")

    def test_console_backend_prints(self, capsys):
        connection = sms.get_connection("lms.accounts.sms.backends.console.SmsBackend")
        sms.send_sms(to=PHONE, text="hello", connection=connection)
        assert f"SMS to {PHONE}: hello" in capsys.readouterr().out

    def test_http_backend_posts_number_sender_and_text(self, settings, monkeypatch):
        settings.SMS_GATEWAY_URL = "https://sms.example.th/send"
        settings.SMS_SENDER = "DIGITALVOL"
        settings.SMS_GATEWAY_TOKEN = "secret-token"
        settings.SMS_GATEWAY_FIELDS = "msisdn,sender,message"
        settings.SMS_GATEWAY_INTERNATIONAL = True
        calls = []

        class Answer:
            status_code = 201

        def fake_post(url, **kwargs):
            calls.append((url, kwargs))
            return Answer()

        monkeypatch.setattr(http_backend.requests, "post", fake_post)
        connection = sms.get_connection("lms.accounts.sms.backends.http.SmsBackend")
        assert sms.send_sms(to=PHONE, text="รหัส", connection=connection) == 1
        url, kwargs = calls[0]
        assert url == "https://sms.example.th/send"
        assert kwargs["data"] == {
            "msisdn": "66815551234",
            "sender": "DIGITALVOL",
            "message": "รหัส",
        }
        assert kwargs["headers"]["Authorization"] == "Bearer secret-token"
        assert kwargs["timeout"] == 10

    def test_http_backend_error_is_a_clear_message(
        self, client, volunteer, settings, monkeypatch
    ):
        settings.SMS_BACKEND = "lms.accounts.sms.backends.http.SmsBackend"
        settings.SMS_GATEWAY_URL = "https://sms.example.th/send"

        class Answer:
            status_code = 500

        monkeypatch.setattr(http_backend.requests, "post", lambda url, **kw: Answer())
        response = _ask(client)
        assert response.status_code == 200
        assert "ส่งข้อความไม่สำเร็จ" in response.content.decode()

    def test_http_backend_without_url_does_not_crash(self, client, volunteer, settings):
        settings.SMS_BACKEND = "lms.accounts.sms.backends.http.SmsBackend"
        settings.SMS_GATEWAY_URL = ""
        assert _ask(client).status_code == 200


class TestPasswordMessagesInThai:
    def test_too_similar_names_the_phone_under_the_password_box(
        self, client, signup_data, home_page
    ):
        signup_data.update(password1="0815551234ab", password2="0815551234ab")
        response = client.post("/th/accounts/signup/", signup_data)
        assert response.status_code == 200
        errors = response.context["form"].errors
        assert errors["password1"] == ["รหัสผ่านคล้ายกับโทรศัพท์ของคุณมากเกินไป"]
        assert "password2" not in errors

    def test_validators_help_texts_are_thai(self):
        from django.contrib.auth import password_validation
        from django.utils import translation

        with translation.override("th"):
            texts = password_validation.password_validators_help_texts()
        assert texts and all(
            any("\u0e00" <= ch <= "\u0e7f" for ch in text) for text in texts
        ), texts
