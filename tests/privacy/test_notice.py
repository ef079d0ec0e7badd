"""Privacy notice and consent: sign-up records the version, changes re-prompt."""

import pytest
from django.urls import reverse

from lms.dataprotection import selectors, services
from lms.dataprotection.models import ConsentRecord, NoticeAcceptance
from tests import factories
from tests.accounts.conftest import SIGNUP

from .conftest import make_notice

pytestmark = pytest.mark.django_db
PASSWORD = "pass-1234-word"


def _sign_in(client, user):
    return client.post(
        reverse("accounts:login"), {"username": user.username, "password": PASSWORD}
    )


def test_signup_needs_the_box_and_records_version_time_and_consents(
    client, roles, notice
):
    response = client.post("/th/accounts/signup/", SIGNUP)
    assert response.status_code == 200
    assert "ประกาศความเป็นส่วนตัว" in response.content.decode()
    response = client.post(
        "/th/accounts/signup/",
        {**SIGNUP, "accept_notice": "on", "consent_course_news": "on"},
    )
    assert response.status_code == 302
    acceptance = NoticeAcceptance.objects.get(user__phone="0815551234")
    assert acceptance.notice == notice and acceptance.accepted_at is not None
    assert ConsentRecord.objects.get(user=acceptance.user).purpose == "course_news"
    # Signed in straight on, not asked again.
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_optional_consent_is_not_ticked_for_the_person(client, roles, notice):
    client.post("/th/accounts/signup/", {**SIGNUP, "accept_notice": "on"})
    assert not ConsentRecord.objects.exists()


def test_material_change_asks_again_at_the_next_sign_in(client, roles, notice):
    user = factories.make_user()
    services.notice_accept(user=user)
    assert _sign_in(client, user)["Location"] == reverse("courses:dashboard")
    client.post(reverse("accounts:logout"))

    make_notice(material=False, changes="แก้คำผิด")
    assert _sign_in(client, user)["Location"] == reverse("courses:dashboard")
    client.post(reverse("accounts:logout"))

    v3 = make_notice(material=True, changes="เพิ่มผู้รับข้อมูล")
    _sign_in(client, user)
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("dataprotection:accept"))
    page = client.get(response["Location"]).content.decode()
    assert "เพิ่มผู้รับข้อมูล" in page
    assert (
        client.post(reverse("dataprotection:accept"), {}).status_code == 200
    )  # box not ticked
    response = client.post(
        reverse("dataprotection:accept"),
        {"accept": "on", "next": "/th/accounts/profile/"},
    )
    assert response["Location"] == "/th/accounts/profile/"
    assert NoticeAcceptance.objects.filter(user=user, notice=v3).exists()
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_imported_volunteer_accepts_at_first_sign_in(client, roles, notice):
    imported = factories.make_user()  # created by an import: accepted nothing
    assert selectors.notice_due(user=imported) == notice
    _sign_in(client, imported)
    assert client.get(reverse("courses:dashboard"))["Location"].startswith(
        reverse("dataprotection:accept")
    )
    client.post(reverse("dataprotection:accept"), {"accept": "on"})
    assert selectors.notice_due(user=imported) is None


def test_no_notice_yet_asks_nothing(client, roles):
    user = factories.make_user()
    _sign_in(client, user)
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_consent_is_withdrawn_on_the_profile_page_and_history_kept(
    client, roles, notice
):
    user = factories.make_user()
    services.notice_accept(user=user)
    services.consents_set(user=user, purposes={"course_news"})
    client.force_login(user)
    page = client.get(reverse("accounts:profile")).content.decode()
    assert 'name="consent_course_news"' in page and "checked" in page
    client.post(reverse("dataprotection:consents"), {})
    assert selectors.consents_open(user=user) == set()
    client.post(reverse("dataprotection:consents"), {"consent_course_news": "on"})
    client.post(reverse("dataprotection:consents"), {"consent_course_news": "on"})
    assert selectors.consents_open(user=user) == {"course_news"}
    assert (
        ConsentRecord.objects.filter(user=user).count() == 2
    )  # given, withdrawn, given


def test_a_version_people_accepted_cannot_be_edited(client, roles, notice):
    admin = factories.make_user(role="Administrator")
    services.notice_accept(user=admin)
    client.force_login(admin)
    edit = reverse(
        "wagtailsnippets_dataprotection_privacynotice:edit", args=[notice.pk]
    )
    assert client.get(edit).status_code in (302, 403)
    add = reverse("wagtailsnippets_dataprotection_privacynotice:add")
    assert client.get(add).status_code == 200
