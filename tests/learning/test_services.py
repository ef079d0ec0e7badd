"""Enrolment and step progress services."""

import pytest
from wagtail.models import Locale

from courses import services
from courses.models import CoursePrerequisite, Enrollment, StepCompletion
from courses.progress_selectors import course_progress, step_is_locked
from courses.signals import course_completed, step_completed
from tests import factories

from .conftest import add_quiz, lessons_of, modules_of, translate


@pytest.fixture
def signals():
    """Records every course_completed and step_completed sent during a test."""
    received = {"course": [], "step": []}

    def on_course(sender, user, course, **kwargs):
        received["course"].append((user.pk, course.pk))

    def on_step(sender, user, page, **kwargs):
        received["step"].append((user.pk, page.pk))

    course_completed.connect(on_course, dispatch_uid="test-learning-course")
    step_completed.connect(on_step, dispatch_uid="test-learning-step")
    yield received
    course_completed.disconnect(dispatch_uid="test-learning-course")
    step_completed.disconnect(dispatch_uid="test-learning-step")


class TestEnrollmentCreate:
    def test_enrols_once_however_often_asked(self, course, learner):
        first = services.enrollment_create(user=learner, course=course)
        second = services.enrollment_create(user=learner, course=course)
        assert first.pk == second.pk
        assert Enrollment.objects.filter(user=learner, course=course).count() == 1

    def test_refuses_until_prerequisites_are_completed_then_allows(
        self, catalogue, course, learner
    ):
        advanced = factories.make_course(
            catalogue, title="เขียนโปรแกรม", modules=1, lessons=1
        )
        CoursePrerequisite.objects.create(page=advanced, prerequisite=course)
        with pytest.raises(services.EnrollmentError, match="รู้ทันข่าวปลอม"):
            services.enrollment_create(user=learner, course=advanced)
        assert not Enrollment.objects.filter(course=advanced).exists()
        # Enrolled but not finished is not enough.
        services.enrollment_create(user=learner, course=course)
        with pytest.raises(services.EnrollmentError):
            services.enrollment_create(user=learner, course=advanced)
        for lesson in lessons_of(course):
            services.step_complete(user=learner, page=lesson)
        assert (
            services.enrollment_create(user=learner, course=advanced).course_id
            == advanced.pk
        )

    def test_an_unpublished_prerequisite_does_not_block(
        self, catalogue, course, learner
    ):
        advanced = factories.make_course(catalogue, modules=1, lessons=1)
        CoursePrerequisite.objects.create(page=advanced, prerequisite=course)
        course.unpublish()
        assert (
            services.enrollment_create(user=learner, course=advanced).course_id
            == advanced.pk
        )

    def test_enrolling_on_the_english_page_keys_to_the_thai_course(
        self, course, learner
    ):
        english = translate(course, "Spotting fake news")
        enrollment = services.enrollment_create(user=learner, course=english)
        assert enrollment.course_id == course.pk


class TestEnrollmentDelete:
    def test_unenrol_keeps_completions_and_reenrol_resumes(self, course, learner):
        services.enrollment_create(user=learner, course=course)
        first = lessons_of(course)[0]
        services.step_complete(user=learner, page=first)
        services.enrollment_delete(user=learner, course=course)
        assert not Enrollment.objects.exists()
        assert StepCompletion.objects.filter(user=learner, page=first).exists()
        services.enrollment_create(user=learner, course=course)
        progress = course_progress(user=learner, course=course)
        assert (progress.completed, progress.next_step.pk) == (
            1,
            lessons_of(course)[1].pk,
        )

    def test_only_the_learners_own_enrolment_goes(self, course, learner):
        other = factories.make_user()
        services.enrollment_create(user=learner, course=course)
        services.enrollment_create(user=other, course=course)
        services.enrollment_delete(user=learner, course=course)
        assert list(Enrollment.objects.values_list("user_id", flat=True)) == [other.pk]


class TestStepComplete:
    def test_needs_an_enrolment(self, course, learner):
        with pytest.raises(services.EnrollmentError):
            services.step_complete(user=learner, page=lessons_of(course)[0])
        assert not StepCompletion.objects.exists()

    def test_is_idempotent(self, course, learner, signals):
        services.enrollment_create(user=learner, course=course)
        lesson = lessons_of(course)[0]
        first = services.step_complete(user=learner, page=lesson)
        second = services.step_complete(user=learner, page=lesson)
        assert first.pk == second.pk
        assert StepCompletion.objects.filter(user=learner, page=lesson).count() == 1
        assert signals["step"] == [(learner.pk, lesson.pk)]

    def test_records_the_course_and_the_last_step(self, course, learner):
        services.enrollment_create(user=learner, course=course)
        lesson = lessons_of(course)[1]
        completion = services.step_complete(user=learner, page=lesson)
        assert completion.course_id == course.pk
        assert Enrollment.objects.get().last_step_id == lesson.pk

    def test_refuses_pages_that_are_not_steps(self, course, learner):
        services.enrollment_create(user=learner, course=course)
        for page in (course, modules_of(course)[0]):
            with pytest.raises(services.EnrollmentError):
                services.step_complete(user=learner, page=page)
        assert not StepCompletion.objects.exists()

    def test_last_step_completes_the_course_and_signals_once(
        self, course, learner, signals
    ):
        services.enrollment_create(user=learner, course=course)
        lessons = lessons_of(course)
        for lesson in lessons[:-1]:
            services.step_complete(user=learner, page=lesson)
        assert Enrollment.objects.get().completed_at is None
        assert signals["course"] == []
        services.step_complete(user=learner, page=lessons[-1])
        services.step_complete(user=learner, page=lessons[-1])
        services.step_complete(user=learner, page=lessons[0])
        assert Enrollment.objects.get().completed_at is not None
        assert signals["course"] == [(learner.pk, course.pk)]

    def test_unpublished_steps_are_not_needed_to_finish(self, course, learner):
        services.enrollment_create(user=learner, course=course)
        lessons = lessons_of(course)
        lessons[-1].unpublish()
        for lesson in lessons[:-1]:
            services.step_complete(user=learner, page=lesson)
        assert Enrollment.objects.get().completed_at is not None

    def test_progress_on_the_english_page_counts_for_the_thai_course(
        self, course, learner, signals
    ):
        english_course = translate(course, "Spotting fake news")
        thai_lesson = lessons_of(course)[0]
        english_lesson = translate(thai_lesson, "Lesson one")
        assert english_lesson.locale.language_code == "en"
        services.enrollment_create(user=learner, course=english_course)
        services.step_complete(user=learner, page=english_lesson)
        completion = StepCompletion.objects.get()
        assert (completion.page_id, completion.course_id) == (thai_lesson.pk, course.pk)
        assert signals["step"] == [(learner.pk, thai_lesson.pk)]
        # Reading on in Thai continues the same record.
        services.step_complete(user=learner, page=thai_lesson)
        assert StepCompletion.objects.count() == 1
        assert Enrollment.objects.get().last_step_id == thai_lesson.pk

    def test_canonical_page_without_a_thai_version_is_the_page_itself(self, course):
        english = translate(course, "Spotting fake news")
        course.delete()
        english.refresh_from_db()
        assert Locale.get_default().language_code == "th"
        assert services.canonical_page(english).pk == english.pk


class TestStepVisit:
    def test_remembers_the_last_step_for_enrolled_learners_only(self, course, learner):
        lesson = lessons_of(course)[2]
        services.step_visit(user=learner, page=lesson)
        assert not Enrollment.objects.exists()
        services.enrollment_create(user=learner, course=course)
        services.step_visit(user=learner, page=lesson)
        assert Enrollment.objects.get().last_step_id == lesson.pk


class TestModulesInOrder:
    def test_next_module_is_locked_until_the_quiz_is_passed(
        self, ordered_course, learner
    ):
        services.enrollment_create(user=learner, course=ordered_course)
        first, second = modules_of(ordered_course)
        quiz = first.get_children().last()
        later = lessons_of(ordered_course)[1]
        assert later.get_parent().pk == second.pk
        assert not step_is_locked(user=learner, page=quiz)
        assert step_is_locked(user=learner, page=later)
        with pytest.raises(services.EnrollmentError):
            services.step_complete(user=learner, page=later)
        # The quiz engine calls step_complete when the learner passes.
        services.step_complete(user=learner, page=quiz)
        assert not step_is_locked(user=learner, page=later)
        services.step_complete(user=learner, page=later)
        assert StepCompletion.objects.filter(user=learner, page=later).exists()

    def test_lessons_before_the_quiz_stay_open(self, ordered_course, learner):
        services.enrollment_create(user=learner, course=ordered_course)
        first_lesson = lessons_of(ordered_course)[0]
        assert not step_is_locked(user=learner, page=first_lesson)
        services.step_complete(user=learner, page=first_lesson)

    def test_without_modules_in_order_nothing_is_locked(self, catalogue, learner):
        course = factories.make_course(catalogue, modules=2, lessons=1)
        add_quiz(modules_of(course)[0])
        services.enrollment_create(user=learner, course=course)
        later = lessons_of(course)[-1]
        assert not step_is_locked(user=learner, page=later)
        services.step_complete(user=learner, page=later)

    def test_a_quiz_completes_the_course_like_a_lesson(
        self, ordered_course, learner, signals
    ):
        services.enrollment_create(user=learner, course=ordered_course)
        quiz = modules_of(ordered_course)[0].get_children().last()
        services.step_complete(user=learner, page=lessons_of(ordered_course)[0])
        services.step_complete(user=learner, page=quiz)
        for lesson in lessons_of(ordered_course)[1:]:
            services.step_complete(user=learner, page=lesson)
        assert signals["course"] == [(learner.pk, ordered_course.pk)]
