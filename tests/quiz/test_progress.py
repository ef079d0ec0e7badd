"""Passing a module's quiz opens the next module when the course requires it."""

import pytest

from courses import services as course_services
from courses.models import LessonPage, ModulePage, StepCompletion
from courses.quiz import services
from tests import factories

from .helpers import correct_ids, make_question, make_quiz


@pytest.fixture
def ordered(catalogue):
    course = factories.make_course(
        catalogue, modules=2, lessons=1, require_quiz_pass=True
    )
    learner = factories.make_user()
    course_services.enrollment_create(user=learner, course=course)
    first_module = ModulePage.objects.child_of(course).order_by("path").first()
    q = make_question(course)
    quiz = make_quiz(course, [q], module=first_module)
    later_lesson = LessonPage.objects.descendant_of(course).order_by("path").last()
    return learner, quiz, q, later_lesson


def test_next_module_opens_when_the_quiz_is_passed(ordered):
    learner, quiz, q, later_lesson = ordered
    with pytest.raises(course_services.EnrollmentError):
        course_services.step_complete(user=learner, page=later_lesson)
    attempt = services.attempt_start(user=learner, quiz=quiz)
    services.attempt_submit(
        user=learner, public_id=attempt.public_id, responses={q.pk: correct_ids(q)}
    )
    course_services.step_complete(user=learner, page=later_lesson)
    assert StepCompletion.objects.filter(user=learner, page=later_lesson).exists()


def test_a_failed_quiz_keeps_the_next_module_locked(ordered):
    learner, quiz, q, later_lesson = ordered
    attempt = services.attempt_start(user=learner, quiz=quiz)
    services.attempt_submit(user=learner, public_id=attempt.public_id, responses={})
    with pytest.raises(course_services.EnrollmentError):
        course_services.step_complete(user=learner, page=later_lesson)


def test_a_pass_after_unenrolling_keeps_the_grade(ordered):
    learner, quiz, q, _later = ordered
    attempt = services.attempt_start(user=learner, quiz=quiz)
    course_services.enrollment_delete(
        user=learner, course=quiz.get_parent().get_parent().specific
    )
    services.attempt_submit(
        user=learner, public_id=attempt.public_id, responses={q.pk: correct_ids(q)}
    )
    attempt.refresh_from_db()
    assert (
        attempt.status == "graded" and attempt.passed
    )  # no error from the missing enrolment


def test_locked_lesson_hides_its_content(client, ordered):
    learner, _quiz, _q, later_lesson = ordered
    client.force_login(learner)
    html = client.get(later_lesson.url).content.decode()
    assert "เนื้อหาบทเรียน 2.1" not in html
