"""Enrolment and progress through the API: the site's rules, own records only."""

import pytest

from courses.models import Enrollment, LessonPage, StepCompletion
from tests import factories
from tests.elearning.helpers import make_package_step
from tests.elearning.packages import scorm12_zip
from tests.quiz.helpers import make_question, make_quiz


def lessons(course):
    return list(LessonPage.objects.descendant_of(course).order_by("path"))


@pytest.mark.django_db
class TestEnrolment:
    def test_enrol_list_detail_and_leave(self, api, volunteer, course):
        response = api.post("/enrolments", {"course_id": course.pk})
        assert response.status_code == 201
        body = response.json()
        assert (
            body["course_id"] == course.pk
            and body["percent"] == 0
            and body["total_steps"] == 4
        )
        assert body["next_step"]["id"] == lessons(course)[0].pk
        assert (
            api.post("/enrolments", {"course_id": course.pk}).status_code == 201
        )  # twice: harmless
        assert Enrollment.objects.filter(user=volunteer).count() == 1
        listing = api.get("/enrolments").json()
        assert listing["count"] == 1 and listing["items"][0]["title"] == course.title
        detail = api.get(f"/enrolments/{course.pk}").json()
        assert [s["done"] for s in detail["steps"]] == [False] * 4
        assert api.delete(f"/enrolments/{course.pk}").status_code == 204
        assert api.get(f"/enrolments/{course.pk}").status_code == 404
        assert api.delete(f"/enrolments/{course.pk}").status_code == 404

    def test_prerequisite_refusal_has_a_code_and_changes_nothing(
        self, api, catalogue, course
    ):
        advanced = factories.make_course(catalogue, title="ขั้นสูง")
        advanced.prerequisite_links.create(prerequisite=course)
        advanced.save_revision().publish()
        response = api.post("/enrolments", {"course_id": advanced.pk})
        assert response.status_code == 409
        assert response.json()["code"] == "prerequisites_missing"
        assert course.title in response.json()["message"]
        assert not Enrollment.objects.exists()

    def test_unknown_or_unpublished_course_is_404(self, api, course):
        assert api.post("/enrolments", {"course_id": 999999}).status_code == 404
        course.unpublish()
        assert api.post("/enrolments", {"course_id": course.pk}).status_code == 404

    def test_bad_course_id_names_the_field(self, api, db):
        response = api.post("/enrolments", {"course_id": "abc"})
        assert response.status_code == 422 and list(response.json()["fields"]) == [
            "course_id"
        ]
        response = api.post("/enrolments", {"course_id": 10**20})
        assert response.status_code == 422


@pytest.mark.django_db
class TestProgress:
    def test_completing_lessons_moves_progress(self, api, volunteer, course):
        api.post("/enrolments", {"course_id": course.pk})
        first, second, *_ = lessons(course)
        response = api.post(f"/steps/{first.pk}/complete")
        assert response.status_code == 200
        assert response.json()["enrolment"]["completed_steps"] == 1
        assert response.json()["enrolment"]["next_step"]["id"] == second.pk
        assert api.post(f"/steps/{first.pk}/complete").status_code == 200  # idempotent
        assert StepCompletion.objects.filter(user=volunteer).count() == 1
        for lesson in lessons(course)[1:]:
            api.post(f"/steps/{lesson.pk}/complete")
        detail = api.get(f"/enrolments/{course.pk}").json()
        assert (
            detail["is_complete"]
            and detail["percent"] == 100
            and detail["completed_at"]
        )

    def test_not_enrolled_is_refused_with_a_code(self, api, course):
        response = api.post(f"/steps/{lessons(course)[0].pk}/complete")
        assert response.status_code == 409 and response.json()["code"] == "not_enrolled"

    def test_locked_module_and_quizzes_are_refused(self, api, catalogue):
        course = factories.make_course(
            catalogue, modules=2, lessons=1, require_quiz_pass=True
        )
        from courses.models import ModulePage

        first_module = ModulePage.objects.child_of(course).order_by("path").first()
        quiz = make_quiz(course, [make_question(course)], module=first_module)
        api.post("/enrolments", {"course_id": course.pk})
        later = lessons(course)[1]
        response = api.post(f"/steps/{later.pk}/complete")
        assert response.status_code == 409 and response.json()["code"] == "step_locked"
        response = api.post(f"/steps/{quiz.pk}/complete")
        assert (
            response.status_code == 409 and response.json()["code"] == "quiz_needs_pass"
        )
        detail = api.get(f"/enrolments/{course.pk}").json()
        assert [(s["kind"], s["locked"]) for s in detail["steps"]] == [
            ("lesson", False),
            ("quiz", False),
            ("lesson", True),
        ]

    def test_a_module_is_not_a_step(self, api, course):
        from courses.models import ModulePage

        module = ModulePage.objects.child_of(course).first()
        assert api.post(f"/steps/{module.pk}/complete").status_code == 404


@pytest.mark.django_db
class TestOwnRecordsOnly:
    def test_another_volunteers_progress_is_404(self, api, other_api, other, course):
        other_api.post("/enrolments", {"course_id": course.pk})
        other_api.post(f"/steps/{lessons(course)[0].pk}/complete")
        assert api.get(f"/enrolments/{course.pk}").status_code == 404
        assert api.delete(f"/enrolments/{course.pk}").status_code == 404
        assert api.get("/enrolments").json()["count"] == 0
        assert Enrollment.objects.filter(user=other).exists()

    def test_enrolment_list_query_count_is_fixed(
        self, api, catalogue, django_assert_max_num_queries
    ):
        for size in (1, 5):
            while Enrollment.objects.count() < size:
                course = factories.make_course(catalogue, lessons=2)
                api.post("/enrolments", {"course_id": course.pk})
                api.post(f"/steps/{lessons(course)[0].pk}/complete")
            api.get("/enrolments")
            with django_assert_max_num_queries(12):
                assert api.get("/enrolments").json()["count"] == size


@pytest.mark.django_db
def test_a_package_step_is_called_a_package(api, volunteer, course, settings, tmp_path):
    """A client must not offer "mark as read" for a SCORM/H5P step: it says package."""
    settings.ELEARNING_ROOT = str(tmp_path / "packages")
    package = make_package_step(course, scorm12_zip())
    api.post("/enrolments", {"course_id": course.pk})
    steps = api.get(f"/enrolments/{course.pk}").json()["steps"]
    kinds = {step["id"]: step["kind"] for step in steps}
    assert kinds[package.pk] == "package"
    assert set(kinds.values()) == {"lesson", "package"}
