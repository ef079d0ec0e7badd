"""Text people type is shown escaped wherever it appears again: names on
certificates, verification pages and admin lists, free-text answers in the
marking queue, search terms."""

import pytest
from django.test import override_settings

from certificates import services as certificate_services
from courses.quiz.services import attempt_start, attempt_submit
from courses.services import enrollment_create
from lms.accounts.services import trainer_scope_set
from tests import factories
from tests.certificates.conftest import make_award, make_template
from tests.quiz.helpers import make_question, make_quiz

pytestmark = pytest.mark.django_db

PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def assert_escaped(html: str):
    assert PAYLOAD not in html
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert" in html


@pytest.fixture
def certificate(catalogue, tmp_path):
    with override_settings(MEDIA_ROOT=tmp_path):
        course = factories.make_course(catalogue, title="หลักสูตร " + PAYLOAD)
        user = factories.make_user(first_name=PAYLOAD, last_name="ใจดี")
        award = make_award(template=make_template(), courses=[course])
        yield certificate_services.certificate_issue(user=user, award=award)[0]


def test_verification_page_escapes_the_name_and_award(client, certificate):
    html = client.get(f"/verify/{certificate.code}/").content.decode()
    assert_escaped(html)


def test_verification_json_keeps_the_text_as_data(client, certificate):
    data = client.get(f"/verify/{certificate.code}.json").json()
    assert data["credentialSubject"]["achievement"]["name"].startswith(
        "หลักสูตร <script>"
    )
    assert client.get(f"/verify/{certificate.code}.json")["Content-Type"].startswith(
        "application/"
    )


def test_my_certificates_escapes(client, certificate):
    client.force_login(certificate.user)
    assert_escaped(client.get("/th/certificates/").content.decode())


def test_admin_certificate_pages_escape(client, certificate):
    client.force_login(factories.make_user(role="Administrator"))
    for url in (
        "/admin/snippets/certificates/issuedcertificate/",
        f"/admin/certificates/issued/{certificate.pk}/",
    ):
        assert_escaped(client.get(url).content.decode())


def test_free_text_answer_is_escaped_in_the_marking_queue(client, catalogue):
    course = factories.make_course(catalogue)
    question = make_question(course, kind="free", options=())
    quiz = make_quiz(course, [question])
    learner = factories.make_user(first_name=PAYLOAD)
    enrollment_create(user=learner, course=course)
    attempt = attempt_start(user=learner, quiz=quiz)
    attempt_submit(
        user=learner, public_id=attempt.public_id, responses={question.pk: PAYLOAD}
    )
    trainer = factories.make_user(role="Trainer")
    trainer_scope_set(user=trainer, province_codes=[learner.profile.province_code])
    client.force_login(trainer)
    html = client.get("/admin/quiz/marking/").content.decode()
    assert "ข้อใดคือสัญญาณของข่าวปลอม" in html  # the question is listed for marking
    assert "&lt;script&gt;alert" in html
    assert "<script>alert" not in html and "<img src=x" not in html


def test_search_term_is_escaped(client, home_page):
    html = client.get("/th/search/", {"q": PAYLOAD}).content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
