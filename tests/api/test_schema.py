"""Schemathesis against /api/v1/openapi.json: generated requests for every
operation, checked for server errors and responses the schema does not allow.

Runs through the WSGI application inside the test's database transaction, so
it needs no server; a few examples per operation keep it well under a minute.
"""

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from django.test import override_settings
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import GenerationMode
from wagtail.models import APIToken

from courses.services import enrollment_create
from tests import factories
from tests.quiz.helpers import make_question, make_quiz

CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.content_type_conformance,
    schemathesis.checks.response_schema_conformance,
    schemathesis.checks.response_headers_conformance,
]


@pytest.fixture
def volunteer(db, catalogue):
    return factories.make_user(phone="0812345678")


@pytest.fixture
def real_ids(volunteer, catalogue):
    """Ids of real records of ``volunteer``, so that generated requests also
    reach the successful paths (random ids mostly meet 404s)."""
    from certificates.services import certificate_issue
    from courses.models import LessonPage
    from courses.quiz.services import attempt_start
    from tests.certificates.conftest import make_award

    course = factories.make_course(catalogue, modules=1, lessons=2)
    quiz = make_quiz(course, [make_question(course)])
    enrollment_create(user=volunteer, course=course)
    attempt = attempt_start(user=volunteer, quiz=quiz)
    certificate = certificate_issue(user=volunteer, award=make_award(courses=[course]))[
        0
    ]
    token, _plaintext = APIToken.create_token(user=volunteer, name="spare")
    return {
        "course_id": course.pk,
        "step_id": LessonPage.objects.descendant_of(course).first().pk,
        "quiz_id": quiz.pk,
        "attempt_id": str(attempt.public_id),
        "code": certificate.code,
        "token_id": token.pk,
    }


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """The real WSGI handler closes "old" connections at the start and end of
    each request; inside the test's transaction on PostgreSQL that closes the
    test's own connection (SQLite's in-memory database ignores it). Django's
    test client disconnects the same two handlers; so does this test."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@override_settings(
    LMS_API_THROTTLE_RATES={
        "sign_in": "100000/min",
        "user": "100000/min",
        "anon": "100000/min",
    }
)
def test_api_conforms_to_its_schema(volunteer, real_ids):
    # Schemathesis's pytest plugin does not load under pytest 9, so its
    # strategies are driven with Hypothesis directly, one operation at a time.
    schema = schemathesis.openapi.from_wsgi(
        "/api/v1/openapi.json", get_wsgi_application()
    )
    failures = []
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 20

    def strategies(operation):
        yield operation.as_strategy()
        yield operation.as_strategy(GenerationMode.NEGATIVE)
        names = [p.name for p in operation.path_parameters]
        if names:
            yield operation.as_strategy(
                path_parameters={name: real_ids[name] for name in names}
            )

    cases = [(op, strategy) for op in operations for strategy in strategies(op)]
    for operation, strategy in cases:

        @given(case=strategy)
        @settings(
            max_examples=6,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
            phases=[Phase.explicit, Phase.generate],
        )
        def run(case):
            # A fresh token per case: a generated "sign out" must not end the run.
            _token, plaintext = APIToken.create_token(
                user=volunteer, name="schemathesis"
            )
            response = case.call(headers={"Authorization": f"Bearer {plaintext}"})
            case.validate_response(response, checks=CHECKS)

        try:
            run()
        except (Exception, BaseExceptionGroup) as err:  # noqa: BLE001 - collect all
            failures.append(f"{operation.label}: {err}")
    assert not failures, "\n\n".join(failures)
