"""The Wagtail admin's user editor manages the phone number too."""

import pytest
from django.urls import reverse

from lms.accounts.models import User
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(
        User.objects.create_superuser("root", "root@example.org", "root-pass-2026")
    )
    return client


def _create_data(**changes):
    data = {
        "username": "newvolunteer",
        "email": "",
        "phone": "+66 89 123 4567",
        "first_name": "ใจดี",
        "last_name": "มีสุข",
        "password1": "ข้าวเหนียว-มะม่วง-2026",
        "password2": "ข้าวเหนียว-มะม่วง-2026",
    }
    return {**data, **changes}


def test_create_form_has_the_phone_field(admin_client):
    html = admin_client.get(reverse("wagtailusers_users:add")).content.decode()
    assert 'name="phone"' in html


def test_admin_creates_a_phone_only_user(admin_client):
    response = admin_client.post(reverse("wagtailusers_users:add"), _create_data())
    assert response.status_code == 302, response.context["form"].errors
    user = User.objects.get(username="newvolunteer")
    assert (user.phone, user.email) == ("0891234567", "")


def test_admin_is_told_when_the_phone_is_taken(admin_client):
    factories.make_user(phone="0891234567")
    response = admin_client.post(reverse("wagtailusers_users:add"), _create_data())
    assert response.status_code == 200
    # The admin follows LANGUAGE_CODE (Thai) unless the editor chose otherwise.
    assert response.context["form"].errors["phone"] == ["หมายเลขโทรศัพท์นี้ลงทะเบียนไว้แล้ว"]
    assert User.objects.filter(phone="0891234567").count() == 1


def test_admin_edits_a_phone_and_resets_a_password(admin_client):
    user = factories.make_user(phone="0811111111", email="")
    url = reverse("wagtailusers_users:edit", args=[user.pk])
    assert 'value="0811111111"' in admin_client.get(url).content.decode()
    response = admin_client.post(
        url,
        {
            "username": user.username,
            "email": "",
            "phone": "0812222222",
            "first_name": user.first_name,
            "last_name": user.last_name,
            "password1": "ตั้ง-ใหม่-ให้-2026",
            "password2": "ตั้ง-ใหม่-ให้-2026",
            "is_active": "on",
            "groups": [g.pk for g in user.groups.all()],
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    user.refresh_from_db()
    assert user.phone == "0812222222"
    assert user.check_password("ตั้ง-ใหม่-ให้-2026")
