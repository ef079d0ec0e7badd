"""A trainer's provinces: set by administrators, and what they limit."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse

from courses.quiz.models import Answer, Attempt, AttemptStatus
from lms.accounts.models import TrainerScope, VolunteerProfile
from lms.accounts.selectors import scoped_provinces
from lms.accounts.services import trainer_scope_set
from tests import factories
from tests.quiz.helpers import make_question, make_quiz


class TestScopedProvinces:
    def test_administrators_see_everything(self, roles):
        assert scoped_provinces(factories.make_user(role="Administrator")) is None
        superuser = factories.make_user(role=None, is_superuser=True)
        assert scoped_provinces(superuser) is None

    def test_trainers_see_their_provinces_only(self, roles):
        trainer = factories.make_user(role="Trainer")
        assert scoped_provinces(trainer) == set()
        trainer_scope_set(user=trainer, province_codes=["50", "10"])
        assert scoped_provinces(trainer) == {"50", "10"}

    def test_volunteers_see_nobody(self, roles):
        assert scoped_provinces(factories.make_user(role="Volunteer")) == set()


class TestTrainerScopeSet:
    def test_replaces_the_previous_provinces(self, roles):
        trainer = factories.make_user(role="Trainer")
        trainer_scope_set(user=trainer, province_codes=["50", "10"])
        trainer_scope_set(user=trainer, province_codes=["10", "57"])
        assert set(
            TrainerScope.objects.filter(user=trainer).values_list(
                "province_code", flat=True
            )
        ) == {"10", "57"}

    def test_unknown_province_is_refused_and_nothing_changes(self, roles):
        trainer = factories.make_user(role="Trainer")
        trainer_scope_set(user=trainer, province_codes=["50"])
        with pytest.raises(ValidationError):
            trainer_scope_set(user=trainer, province_codes=["10", "99"])
        assert list(
            TrainerScope.objects.filter(user=trainer).values_list(
                "province_code", flat=True
            )
        ) == ["50"]


@pytest.fixture
def admin_client(client, roles):
    client.force_login(factories.make_user(role="Administrator", is_superuser=True))
    return client


def _edit_data(user, **extra):
    return {
        "username": user.username,
        "email": user.email,
        "phone": "",
        "first_name": user.first_name,
        "last_name": user.last_name,
        "is_active": "on",
        "groups": [g.pk for g in user.groups.all()],
        **extra,
    }


class TestAdminUserForm:
    def test_administrator_sets_a_trainers_provinces(self, admin_client):
        trainer = factories.make_user(role="Trainer")
        url = reverse("wagtailusers_users:edit", args=[trainer.pk])
        assert 'name="scope_provinces"' in admin_client.get(url).content.decode()
        response = admin_client.post(
            url, _edit_data(trainer, scope_provinces=["50", "57"])
        )
        assert response.status_code == 302, response.context["form"].errors
        assert scoped_provinces(trainer) == {"50", "57"}
        # The form shows them ticked next time.
        html = admin_client.get(url).content.decode()
        assert 'value="57"' in html and "checked" in html

    def test_unknown_province_is_a_form_error(self, admin_client):
        trainer = factories.make_user(role="Trainer")
        url = reverse("wagtailusers_users:edit", args=[trainer.pk])
        response = admin_client.post(url, _edit_data(trainer, scope_provinces=["99"]))
        assert response.status_code == 200
        assert "scope_provinces" in response.context["form"].errors
        assert not TrainerScope.objects.filter(user=trainer).exists()


class TestMarkingQueueScope:
    @pytest.fixture
    def answers(self, roles, catalogue):
        course = factories.make_course(catalogue)
        question = make_question(course, kind="text", options=())
        quiz = make_quiz(course, [question])
        out = {}
        for province, district in (("50", "5001"), ("10", "1001")):
            learner = factories.make_user(profile=False)
            VolunteerProfile.objects.create(
                user=learner, province_code=province, district_code=district
            )
            attempt = Attempt.objects.create(
                user=learner, quiz=quiz, number=1, status=AttemptStatus.PENDING
            )
            out[province] = Answer.objects.create(
                attempt=attempt, question=question, text="คำตอบ", needs_marking=True
            )
        return out

    def test_trainer_sees_and_marks_only_their_provinces(self, client, answers):
        trainer = factories.make_user(role="Trainer")
        trainer_scope_set(user=trainer, province_codes=["50"])
        client.force_login(trainer)
        response = client.get(reverse("quiz_marking"))
        assert [a.pk for a in response.context["answers"]] == [answers["50"].pk]
        response = client.post(
            reverse("quiz_marking"),
            {"answer": answers["10"].pk, "credit": "100"},
            follow=True,  # LocaleMiddleware sends a 404 on to /th/…, still a 404
        )
        assert response.status_code == 404
        answers["10"].refresh_from_db()
        assert answers["10"].needs_marking

    def test_administrator_sees_all(self, client, answers):
        admin = factories.make_user(role="Administrator")
        client.force_login(admin)
        response = client.get(reverse("quiz_marking"))
        assert len(response.context["answers"]) == 2
        assert Group.objects.filter(name="Administrator").exists()


class TestAssessmentScope:
    def test_trainer_cannot_see_or_assess_people_of_other_provinces(
        self, client, roles
    ):
        from competencies.models import CompetencyEvidence

        competency = factories.make_competency()
        bangkok = factories.make_user(profile=False, phone="0815550001")
        VolunteerProfile.objects.create(user=bangkok, province_code="10")
        trainer = factories.make_user(role="Trainer")
        trainer_scope_set(user=trainer, province_codes=["50"])
        client.force_login(trainer)
        url = reverse("competencies_person_evidence", args=[bangkok.pk])
        assert client.get(url, follow=True).status_code == 404
        response = client.post(
            reverse("competencies_assess"),
            {
                "person": "0815550001",
                "competency": competency.pk,
                "proficiency": 1,
                "comment": "ดี",
            },
        )
        assert response.status_code == 200
        assert response.context["form"].errors["person"]
        assert not CompetencyEvidence.objects.filter(user=bangkok).exists()
        # The same trainer may assess a volunteer of Chiang Mai.
        local = factories.make_user(phone="0815550002")
        assert (
            client.get(
                reverse("competencies_person_evidence", args=[local.pk])
            ).status_code
            == 200
        )
