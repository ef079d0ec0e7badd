"""Competency evidence, attainment and volunteer levels."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from competencies import rules, services
from competencies.demo import load_demo_ladder
from competencies.models import (
    CompetencyEvidence,
    EvidenceSource,
    LevelChange,
    VolunteerStatus,
)
from competencies.services import load_programme_framework
from courses import services as course_services
from courses.models import CourseCompetency
from courses.quiz.models import QuizCompetency
from tests import factories
from tests.quiz.helpers import correct_ids, make_question, make_quiz


@pytest.fixture
def framework(db):
    load_programme_framework()
    load_demo_ladder()
    from competencies.models import Competency

    return {c.code: c for c in Competency.objects.all()}


def level_code(user):
    status = VolunteerStatus.objects.filter(user=user).select_related("level").first()
    return status.level.code if status and status.level else None


class TestRules:
    LADDER = [
        rules.LevelRule(
            pk=1,
            rank=1,
            requires_previous=True,
            min_completed_courses=0,
            requirements=((10, 1),),
        ),
        rules.LevelRule(
            pk=2,
            rank=2,
            requires_previous=True,
            min_completed_courses=1,
            requirements=((10, 2), (11, 1)),
        ),
        rules.LevelRule(
            pk=3,
            rank=3,
            requires_previous=False,
            min_completed_courses=0,
            requirements=((12, 3),),
        ),
    ]

    @pytest.mark.parametrize(
        ("attainment", "courses", "expected"),
        [
            ({}, 0, None),
            ({10: 1}, 0, 1),
            ({10: 2, 11: 1}, 0, 1),  # level 2 needs a completed course
            ({10: 2, 11: 1}, 1, 2),
            ({12: 3}, 0, 3),  # level 3 does not need the previous ones
            ({11: 5}, 5, None),
        ],
    )
    def test_level_for(self, attainment, courses, expected):
        reached = rules.level_for(self.LADDER, attainment, courses)
        assert (reached.pk if reached else None) == expected

    @settings(max_examples=200, deadline=None)
    @given(
        base=st.dictionaries(st.integers(10, 12), st.integers(0, 3)),
        extra=st.dictionaries(st.integers(10, 12), st.integers(0, 3)),
        courses=st.integers(0, 3),
        more_courses=st.integers(0, 2),
    )
    def test_adding_evidence_never_lowers_and_removing_never_raises(
        self, base, extra, courses, more_courses
    ):
        """More evidence is the pointwise max of attainments; fewer is the reverse."""
        richer = {
            k: max(base.get(k, 0), extra.get(k, 0)) for k in set(base) | set(extra)
        }
        before = rules.level_for(self.LADDER, base, courses)
        after = rules.level_for(self.LADDER, richer, courses + more_courses)
        rank = lambda r: r.rank if r else 0  # noqa: E731
        assert rank(after) >= rank(before)  # adding never lowers
        assert rank(before) <= rank(after)  # so removing (after → before) never raises


class TestEvidence:
    def test_attainment_is_the_highest_valid_proficiency(self, framework):
        user = factories.make_user()
        admin = factories.make_user(role="Administrator")
        trainer = factories.make_user(role="Trainer")
        services.assessment_record(
            assessor=trainer,
            user=user,
            competency=framework["D1"],
            proficiency=1,
            comment="สอนเพื่อนบ้านได้",
        )
        high = services.assessment_record(
            assessor=trainer,
            user=user,
            competency=framework["D1"],
            proficiency=3,
            comment="จัดอบรมได้",
        )
        assert services.attainment_for(user=user)[framework["D1"].pk] == 3
        services.evidence_withdraw(evidence=high, by=admin, reason="บันทึกผิดคน")
        assert services.attainment_for(user=user)[framework["D1"].pk] == 1

    def test_assessment_needs_a_comment_and_a_trainer(self, framework):
        user = factories.make_user()
        with pytest.raises(services.EvidenceError):
            services.assessment_record(
                assessor=factories.make_user(role="Trainer"),
                user=user,
                competency=framework["D1"],
                proficiency=1,
                comment=" ",
            )
        with pytest.raises(services.EvidenceError):
            services.assessment_record(
                assessor=factories.make_user(role="Volunteer"),
                user=user,
                competency=framework["D1"],
                proficiency=1,
                comment="ดี",
            )
        assert not CompetencyEvidence.objects.exists()

    def test_only_administrators_withdraw_and_with_a_reason(self, framework):
        user = factories.make_user()
        evidence = services.assessment_record(
            assessor=factories.make_user(role="Trainer"),
            user=user,
            competency=framework["D1"],
            proficiency=1,
            comment="ดี",
        )
        with pytest.raises(services.EvidenceError):
            services.evidence_withdraw(
                evidence=evidence, by=factories.make_user(role="Trainer"), reason="ผิด"
            )
        with pytest.raises(services.EvidenceError):
            services.evidence_withdraw(
                evidence=evidence,
                by=factories.make_user(role="Administrator"),
                reason="",
            )
        evidence.refresh_from_db()
        assert evidence.withdrawn_at is None


class TestLevels:
    def test_passing_a_quiz_writes_evidence_and_promotes(self, framework, catalogue):
        course = factories.make_course(
            catalogue, modules=1, lessons=1, competencies=[(framework["D1"], 1)]
        )
        user = factories.make_user()
        course_services.enrollment_create(user=user, course=course)
        q = make_question(course)
        quiz = make_quiz(course, [q])
        QuizCompetency.objects.create(
            quiz=quiz, competency=framework["D1"], proficiency=1
        )
        from courses.quiz import services as quiz_services

        attempt = quiz_services.attempt_start(user=user, quiz=quiz)
        quiz_services.attempt_submit(
            user=user, public_id=attempt.public_id, responses={q.pk: correct_ids(q)}
        )
        evidence = CompetencyEvidence.objects.get(user=user, source=EvidenceSource.QUIZ)
        assert (
            evidence.attempt_id == attempt.pk and evidence.competency == framework["D1"]
        )
        assert level_code(user) == "village"
        change = LevelChange.objects.get(user=user)
        assert (
            change.to_level.code == "village"
            and change.from_level is None
            and "quiz" in change.cause
        )

    def test_completing_a_course_writes_course_evidence_once(
        self, framework, catalogue
    ):
        course = factories.make_course(
            catalogue,
            modules=1,
            lessons=1,
            competencies=[(framework["D1"], 2), (framework["B3"], 1)],
        )
        user = factories.make_user()
        course_services.enrollment_create(user=user, course=course)
        lesson = factories.LessonPage.objects.descendant_of(course).get()
        course_services.step_complete(user=user, page=lesson)
        course_services.step_complete(user=user, page=lesson)
        assert (
            CompetencyEvidence.objects.filter(
                user=user, source=EvidenceSource.COURSE
            ).count()
            == 2
        )
        assert level_code(user) == "subdistrict"  # D1 2, B3 1, one course completed

    def test_withdrawal_demotes_and_is_recorded(self, framework):
        user = factories.make_user()
        trainer = factories.make_user(role="Trainer")
        evidence = services.assessment_record(
            assessor=trainer,
            user=user,
            competency=framework["D1"],
            proficiency=1,
            comment="ดี",
        )
        assert level_code(user) == "village"
        services.evidence_withdraw(
            evidence=evidence,
            by=factories.make_user(role="Administrator"),
            reason="ผิดคน",
        )
        assert level_code(user) is None
        history = [
            (c.from_level and c.from_level.code, c.to_level and c.to_level.code)
            for c in LevelChange.objects.filter(user=user).order_by("pk")
        ]
        assert history == [(None, "village"), ("village", None)]

    def test_rule_change_recomputes(self, framework):
        user = factories.make_user()
        services.assessment_record(
            assessor=factories.make_user(role="Trainer"),
            user=user,
            competency=framework["D1"],
            proficiency=1,
            comment="ดี",
        )
        assert level_code(user) == "village"
        from competencies.models import LevelRequirement

        LevelRequirement.objects.filter(level__code="village").update(min_proficiency=2)
        services.level_recompute(user=user, cause="rules changed")
        assert level_code(user) is None

    def test_level_changed_signal_says_promoted(
        self, framework, django_capture_on_commit_callbacks
    ):
        seen = []
        services.level_changed.connect(
            lambda sender, user, level, previous, promoted, **kw: seen.append(
                (level.code, promoted)
            ),
            weak=False,
            dispatch_uid="t",
        )
        try:
            with django_capture_on_commit_callbacks(execute=True):
                services.assessment_record(
                    assessor=factories.make_user(role="Trainer"),
                    user=factories.make_user(),
                    competency=framework["D1"],
                    proficiency=1,
                    comment="ดี",
                )
        finally:
            services.level_changed.disconnect(dispatch_uid="t")
        assert seen == [("village", True)]


def test_course_competency_links_are_the_ones_evidence_uses(framework, catalogue):
    course = factories.make_course(catalogue, competencies=[(framework["D2"], 2)])
    assert list(
        CourseCompetency.objects.filter(page=course).values_list(
            "competency__code", "proficiency"
        )
    ) == [("D2", 2)]


class TestVolunteerPage:
    def test_shows_level_map_and_what_the_next_level_needs(
        self, client, framework, catalogue
    ):
        course = factories.make_course(
            catalogue,
            title="รู้ทันข่าวปลอม",
            competencies=[(framework["D1"], 2), (framework["B3"], 1)],
        )
        user = factories.make_user()
        services.assessment_record(
            assessor=factories.make_user(role="Trainer"),
            user=user,
            competency=framework["D1"],
            proficiency=1,
            comment="ดี",
        )
        client.force_login(user)
        response = client.get("/th/learn/competencies/")
        html = response.content.decode()
        assert "อาสาสมัครดิจิทัลระดับหมู่บ้าน/ชุมชน" in html  # current level
        assert "อาสาสมัครดิจิทัลระดับตำบล" in html  # next level
        missing = {
            item["competency"].code: (item["reached"], item["required"])
            for item in response.context["missing"]
        }
        assert missing == {"D1": (1, 2), "B3": (0, 1)}
        assert course.title in html  # the course that teaches them
        assert response.context["courses_needed"] == 1

    def test_query_count_is_fixed(
        self, client, framework, catalogue, django_assert_max_num_queries
    ):
        user = factories.make_user()
        client.force_login(user)
        for size in (1, 6):
            while factories.CoursePage.objects.count() < size:
                factories.make_course(
                    catalogue, competencies=[(framework["D1"], 2), (framework["B3"], 1)]
                )
            client.get("/th/learn/competencies/")
            with django_assert_max_num_queries(24):
                assert client.get("/th/learn/competencies/").status_code == 200

    def test_requires_login(self, client, db):
        assert client.get("/th/learn/competencies/").status_code == 302


class TestLadderAdmin:
    def test_administrator_edits_the_ladder_trainer_only_views(
        self, client, roles, framework
    ):
        from django.urls import reverse

        from competencies.models import VolunteerLevel

        level = VolunteerLevel.objects.get(code="village")
        client.force_login(factories.make_user(role="Administrator"))
        assert (
            client.get(
                reverse(
                    "wagtailsnippets_competencies_volunteerlevel:edit", args=[level.pk]
                )
            ).status_code
            == 200
        )
        client.force_login(factories.make_user(role="Trainer"))
        assert (
            client.get(
                reverse("wagtailsnippets_competencies_volunteerlevel:list")
            ).status_code
            == 200
        )
        assert client.get(
            reverse("wagtailsnippets_competencies_volunteerlevel:edit", args=[level.pk])
        ).status_code in (302, 403)


class TestRecomputeEveryone:
    def _people(self, framework, n):
        from django.db import transaction

        people = []
        for _ in range(n):
            user = factories.make_user(profile=False)
            with transaction.atomic():
                CompetencyEvidence.objects.create(
                    user=user,
                    competency=framework["D1"],
                    proficiency=1,
                    source=EvidenceSource.ASSESSMENT,
                    comment="ดี",
                )
            people.append(user)
        return people

    def test_rule_change_recomputes_everyone_set_based(
        self, framework, django_assert_max_num_queries
    ):
        people = self._people(framework, 30)
        run = services.recompute_run_start(cause="initial")
        with django_assert_max_num_queries(20):
            services.recompute_run_execute(run_id=run.pk)
        assert {level_code(p) for p in people} == {"village"}
        from competencies.models import LevelRequirement

        LevelRequirement.objects.filter(level__code="village").update(min_proficiency=2)
        run = services.recompute_run_start(cause="village needs D1 level 2")
        run = services.recompute_run_execute(run_id=run.pk)
        assert {level_code(p) for p in people} == {None}
        assert run.status == "done" and run.done == run.total and run.changed == 30
        assert (
            LevelChange.objects.filter(cause="village needs D1 level 2").count() == 30
        )

    def test_a_killed_worker_resumes_without_duplicates(self, framework, monkeypatch):
        people = self._people(framework, 25)
        monkeypatch.setattr(services, "BATCH", 10)
        run = services.recompute_run_start(cause="resume test")
        run = services.recompute_run_execute(
            run_id=run.pk, stop_after_batches=1
        )  # the worker dies here
        assert run.status == "running" and run.done == 10
        run = services.recompute_run_execute(
            run_id=run.pk
        )  # another worker picks it up
        assert run.status == "done" and run.done == run.total
        assert LevelChange.objects.filter(cause="resume test").count() == 25
        assert {level_code(p) for p in people} == {"village"}
        services.recompute_run_execute(
            run_id=run.pk
        )  # running it again changes nothing
        assert LevelChange.objects.filter(cause="resume test").count() == 25

    def test_editing_the_ladder_in_the_admin_starts_a_run(
        self, client, roles, framework, django_capture_on_commit_callbacks
    ):
        from django.urls import reverse
        from wagtail.test.utils.form_data import inline_formset, nested_form_data

        from competencies.models import RecomputeRun, VolunteerLevel

        person = self._people(framework, 1)[0]
        level = VolunteerLevel.objects.get(code="village")
        client.force_login(factories.make_user(role="Administrator"))
        data = nested_form_data(
            {
                "code": "village",
                "rank": 1,
                "name_th": level.name_th,
                "name_en": level.name_en,
                "description_th": "",
                "description_en": "",
                "requires_previous": "on",
                "min_completed_courses": 0,
                "colour": "#0b5cad",
                "requirements": inline_formset(
                    [
                        {
                            "id": r.pk,
                            "competency": r.competency_id,
                            "min_proficiency": r.min_proficiency,
                            "ORDER": i,
                        }
                        for i, r in enumerate(level.requirements.all())
                    ],
                    initial=level.requirements.count(),
                ),
            }
        )
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                reverse(
                    "wagtailsnippets_competencies_volunteerlevel:edit", args=[level.pk]
                ),
                data,
            )
        assert response.status_code == 302, response.content.decode()[:3000]
        run = RecomputeRun.objects.get()
        assert run.status == "done" and run.done == run.total
        assert level_code(person) == "village"


class TestAssessmentAdmin:
    def test_trainer_records_an_assessment_and_the_level_follows(
        self, client, roles, framework
    ):
        from django.urls import reverse

        from lms.accounts.models import TrainerScope

        volunteer = factories.make_user(phone="0815550000")
        trainer = factories.make_user(role="Trainer")
        TrainerScope.objects.create(user=trainer, province_code="50")  # the volunteer's
        client.force_login(trainer)
        response = client.post(
            reverse("competencies_assess"),
            {
                "person": "081-555-0000",
                "competency": framework["D1"].pk,
                "proficiency": 1,
                "comment": "สอนเพื่อนบ้านตั้งรหัสผ่าน",
            },
        )
        assert response.status_code == 302
        evidence = CompetencyEvidence.objects.get(user=volunteer)
        assert (
            evidence.source == EvidenceSource.ASSESSMENT
            and evidence.comment == "สอนเพื่อนบ้านตั้งรหัสผ่าน"
        )
        assert level_code(volunteer) == "village"

    def test_comment_and_real_person_required(self, client, roles, framework):
        from django.urls import reverse

        client.force_login(factories.make_user(role="Trainer"))
        response = client.post(
            reverse("competencies_assess"),
            {
                "person": "nobody",
                "competency": framework["D1"].pk,
                "proficiency": 1,
                "comment": "",
            },
        )
        assert response.status_code == 200
        assert set(response.context["form"].errors) == {"person", "comment"}
        assert not CompetencyEvidence.objects.exists()

    def test_volunteer_cannot_assess(self, client, roles, framework):
        from django.urls import reverse

        volunteer = factories.make_user(role="Volunteer")
        client.force_login(volunteer)
        response = client.post(
            reverse("competencies_assess"),
            {
                "person": volunteer.username,
                "competency": framework["D1"].pk,
                "proficiency": 3,
                "comment": "ฉันเก่ง",
            },
        )
        assert response.status_code in (302, 403)
        assert not CompetencyEvidence.objects.exists()

    def test_only_administrators_withdraw_through_the_admin(
        self, client, roles, framework
    ):
        from django.urls import reverse

        volunteer = factories.make_user()
        evidence = services.assessment_record(
            assessor=factories.make_user(role="Trainer"),
            user=volunteer,
            competency=framework["D1"],
            proficiency=1,
            comment="ดี",
        )
        url = reverse("competencies_person_evidence", args=[volunteer.pk])
        client.force_login(factories.make_user(role="Trainer"))
        assert (
            "Withdraw" not in client.get(url).content.decode()
            and "ถอน" not in client.get(url).content.decode()
        )
        client.post(url, {"evidence": evidence.pk, "reason": "ผิด"})
        evidence.refresh_from_db()
        assert evidence.withdrawn_at is None
        client.force_login(factories.make_user(role="Administrator"))
        client.post(url, {"evidence": evidence.pk, "reason": "บันทึกผิดคน"})
        evidence.refresh_from_db()
        assert (
            evidence.withdrawn_at is not None
            and evidence.withdrawal_reason == "บันทึกผิดคน"
        )
        assert level_code(volunteer) is None
