"""The admin screens: lists, template preview, bulk issue with a dry run, progress."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from certificates import services
from certificates.models import BulkIssueRun, IssuedCertificate
from lms.accounts.roles import ADMINISTRATOR
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, roles):
    client.force_login(factories.make_user(role=ADMINISTRATOR))
    return client


def test_snippet_lists_and_edit_views_open(admin_client, award, volunteer):
    certificate = services.certificate_issue(user=volunteer, award=award)[0]
    for model in ("certificatetemplate", "award", "issuedcertificate", "bulkissuerun"):
        response = admin_client.get(f"/admin/snippets/certificates/{model}/")
        assert response.status_code == 200, model
    listing = admin_client.get(
        "/admin/snippets/certificates/issuedcertificate/"
    ).content.decode()
    assert (
        certificate.code in listing
        and reverse("certificates_admin_pdf", args=[certificate.pk]) in listing
    )
    edit = admin_client.get(
        f"/admin/snippets/certificates/certificatetemplate/edit/{award.template.pk}/"
    )
    assert edit.status_code == 200
    assert (
        reverse("certificates_admin_preview", args=[award.template.pk])
        in edit.content.decode()
    )
    assert (
        admin_client.get(
            reverse("certificates_admin_detail", args=[certificate.pk])
        ).status_code
        == 200
    )


def test_issued_certificates_cannot_be_edited_in_forms(admin_client, award, volunteer):
    certificate = services.certificate_issue(user=volunteer, award=award)[0]
    edit = admin_client.get(
        f"/admin/snippets/certificates/issuedcertificate/edit/{certificate.pk}/"
    )
    assert edit.status_code in (302, 403)
    add = admin_client.get("/admin/snippets/certificates/issuedcertificate/add/")
    assert add.status_code in (302, 403)


def test_template_preview_renders_a_sample_pdf(admin_client, template):
    response = admin_client.get(
        reverse("certificates_admin_preview", args=[template.pk])
    )
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert not IssuedCertificate.objects.exists()


def test_bulk_issue_counts_first_then_runs(
    admin_client, award, course, django_capture_on_commit_callbacks
):
    from django.utils import timezone

    from courses.models import Enrollment

    people = [factories.make_user() for _ in range(3)]
    for person in people:
        Enrollment.objects.create(
            user=person, course=course, completed_at=timezone.now()
        )
    url = reverse("certificates_admin_bulk")
    assert admin_client.get(url).status_code == 200
    dry = admin_client.post(url, {"award": award.pk, "province": "", "action": "count"})
    assert (
        'data-count="3"' in dry.content.decode()
        and not IssuedCertificate.objects.exists()
    )
    with django_capture_on_commit_callbacks(execute=True):
        confirm = admin_client.post(
            url, {"award": award.pk, "province": "", "action": "confirm"}
        )
    run = BulkIssueRun.objects.get()
    assert confirm.status_code == 302 and confirm["Location"] == reverse(
        "certificates_admin_run", args=[run.pk]
    )
    run.refresh_from_db()
    assert (
        run.status == "done"
        and run.issued == 3
        and IssuedCertificate.objects.count() == 3
    )
    progress = admin_client.get(confirm["Location"])
    assert (
        progress.status_code == 200
        and 'data-status="done"' in progress.content.decode()
    )


def test_bulk_issue_from_a_csv_of_people(
    admin_client, template, django_capture_on_commit_callbacks
):
    from .conftest import make_award

    launch = make_award(template=template, kind="event", name_th="อบรมเปิดตัวโครงการ")
    staff = [factories.make_user(phone=f"08900000{i:02d}") for i in range(3)]
    upload = SimpleUploadedFile(
        "people.csv", "\n".join(p.phone for p in staff).encode() + b"\n0800000000\n"
    )
    url = reverse("certificates_admin_bulk")
    dry = admin_client.post(
        url, {"award": launch.pk, "people": upload, "action": "count"}
    )
    html = dry.content.decode()
    assert 'data-count="3"' in html and "0800000000" in html
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            url, {"award": launch.pk, "use_people": "1", "action": "confirm"}
        )
    assert set(IssuedCertificate.objects.values_list("user_id", flat=True)) == {
        p.pk for p in staff
    }


def test_event_award_without_a_list_is_refused(admin_client, template):
    from .conftest import make_award

    launch = make_award(template=template, kind="event", name_th="อบรม")
    response = admin_client.post(
        reverse("certificates_admin_bulk"), {"award": launch.pk, "action": "confirm"}
    )
    assert response.status_code == 200 and not BulkIssueRun.objects.exists()


def test_issued_certificates_list_runs_the_same_queries_for_many_awards(
    admin_client, template, catalogue
):
    """The award filter names each award by its courses: fetched at once, not per award."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from .conftest import make_award

    url = "/admin/snippets/certificates/issuedcertificate/"
    counts = []
    for size in (2, 12):
        while IssuedCertificate.objects.count() < size:
            course = factories.make_course(catalogue)
            award = make_award(template=template, courses=[course])
            services.certificate_issue(user=factories.make_user(), award=award)
        admin_client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert admin_client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
