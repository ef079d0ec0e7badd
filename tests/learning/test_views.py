"""The learner's endpoints: sign-in, POST and CSRF, own records only, resume."""

import pytest
from django.test import Client
from django.urls import reverse

from courses import services
from courses.models import CoursePrerequisite, Enrollment, StepCompletion
from tests import factories

from .conftest import lessons_of, modules_of, translate


@pytest.fixture
def signed_in(client, learner):
    client.force_login(learner)
    return client


class TestAccess:
    @pytest.mark.parametrize(
        "name", ["dashboard", "enrol", "unenrol", "complete", "resume"]
    )
    def test_sign_in_required(self, client, course, name):
        args = (
            []
            if name == "dashboard"
            else [lessons_of(course)[0].pk if name == "complete" else course.pk]
        )
        method = (
            client.get if name in ("dashboard", "resume", "unenrol") else client.post
        )
        response = method(reverse(f"courses:{name}", args=args))
        assert response.status_code == 302
        assert "login" in response["Location"]
        assert not Enrollment.objects.exists() and not StepCompletion.objects.exists()

    def test_writes_are_post_only(self, signed_in, course, learner):
        services.enrollment_create(user=learner, course=course)
        lesson = lessons_of(course)[0]
        assert (
            signed_in.get(reverse("courses:enrol", args=[course.pk])).status_code == 405
        )
        assert (
            signed_in.get(reverse("courses:complete", args=[lesson.pk])).status_code
            == 405
        )
        assert (
            signed_in.put(reverse("courses:unenrol", args=[course.pk])).status_code
            == 405
        )
        assert not StepCompletion.objects.exists()
        assert Enrollment.objects.filter(user=learner).exists()

    def test_csrf_is_enforced(self, course, learner):
        client = Client(enforce_csrf_checks=True)
        client.force_login(learner)
        assert (
            client.post(reverse("courses:enrol", args=[course.pk])).status_code == 403
        )
        services.enrollment_create(user=learner, course=course)
        assert (
            client.post(
                reverse("courses:complete", args=[lessons_of(course)[0].pk])
            ).status_code
            == 403
        )
        assert (
            client.post(reverse("courses:unenrol", args=[course.pk])).status_code == 403
        )
        assert not StepCompletion.objects.exists()
        assert Enrollment.objects.filter(user=learner).exists()

    def test_ids_that_are_not_live_courses_or_steps_are_404(
        self, signed_in, course, learner
    ):
        services.enrollment_create(user=learner, course=course)
        module = modules_of(course)[0]
        lesson = lessons_of(course)[0]
        assert (
            signed_in.post(reverse("courses:enrol", args=[module.pk])).status_code
            == 404
        )
        assert (
            signed_in.post(reverse("courses:complete", args=[module.pk])).status_code
            == 404
        )
        assert (
            signed_in.post(reverse("courses:complete", args=[course.pk])).status_code
            == 404
        )
        assert (
            signed_in.get(reverse("courses:resume", args=[lesson.pk])).status_code
            == 404
        )
        assert (
            signed_in.post(reverse("courses:enrol", args=[999999])).status_code == 404
        )
        lesson.unpublish()
        assert (
            signed_in.post(reverse("courses:complete", args=[lesson.pk])).status_code
            == 404
        )
        assert not StepCompletion.objects.exists()

    def test_another_learners_records_are_untouched_and_unseen(
        self, signed_in, catalogue, course, learner
    ):
        other = factories.make_user()
        services.enrollment_create(user=other, course=course)
        services.step_complete(user=other, page=lessons_of(course)[0])
        # Leaving a course you are not in is a 404 and leaves the other's record alone.
        assert (
            signed_in.get(reverse("courses:unenrol", args=[course.pk])).status_code
            == 404
        )
        assert (
            signed_in.post(reverse("courses:unenrol", args=[course.pk])).status_code
            == 404
        )
        assert Enrollment.objects.filter(user=other).exists()
        # Completing a step needs your own enrolment, whoever else is enrolled.
        signed_in.post(reverse("courses:complete", args=[lessons_of(course)[1].pk]))
        assert not StepCompletion.objects.filter(user=learner).exists()
        # The dashboard and the course page show only your own progress.
        # (The course may be recommended to you; it is not among your courses.)
        html = signed_in.get(reverse("courses:dashboard")).content.decode()
        assert f'data-course="{course.pk}"' not in html
        assert 'data-learning="open"' in signed_in.get(course.url).content.decode()


class TestEnrolAndLeave:
    def test_enrol_goes_to_the_first_step(self, signed_in, course, learner):
        response = signed_in.post(
            reverse("courses:enrol", args=[course.pk]), {"next": course.url}
        )
        assert response["Location"] == reverse("courses:resume", args=[course.pk])
        assert (
            signed_in.get(response["Location"])["Location"] == lessons_of(course)[0].url
        )
        assert Enrollment.objects.filter(user=learner, course=course).exists()

    def test_locked_course_says_what_unlocks_it(
        self, signed_in, catalogue, course, learner
    ):
        advanced = factories.make_course(catalogue, title="เขียนโปรแกรม")
        CoursePrerequisite.objects.create(page=advanced, prerequisite=course)
        html = signed_in.get(advanced.url).content.decode()
        assert 'data-learning="locked"' in html
        assert course.url in html
        assert reverse("courses:enrol", args=[advanced.pk]) not in html
        response = signed_in.post(
            reverse("courses:enrol", args=[advanced.pk]), follow=True
        )
        assert "รู้ทันข่าวปลอม" in response.content.decode()
        assert not Enrollment.objects.filter(course=advanced).exists()

    def test_leaving_asks_first_then_keeps_completions(
        self, signed_in, course, learner
    ):
        services.enrollment_create(user=learner, course=course)
        services.step_complete(user=learner, page=lessons_of(course)[0])
        url = reverse("courses:unenrol", args=[course.pk])
        page = signed_in.get(url)
        assert page.status_code == 200
        assert f'action="{url}"' in page.content.decode()
        assert Enrollment.objects.exists()
        response = signed_in.post(url, {"next": course.url})
        assert response["Location"] == course.url
        assert not Enrollment.objects.exists()
        assert StepCompletion.objects.filter(user=learner).count() == 1

    def test_next_must_stay_on_this_site(self, signed_in, course, learner):
        services.enrollment_create(user=learner, course=course)
        response = signed_in.post(
            reverse("courses:unenrol", args=[course.pk]),
            {"next": "https://evil.example/"},
        )
        assert response["Location"] == course.url


class TestCompleteStep:
    def test_button_completes_and_goes_to_the_next_step(
        self, signed_in, course, learner
    ):
        services.enrollment_create(user=learner, course=course)
        first, second = lessons_of(course)[:2]
        html = signed_in.get(first.url).content.decode()
        action = reverse("courses:complete", args=[first.pk])
        assert f'action="{action}"' in html
        assert f'name="next" value="{second.url}"' in html
        response = signed_in.post(action, {"next": second.url})
        assert response["Location"] == second.url
        assert 'data-learning="done"' in signed_in.get(first.url).content.decode()

    def test_script_gets_json(self, signed_in, course, learner):
        lesson = lessons_of(course)[0]
        refused = signed_in.post(
            reverse("courses:complete", args=[lesson.pk]),
            HTTP_ACCEPT="application/json",
        )
        assert refused.status_code == 400 and refused.json()["ok"] is False
        services.enrollment_create(user=learner, course=course)
        response = signed_in.post(
            reverse("courses:complete", args=[lesson.pk]),
            HTTP_ACCEPT="application/json",
        )
        assert response.json() == {"ok": True, "done_url": None}
        assert StepCompletion.objects.filter(user=learner, page=lesson).count() == 1

    def test_locked_step_shows_the_quiz_to_pass_and_no_button(
        self, signed_in, ordered_course, learner
    ):
        services.enrollment_create(user=learner, course=ordered_course)
        later = lessons_of(ordered_course)[1]
        quiz = modules_of(ordered_course)[0].get_children().last()
        html = signed_in.get(later.url).content.decode()
        assert 'data-learning="locked"' in html
        assert quiz.url in html
        assert reverse("courses:complete", args=[later.pk]) not in html
        signed_in.post(reverse("courses:complete", args=[later.pk]))
        assert not StepCompletion.objects.filter(page=later).exists()

    def test_visiting_a_step_remembers_it(self, signed_in, course, learner):
        services.enrollment_create(user=learner, course=course)
        lesson = lessons_of(course)[2]
        signed_in.get(lesson.url)
        assert Enrollment.objects.get().last_step_id == lesson.pk


class TestResume:
    def test_goes_to_the_first_unfinished_step(self, signed_in, course, learner):
        services.enrollment_create(user=learner, course=course)
        lessons = lessons_of(course)
        services.step_complete(user=learner, page=lessons[0])
        services.step_complete(user=learner, page=lessons[2])
        assert (
            signed_in.get(reverse("courses:resume", args=[course.pk]))["Location"]
            == lessons[1].url
        )

    def test_finished_or_not_enrolled_goes_to_the_course(
        self, signed_in, course, learner
    ):
        assert (
            signed_in.get(reverse("courses:resume", args=[course.pk]))["Location"]
            == course.url
        )
        services.enrollment_create(user=learner, course=course)
        for lesson in lessons_of(course):
            services.step_complete(user=learner, page=lesson)
        assert (
            signed_in.get(reverse("courses:resume", args=[course.pk]))["Location"]
            == course.url
        )

    def test_in_english_stays_in_english(self, course, learner):
        english_course = translate(course, "Spotting fake news")
        lesson = lessons_of(course)[0]
        english_lesson = translate(lesson, "Lesson one")
        services.enrollment_create(user=learner, course=course)
        client = Client()
        client.force_login(learner)
        response = client.get(f"/en/learn/resume/{english_course.pk}/")
        assert response["Location"] == english_lesson.url
        assert english_lesson.url.startswith("/en/")
        # A step without an English version falls back to the Thai page.
        services.step_complete(user=learner, page=english_lesson)
        assert (
            client.get(f"/en/learn/resume/{course.pk}/")["Location"]
            == lessons_of(course)[1].url
        )


class TestQuizNeedsPassing:
    def test_the_complete_button_cannot_complete_a_quiz(
        self, signed_in, course, learner
    ):
        from .conftest import add_quiz, modules_of

        services.enrollment_create(user=learner, course=course)
        quiz = add_quiz(modules_of(course)[-1])
        for lesson in lessons_of(course):
            services.step_complete(user=learner, page=lesson)
        url = reverse("courses:complete", args=[quiz.pk])
        response = signed_in.post(url, HTTP_ACCEPT="application/json")
        assert response.status_code == 400
        signed_in.post(url)
        assert not StepCompletion.objects.filter(user=learner, page=quiz).exists()
