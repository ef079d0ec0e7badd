"""Need-to-know: contact details only for the trainer's provinces, never a
national list; exports of personal data are in the audit log with who/what."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from lms.accounts.models import TrainerScope, VolunteerProfile
from lms.dataprotection import services as dataprotection
from tests import factories

pytestmark = pytest.mark.django_db
URL = "/admin/personal-data/contacts/"


@pytest.fixture
def people(roles):
    chiang_mai = factories.make_user(first_name="เชียงใหม่คน", phone="0811111111")
    bangkok = factories.make_user(
        first_name="กรุงเทพคน", phone="0822222222", profile=False
    )
    VolunteerProfile.objects.create(
        user=bangkok,
        province_code="10",
        district_code="1001",
        subdistrict_code="100101",
    )
    trainer = factories.make_user(role="Trainer")
    TrainerScope.objects.create(user=trainer, province_code="50")
    return {"chiang_mai": chiang_mai, "bangkok": bangkok, "trainer": trainer}


def test_trainer_sees_only_their_province(client, people):
    client.force_login(people["trainer"])
    page = client.get(URL).content.decode()
    assert "0811111111" in page and "0822222222" not in page
    page = client.get(URL, {"province": "10"}).content.decode()  # not theirs: ignored
    assert "0822222222" not in page


def test_trainer_without_provinces_and_volunteers_are_refused(client, people):
    client.force_login(factories.make_user(role="Trainer"))
    assert client.get(URL).status_code in (302, 403)
    client.force_login(people["chiang_mai"])
    assert client.get(URL).status_code in (302, 403)


def test_administrators_get_no_national_list(client, people):
    admin = factories.make_user(role="Administrator")
    client.force_login(admin)
    page = client.get(URL).content.decode()
    assert "0811111111" not in page and "0822222222" not in page
    page = client.get(URL, {"province": "10"}).content.decode()
    assert "0822222222" in page and "0811111111" not in page


def test_contact_download_is_audit_logged(client, people):
    trainer = people["trainer"]
    client.force_login(trainer)
    response = client.get(URL, {"province": "50", "export": "csv"})
    assert "0811111111" in response.content.decode("utf-8-sig")
    entry = ModelLogEntry.objects.get(action="lms.personal_data_export")
    assert (
        entry.user == trainer and "(2)" in entry.data["detail"]
    )  # the trainer lives there too


def test_volunteer_export_by_an_administrator_is_audit_logged(client, people):
    admin = factories.make_user(role="Administrator")
    client.force_login(admin)
    assert client.get("/admin/volunteers/export/?format=csv").status_code == 200
    assert ModelLogEntry.objects.filter(
        action="lms.personal_data_export", user=admin
    ).exists()


def test_notice_prompt_does_not_break_the_admin_for_people_who_accepted(client, people):
    from .conftest import make_notice

    make_notice()
    trainer = people["trainer"]
    dataprotection.notice_accept(user=trainer)
    client.force_login(trainer)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
