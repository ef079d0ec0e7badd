"""Two tabs (or a double click reaching two workers) writing at the same time.

Only PostgreSQL runs the writers truly concurrently; SQLite serialises whole
transactions with a database lock, so the race cannot happen there.
"""

import threading

import pytest
from django.db import connection

from courses import services
from courses.models import Enrollment, StepCompletion
from courses.signals import course_completed
from tests import factories

from .conftest import lessons_of

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs concurrent transactions: run with DATABASE_URL=postgres://…",
    ),
]

WORKERS = 4


def run_at_once(action) -> list[BaseException]:
    """Run ``action`` in WORKERS threads released together; return their errors."""
    barrier = threading.Barrier(WORKERS)
    errors: list[BaseException] = []

    def worker():
        try:
            barrier.wait()
            action()
        except BaseException as err:  # noqa: BLE001 - collected and asserted by the test
            errors.append(err)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_concurrent_enrolments_make_one_row():
    course = factories.make_course(
        factories.make_catalogue(factories.ensure_site()), modules=1, lessons=1
    )
    learner = factories.make_user()
    errors = run_at_once(
        lambda: services.enrollment_create(user=learner, course=course)
    )
    assert errors == []
    assert Enrollment.objects.filter(user=learner, course=course).count() == 1


def test_concurrent_completions_of_the_last_step_make_one_row_and_one_signal():
    course = factories.make_course(
        factories.make_catalogue(factories.ensure_site()), modules=1, lessons=1
    )
    learner = factories.make_user()
    services.enrollment_create(user=learner, course=course)
    [lesson] = lessons_of(course)
    received = []
    lock = threading.Lock()

    def on_course(sender, user, course, **kwargs):
        with lock:
            received.append(course.pk)

    course_completed.connect(on_course, dispatch_uid="test-race")
    try:
        errors = run_at_once(lambda: services.step_complete(user=learner, page=lesson))
    finally:
        course_completed.disconnect(dispatch_uid="test-race")
    assert errors == []
    assert StepCompletion.objects.filter(user=learner, page=lesson).count() == 1
    assert Enrollment.objects.get(user=learner, course=course).completed_at is not None
    assert received == [course.pk]


def test_two_tabs_finishing_the_last_two_steps_complete_the_course_once():
    course = factories.make_course(
        factories.make_catalogue(factories.ensure_site()), modules=1, lessons=WORKERS
    )
    learner = factories.make_user()
    services.enrollment_create(user=learner, course=course)
    lessons = iter(lessons_of(course))
    pick = threading.Lock()
    received = []

    def complete_one():
        with pick:
            lesson = next(lessons)
        services.step_complete(user=learner, page=lesson)

    course_completed.connect(
        lambda sender, course, **kw: received.append(course.pk),
        dispatch_uid="test-race-2",
        weak=False,
    )
    try:
        errors = run_at_once(complete_one)
    finally:
        course_completed.disconnect(dispatch_uid="test-race-2")
    assert errors == []
    assert StepCompletion.objects.filter(user=learner, course=course).count() == WORKERS
    assert Enrollment.objects.get(user=learner, course=course).completed_at is not None
    assert received == [course.pk]
