"""The audit trail: each recorded action, and who can read the site history."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from certificates import bulk as certificates_bulk
from certificates import services as certificates
from certificates.models import Award
from competencies import services as competencies
from competencies.models import EvidenceSource, VolunteerLevel
from lms.volunteers.importing import volunteer_import
from tests import factories
from tests.certificates.conftest import make_award

from .conftest import read

pytestmark = pytest.mark.django_db

SITE_HISTORY = "/admin/reports/site-history/"


def entries(action, about=None):
    found = ModelLogEntry.objects.filter(action=action)
    if about is not None:
        found = found.filter(object_id=str(about.pk))
    return list(found)


@pytest.fixture
def award(db):
    return make_award(kind=Award.Kind.EVENT, name_th="อบรมเชิงปฏิบัติการ")


@pytest.fixture
def volunteer(roles):
    return factories.make_user(username="0811111111", phone="0811111111")


class TestRecordedActions:
    def test_certificate_issue_by_hand(self, administrator, volunteer, award):
        certificate, _created = certificates.certificate_issue_manual(
            user=volunteer, award=award, issued_by=administrator, reason="เข้าร่วมอบรม"
        )
        (entry,) = entries("lms.certificate_issue")
        assert (entry.user, entry.object_id) == (administrator, str(certificate.pk))
        assert entry.data["reason"] == "เข้าร่วมอบรม" and entry.data["source"] == "manual"
        assert entry.timestamp is not None

    def test_automatic_issue_is_recorded_as_the_system(self, volunteer, award):
        certificates.certificate_issue(user=volunteer, award=award)
        (entry,) = entries("lms.certificate_issue")
        assert entry.user is None

    def test_revoke(self, administrator, volunteer, award):
        certificate, _ = certificates.certificate_issue(user=volunteer, award=award)
        certificates.certificate_revoke(
            certificate=certificate, by=administrator, reason="ออกผิดคน"
        )
        (entry,) = entries("lms.certificate_revoke")
        assert (entry.user, entry.data["reason"]) == (administrator, "ออกผิดคน")
        assert "ออกผิดคน" in entry.message

    def test_bulk_issue_run_is_one_entry(self, administrator, volunteer, award):
        other = factories.make_user()
        run = certificates_bulk.bulk_issue_start(
            award=award,
            created_by=administrator,
            people=[volunteer.pk, other.pk],
            enqueue=False,
        )
        certificates_bulk.bulk_issue_execute(run_id=run.pk)
        (entry,) = entries("lms.bulk_issue")
        assert (entry.user, entry.object_id, entry.data["total"]) == (
            administrator,
            str(run.pk),
            2,
        )
        assert entries("lms.certificate_issue") == []

    def test_volunteer_import(self, administrator, roles):
        volunteer_import(
            data=read("clean.csv"),
            file_name="clean.csv",
            by=administrator,
            dry_run=False,
        )
        (entry,) = entries("lms.volunteer_import")
        assert entry.user == administrator
        assert entry.data["created"] == 2 and entry.data["file"] == "clean.csv"

    def test_preview_is_not_recorded(self, administrator, roles):
        volunteer_import(
            data=read("clean.csv"),
            file_name="clean.csv",
            by=administrator,
            dry_run=True,
        )
        assert entries("lms.volunteer_import") == []

    def test_evidence_withdrawal(self, administrator, volunteer):
        competency = factories.make_competency(code="D1")
        evidence = competencies.evidence_record(
            user=volunteer,
            competency=competency,
            proficiency=1,
            source=EvidenceSource.ASSESSMENT,
            comment="ดี",
        )
        competencies.evidence_withdraw(
            evidence=evidence, by=administrator, reason="บันทึกผิดคน"
        )
        (entry,) = entries("lms.evidence_withdraw")
        assert (entry.user, entry.object_id, entry.data["person"]) == (
            administrator,
            str(evidence.pk),
            volunteer.pk,
        )

    def test_level_rule_change_in_the_admin(self, client, administrator):
        level = VolunteerLevel.objects.create(code="village", rank=1, name_th="หมู่บ้าน")
        client.force_login(administrator)
        url = reverse(
            "wagtailsnippets_competencies_volunteerlevel:edit", args=[level.pk]
        )
        data = nested_form_data(
            {
                "code": "village",
                "rank": 1,
                "name_th": "หมู่บ้าน",
                "name_en": "Village",
                "description_th": "",
                "description_en": "",
                "requires_previous": "on",
                "min_completed_courses": 2,
                "colour": "#0b5cad",
                "requirements": inline_formset([]),
            }
        )
        response = client.post(url, data)
        assert response.status_code == 302, response.content[:2000]
        (entry,) = entries("lms.level_rules_change")
        assert (entry.user, entry.object_id, entry.data["detail"]) == (
            administrator,
            str(level.pk),
            "village",
        )

    def test_role_change_outside_the_import(self, administrator, volunteer):
        from wagtail.log_actions import LogContext

        with LogContext(user=administrator):
            volunteer.groups.add(Group.objects.get(name="Trainer"))
            volunteer.groups.remove(Group.objects.get(name="Volunteer"))
        added, removed = entries("lms.role_change", about=volunteer)[::-1]
        assert (added.user, added.data["from"], added.data["to"]) == (
            administrator,
            ["Volunteer"],
            ["Trainer", "Volunteer"],
        )
        assert (removed.data["from"], removed.data["to"]) == (
            ["Trainer", "Volunteer"],
            ["Trainer"],
        )

    def test_first_role_at_sign_up_is_not_a_change(self, roles):
        factories.make_user(role="Volunteer")
        assert entries("lms.role_change") == []

    def test_a_new_administrator_is_a_change(self, roles):
        admin = factories.make_user(role="Administrator")
        (entry,) = entries("lms.role_change")
        assert (entry.object_id, entry.data["to"]) == (str(admin.pk), ["Administrator"])


class TestWhoReadsTheLog:
    @pytest.fixture
    def history(self, administrator, volunteer, award):
        certificate, _ = certificates.certificate_issue_manual(
            user=volunteer, award=award, issued_by=administrator, reason="เข้าร่วมอบรม"
        )
        certificates.certificate_revoke(
            certificate=certificate, by=administrator, reason="ออกผิดคน"
        )
        volunteer_import(
            data=read("clean.csv"),
            file_name="clean.csv",
            by=administrator,
            dry_run=False,
        )
        return certificate

    def test_administrator_sees_every_action(self, client, administrator, history):
        client.force_login(administrator)
        html = client.get(SITE_HISTORY).content.decode()
        # The revocation (its reason is in the message), the import (its file
        # is the label) and the issue (the certificate's code is the label).
        assert "ออกผิดคน" in html
        assert "clean.csv" in html
        assert html.count(history.code) >= 2

    def test_trainer_sees_only_their_own_actions(self, client, administrator, history):
        trainer = factories.make_user(role="Trainer")
        level = VolunteerLevel.objects.create(code="village", rank=1, name_th="หมู่บ้าน")
        from lms import audit

        audit.log(level, "lms.level_rules_change", by=administrator, detail="village")
        audit.log(level, "lms.level_rules_change", by=trainer, detail="mine")
        client.force_login(trainer)
        response = client.get(SITE_HISTORY + "results/")
        assert response.status_code == 200
        html = response.content.decode()
        assert "mine" in html
        assert "ออกผิดคน" not in html and "clean.csv" not in html
        assert (
            html.count("lms.level_rules_change") == 0
            and "Changed the volunteer level rules: village" not in html
        )

    def test_user_filter_offers_a_trainer_only_themselves(
        self, rf, administrator, history
    ):
        from wagtail.models import PageLogEntry

        from lms.audit_views import AuditLogFilterSet

        trainer = factories.make_user(role="Trainer")
        offered = {}
        for user in (administrator, trainer):
            request = rf.get(SITE_HISTORY)
            request.user = user
            filters = AuditLogFilterSet(
                request=request, queryset=PageLogEntry.objects.all()
            )
            offered[user] = set(filters.filters["user"].extra["queryset"])
        assert offered[trainer] == {trainer}
        # Wagtail's own filter would offer only page editors; the importer is offered.
        assert administrator in offered[administrator]

    def test_volunteer_cannot_open_the_admin(self, client, volunteer, history):
        client.force_login(volunteer)
        response = client.get(SITE_HISTORY)
        assert response.status_code == 302
        assert "ออกผิดคน" not in response.content.decode()

    def test_site_history_queries_do_not_grow_with_entries(
        self, client, administrator, history, django_assert_max_num_queries
    ):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from lms import audit

        client.force_login(administrator)
        client.get(SITE_HISTORY)
        with CaptureQueriesContext(connection) as few:
            client.get(SITE_HISTORY)
        for n in range(30):
            audit.log(
                history, "lms.certificate_revoke", by=administrator, reason=f"r{n}"
            )
        with django_assert_max_num_queries(len(few.captured_queries)):
            client.get(SITE_HISTORY)


class TestRoleChangeInTheUserEditor:
    def test_making_a_volunteer_a_trainer_records_the_administrator(
        self, client, administrator, volunteer
    ):
        client.force_login(administrator)
        trainer = Group.objects.get(name="Trainer")
        response = client.post(
            reverse("wagtailusers_users:edit", args=[volunteer.pk]),
            {
                "username": volunteer.username,
                "email": "",
                "phone": volunteer.phone,
                "first_name": volunteer.first_name,
                "last_name": volunteer.last_name,
                "password1": "",
                "password2": "",
                "is_active": "on",
                "groups": [trainer.pk],
            },
        )
        assert response.status_code == 302, response.context["form"].errors
        changes = entries("lms.role_change", about=volunteer)
        assert changes, "no role change logged"
        assert all(
            e.user == administrator and e.object_id == str(volunteer.pk)
            for e in changes
        )
        # Django's groups.set() removes, then adds: two entries of one action (same uuid).
        assert [(e.data["from"], e.data["to"]) for e in reversed(changes)] == [
            (["Volunteer"], []),
            ([], ["Trainer"]),
        ]
        assert len({e.uuid for e in changes}) == 1
