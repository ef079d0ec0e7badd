"""Access and portability: everything held about a person, JSON plus CSV."""

import csv
import io
import json
import zipfile

import pytest
from axes.models import AccessLog
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import ModelLogEntry

from courses.quiz.models import Answer, Attempt
from lms.privacy import export
from lms.privacy.models import DataExport
from tests import factories

from .conftest import EMAIL, FIRST, LAST, PHONE, VILLAGE

EXPECTED_TABLES = {
    "accounts.User",
    "accounts.VolunteerProfile",
    "courses.Enrollment",
    "courses.StepCompletion",
    "quiz.Attempt",
    "quiz.Answer",
    "competencies.CompetencyEvidence",
    "competencies.LevelChange",
    "certificates.IssuedCertificate",
    "dataprotection.ConsentRecord",
    "dataprotection.NoticeAcceptance",
    "axes.AccessLog",
    "axes.AccessAttempt",
    "axes.AccessFailureLog",
    "wagtailcore.APIToken",
    "wagtailcore.ModelLogEntry",
}


def test_export_contains_every_declared_field_of_every_table(person):
    data = export.person_data(user=person)
    tables = data["tables"]
    with_rows = {label for label, table in tables.items() if table["rows"]}
    assert EXPECTED_TABLES <= with_rows
    for declaration in export.exportable():
        table = tables[declaration.model]
        for row in table["rows"]:
            assert set(declaration.fields) <= set(row), declaration.model
    text = json.dumps(data, ensure_ascii=False)
    for value in (FIRST, LAST, PHONE, EMAIL, VILLAGE, "10.0.0.7", "course_news"):
        assert value in text
    user = tables["accounts.User"]["rows"][0]
    assert (user["first_name"], user["phone"], user["email"]) == (FIRST, PHONE, EMAIL)
    answer = tables["quiz.Answer"]["rows"][0]
    assert FIRST in answer["text"]
    certificate = tables["certificates.IssuedCertificate"]["rows"][0]
    assert certificate["recipient_name"] == f"{FIRST} {LAST}"


def test_export_leaves_out_other_people_and_the_answer_key(person):
    other = factories.make_user(first_name="คนอื่น", last_name="ไม่เกี่ยว")
    text = json.dumps(export.person_data(user=person), ensure_ascii=False)
    assert other.email not in text and "คนอื่น" not in text
    assert "answer_key" not in text


def test_zip_has_json_and_a_csv_per_table(person):
    archive = zipfile.ZipFile(io.BytesIO(export.person_zip(user=person)))
    names = set(archive.namelist())
    assert "data.json" in names
    assert {f"{label}.csv" for label in EXPECTED_TABLES} <= names
    rows = list(
        csv.reader(io.StringIO(archive.read("accounts.User.csv").decode("utf-8-sig")))
    )
    assert rows[0][:3] == ["id", "username", "first_name"]
    assert rows[1][2] == FIRST


def test_query_count_does_not_grow_with_the_history(
    person, django_assert_max_num_queries
):
    # One query per declared table (plus the content type of the audit log).
    limit = len(export.exportable()) + 3
    with django_assert_max_num_queries(limit):
        export.person_data(user=person)
    before = _queries(person)
    attempt = Attempt.objects.filter(user=person).first()
    question = Answer.objects.first().question
    for number in range(2, 6):
        copy = Attempt.objects.create(user=person, quiz=attempt.quiz, number=number)
        Answer.objects.create(attempt=copy, question=question, text="x")
        AccessLog.objects.create(username=person.username, ip_address="10.0.0.8")
    assert _queries(person) == before


def _queries(user) -> int:
    with CaptureQueriesContext(connection) as captured:
        export.person_data(user=user)
    return len(captured)


@pytest.mark.django_db
def test_volunteer_requests_downloads_and_it_is_audit_logged(
    client, person, django_capture_on_commit_callbacks
):
    client.force_login(person)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(reverse("privacy:export_request"))
        client.post(
            reverse("privacy:export_request")
        )  # a second click before the worker
    assert response.status_code == 302
    assert DataExport.objects.filter(user=person).count() == 1
    for callback in callbacks[:1]:
        callback()  # the worker (tests run tasks at once)
    data_export = DataExport.objects.get(user=person)  # tests run tasks at once
    assert data_export.status == DataExport.Status.READY
    response = client.get(reverse("privacy:export_download", args=[data_export.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert FIRST in archive.read("data.json").decode()
    assert ModelLogEntry.objects.filter(
        action="lms.personal_data_export", user=person
    ).exists()
    page = client.get(reverse("accounts:profile"))
    assert (
        reverse("privacy:export_download", args=[data_export.pk])
        in page.content.decode()
    )


@pytest.mark.django_db
def test_another_persons_export_is_404(client, person):
    data_export = DataExport.objects.create(user=person, status="ready", content=b"x")
    client.force_login(factories.make_user())
    response = client.get(reverse("privacy:export_download", args=[data_export.pk]))
    assert response.status_code == 404
