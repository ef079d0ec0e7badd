"""Two submissions of one attempt at the same moment are graded once (PostgreSQL)."""

import threading

import pytest
from django.db import connection

from courses import services as course_services
from courses.quiz import services
from courses.quiz.models import Answer, Attempt, AttemptStatus
from tests import factories

from .helpers import correct_ids, make_question, make_quiz, wrong_ids


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs real concurrent transactions (PostgreSQL)",
)
def test_two_concurrent_submissions_are_graded_once():
    course = factories.make_course(
        factories.make_catalogue(factories.ensure_site()), modules=1, lessons=1
    )
    learner = factories.make_user()
    course_services.enrollment_create(user=learner, course=course)
    q = make_question(course)
    quiz = make_quiz(course, [q])
    attempt = services.attempt_start(user=learner, quiz=quiz)
    barrier = threading.Barrier(2)
    errors, results = [], []

    def submit(choice):
        try:
            barrier.wait()
            graded = services.attempt_submit(
                user=learner, public_id=attempt.public_id, responses={q.pk: choice}
            )
            results.append(graded.submitted_at)
        except Exception as err:  # noqa: BLE001 - asserted below
            errors.append(err)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=submit, args=(ids,))
        for ids in (correct_ids(q), wrong_ids(q))
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert Answer.objects.filter(attempt=attempt).count() == 1
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.GRADED
    # Both callers saw the one grading: the same submission time.
    assert len(results) == 2 and results[0] == results[1] == attempt.submitted_at
    assert float(attempt.score) in (0.0, 100.0)


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs real concurrent transactions (PostgreSQL)",
)
def test_two_tabs_starting_at_once_share_one_attempt():
    course = factories.make_course(
        factories.make_catalogue(factories.ensure_site()), modules=1, lessons=1
    )
    learner = factories.make_user()
    course_services.enrollment_create(user=learner, course=course)
    quiz = make_quiz(course, [make_question(course)])
    barrier = threading.Barrier(2)
    started, errors = [], []

    def start():
        try:
            barrier.wait()
            started.append(services.attempt_start(user=learner, quiz=quiz).pk)
        except Exception as err:  # noqa: BLE001 - asserted below
            errors.append(err)
        finally:
            connection.close()

    threads = [threading.Thread(target=start) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert Attempt.objects.filter(user=learner, quiz=quiz).count() == 1
    assert len(set(started)) == 1
