"""Every URL that names one person's object answers 404 to anyone else."""

import pytest
from django.test import override_settings

from certificates import services as certificate_services
from courses.quiz.services import attempt_start
from courses.services import enrollment_create
from tests import factories
from tests.certificates.conftest import make_award
from tests.quiz.helpers import make_question, make_quiz

pytestmark = pytest.mark.django_db


@pytest.fixture
def owned(catalogue, tmp_path):
    """Volunteer A's attempt and certificate; the URLs that reach them."""
    with override_settings(MEDIA_ROOT=tmp_path):
        course = factories.make_course(catalogue)
        quiz = make_quiz(course, [make_question(course)])
        owner = factories.make_user()
        enrollment_create(user=owner, course=course)
        attempt = attempt_start(user=owner, quiz=quiz)
        certificate = certificate_services.certificate_issue(
            user=owner, award=make_award(courses=[course])
        )[0]
        yield (
            owner,
            {
                ("get", f"/th/quiz/attempt/{attempt.public_id}/"),
                ("post", f"/th/quiz/attempt/{attempt.public_id}/save/"),
                ("post", f"/th/quiz/attempt/{attempt.public_id}/submit/"),
                ("get", f"/th/certificates/{certificate.code}/pdf/"),
            },
        )


@pytest.mark.parametrize("role", ["Volunteer", "Trainer", "Administrator"])
def test_another_person_gets_404(client, owned, role):
    _owner, urls = owned
    client.force_login(factories.make_user(role=role))
    answers = {
        (method, url): getattr(client, method)(url).status_code for method, url in urls
    }
    assert answers == dict.fromkeys(urls, 404)


def test_the_owner_gets_them(client, owned):
    owner, urls = owned
    client.force_login(owner)
    assert (
        client.get(next(url for m, url in urls if url.endswith("/pdf/"))).status_code
        == 200
    )
    attempt_url = next(url for m, url in urls if m == "get" and "/quiz/" in url)
    assert client.get(attempt_url).status_code == 200
