"""The completion screen: the final quiz or the last lesson leads to it, with
the certificate, the competencies and level gained and the next course."""

import pytest
from django.urls import reverse

from competencies.models import LevelRequirement, VolunteerLevel
from courses.models import LessonPage
from courses.quiz.models import Attempt
from courses.services import enrollment_create, step_complete
from tests import factories
from tests.quiz.helpers import correct_ids, make_question, make_quiz

from .conftest import complete

pytestmark = pytest.mark.django_db


def _level(competency, proficiency=2):
    level = VolunteerLevel.objects.create(
        code="village", rank=1, name_th="ระดับหมู่บ้าน", name_en="Village"
    )
    LevelRequirement.objects.create(
        level=level, competency=competency, min_proficiency=proficiency
    )
    return level


class TestLastLesson:
    def test_last_lesson_button_leads_to_the_completion_screen(
        self, client, volunteer, course, award, competency
    ):
        _level(competency)
        enrollment_create(user=volunteer, course=course)
        first, last = LessonPage.objects.descendant_of(course).order_by("path")
        client.force_login(volunteer)
        response = client.post(reverse("courses:complete", args=[first.pk]))
        assert response["Location"] != reverse("course_done", args=[course.pk])
        response = client.post(
            reverse("courses:complete", args=[last.pk]), {"next": course.url}
        )
        assert response["Location"] == reverse("course_done", args=[course.pk])
        html = client.get(response["Location"]).content.decode()
        certificate = volunteer.certificates.get()
        assert reverse("certificates:pdf", args=[certificate.code]) in html
        assert f"/verify/{certificate.code}/" in html
        assert "social-plugins.line.me/lineit/share?url=" in html
        assert "การรู้ดิจิทัล" in html and "ระดับ 2" in html  # competency, proficiency
        assert "ระดับหมู่บ้าน" in html  # level reached
        assert reverse("certificates:mine") in html

    def test_the_read_to_the_end_script_gets_the_screen_url(
        self, client, volunteer, course, award
    ):
        enrollment_create(user=volunteer, course=course)
        first, last = LessonPage.objects.descendant_of(course).order_by("path")
        step_complete(user=volunteer, page=first)
        client.force_login(volunteer)
        response = client.post(
            reverse("courses:complete", args=[last.pk]),
            HTTP_ACCEPT="application/json",
        )
        assert response.json() == {
            "ok": True,
            "done_url": reverse("course_done", args=[course.pk]),
        }

    def test_not_completed_course_goes_back_to_the_course(
        self, client, volunteer, course
    ):
        client.force_login(volunteer)
        response = client.get(reverse("course_done", args=[course.pk]))
        assert response.status_code == 302
        assert response["Location"] == course.url

    def test_someone_else_sees_nothing_of_mine(self, client, volunteer, course, award):
        complete(volunteer, course)
        other = factories.make_user()
        client.force_login(other)
        response = client.get(reverse("course_done", args=[course.pk]))
        assert response.status_code == 302

    def test_next_course_is_one_that_teaches_what_the_next_level_needs(
        self, client, volunteer, course, award, competency, catalogue
    ):
        needed = factories.make_competency(code="D2", name_th="แก้ปัญหาด้วยดิจิทัล")
        _level(competency)
        LevelRequirement.objects.create(
            level=VolunteerLevel.objects.get(), competency=needed, min_proficiency=1
        )
        factories.make_course(catalogue, title="หลักสูตรอื่น", slug="other")
        teaches = factories.make_course(
            catalogue, title="แก้ปัญหาชุมชน", slug="teaches", competencies=[(needed, 1)]
        )
        complete(volunteer, course)
        client.force_login(volunteer)
        response = client.get(reverse("course_done", args=[course.pk]))
        assert response.context["next_course"].pk == teaches.pk
        assert teaches.url in response.content.decode()

    def test_query_count_does_not_grow_with_certificates(
        self, client, volunteer, course, award, django_assert_max_num_queries
    ):
        complete(volunteer, course)
        client.force_login(volunteer)
        with django_assert_max_num_queries(30):
            client.get(reverse("course_done", args=[course.pk]))


class TestFinalQuiz:
    def test_passing_the_final_quiz_leads_to_the_completion_screen(
        self, client, volunteer, course, award
    ):
        question = make_question(course)
        quiz = make_quiz(course, [question], pass_mark=50)
        enrollment_create(user=volunteer, course=course)
        for lesson in LessonPage.objects.descendant_of(course):
            step_complete(user=volunteer, page=lesson)
        client.force_login(volunteer)
        client.post(reverse("quiz:start", args=[quiz.pk]))
        attempt = Attempt.objects.get(user=volunteer)
        response = client.post(
            reverse("quiz:submit", args=[attempt.public_id]),
            {f"q{question.pk}": correct_ids(question)},
        )
        assert response["Location"] == reverse("course_done", args=[course.pk])
        # The result page, seen again later, links to the screen too.
        html = client.get(reverse("quiz:attempt", args=[attempt.public_id])).content
        assert reverse("course_done", args=[course.pk]).encode() in html

    def test_failing_stays_on_the_result(self, client, volunteer, course, award):
        question = make_question(course)
        quiz = make_quiz(course, [question], pass_mark=50)
        enrollment_create(user=volunteer, course=course)
        client.force_login(volunteer)
        client.post(reverse("quiz:start", args=[quiz.pk]))
        attempt = Attempt.objects.get(user=volunteer)
        response = client.post(reverse("quiz:submit", args=[attempt.public_id]), {})
        assert response["Location"] == reverse("quiz:attempt", args=[attempt.public_id])


class TestMyCertificatesIsReachable:
    def test_from_the_header_my_learning_and_the_completed_course(
        self, client, volunteer, course, award
    ):
        complete(volunteer, course)
        client.force_login(volunteer)
        mine = f'href="{reverse("certificates:mine")}"'
        for url in ("/th/search/", reverse("courses:dashboard"), course.url):
            assert mine in client.get(url).content.decode(), url
        assert (
            reverse("course_done", args=[course.pk])
            in client.get(course.url).content.decode()
        )

    def test_not_in_the_header_when_signed_out(self, client, home_page):
        assert (
            reverse("certificates:mine")
            not in client.get("/th/search/").content.decode()
        )
