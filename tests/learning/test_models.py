"""The learner records' constraints and cascades."""

import pytest
from django.db import IntegrityError, transaction

from courses.models import Enrollment, StepCompletion

from .conftest import lessons_of


class TestEnrollmentModel:
    def test_one_enrolment_per_user_and_course(self, course, learner):
        Enrollment.objects.create(user=learner, course=course)
        with pytest.raises(IntegrityError), transaction.atomic():
            Enrollment.objects.create(user=learner, course=course)

    def test_deleting_the_course_deletes_its_enrolments(self, course, learner):
        Enrollment.objects.create(user=learner, course=course)
        course.delete()
        assert not Enrollment.objects.exists()

    def test_deleting_the_last_step_keeps_the_enrolment(self, course, learner):
        lesson = lessons_of(course)[0]
        Enrollment.objects.create(user=learner, course=course, last_step=lesson)
        lesson.delete()
        assert Enrollment.objects.get().last_step is None


class TestStepCompletionModel:
    def test_one_completion_per_user_and_step(self, course, learner):
        lesson = lessons_of(course)[0]
        StepCompletion.objects.create(user=learner, page=lesson, course=course)
        with pytest.raises(IntegrityError), transaction.atomic():
            StepCompletion.objects.create(user=learner, page=lesson, course=course)

    def test_deleting_a_step_deletes_its_completions(self, course, learner):
        lesson = lessons_of(course)[0]
        StepCompletion.objects.create(user=learner, page=lesson, course=course)
        lesson.delete()
        assert not StepCompletion.objects.exists()

    def test_completions_are_indexed_for_reports(self):
        indexed = {tuple(index.fields) for index in StepCompletion._meta.indexes}
        assert ("course", "completed_at") in indexed
