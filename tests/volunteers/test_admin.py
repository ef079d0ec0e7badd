"""The import and export screens in the admin: who may use them, preview, confirm."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lms.accounts.models import VolunteerImport
from tests import factories

from .conftest import read
from .generate import generate_rows, to_csv

pytestmark = pytest.mark.django_db

User = get_user_model()
IMPORT = "accounts_admin_import"
EXPORT = "accounts_admin_export"


def _upload(client, data, name="people.csv"):
    return client.post(
        reverse(IMPORT),
        {
            "action": "preview",
            "file": SimpleUploadedFile(name, data, content_type="text/csv"),
        },
    )


class TestPermissions:
    @pytest.mark.parametrize("url", [IMPORT, EXPORT])
    def test_administrator_may(self, client, administrator, url):
        client.force_login(administrator)
        assert client.get(reverse(url)).status_code == 200

    def test_superuser_may(self, client, roles):
        client.force_login(
            User.objects.create_superuser("root", "root@example.org", "x")
        )
        assert client.get(reverse(IMPORT)).status_code == 200

    @pytest.mark.parametrize("url", [IMPORT, EXPORT])
    def test_trainer_is_refused(self, client, roles, url):
        client.force_login(factories.make_user(role="Trainer"))
        # Wagtail turns PermissionDenied into a redirect to the dashboard with a message.
        response = client.get(reverse(url))
        assert (response.status_code, response["Location"]) == (302, "/admin/")
        assert _upload(client, read("clean.csv")).status_code == 302
        assert not User.objects.filter(phone="0811111111").exists()

    @pytest.mark.parametrize("url", [IMPORT, EXPORT])
    def test_volunteer_is_refused(self, client, roles, url):
        client.force_login(factories.make_user(role="Volunteer"))
        response = client.get(reverse(url))
        assert response.status_code in (302, 403)
        assert (
            response.status_code == 403
            or "/admin/login/" in response["Location"]
            or response["Location"] == "/"
        )

    @pytest.mark.parametrize("url", [IMPORT, EXPORT])
    def test_anonymous_is_sent_to_sign_in(self, client, db, url):
        response = client.get(reverse(url))
        assert response.status_code == 302 and "/admin/login/" in response["Location"]

    def test_menu_shows_volunteers_to_administrators_only(
        self, client, administrator, roles
    ):
        client.force_login(administrator)
        assert reverse(IMPORT) in client.get("/admin/").content.decode()
        client.force_login(factories.make_user(role="Trainer"))
        assert reverse(IMPORT) not in client.get("/admin/").content.decode()

    def test_only_administrators_hold_the_permission(self, roles):
        assert factories.make_user(role="Administrator").has_perm(
            "accounts.import_volunteers"
        )
        assert not factories.make_user(role="Trainer").has_perm(
            "accounts.import_volunteers"
        )
        assert not factories.make_user(role="Volunteer").has_perm(
            "accounts.import_volunteers"
        )


class TestPreviewAndConfirm:
    def test_preview_shows_each_row_and_writes_nothing(
        self, client, administrator, existing
    ):
        client.force_login(administrator)
        factories.make_user(username="0833333333", phone="0833333333", email="")
        response = _upload(client, read("clean.csv"))
        html = response.content.decode()
        assert response.status_code == 200
        assert (
            'data-row="1"' in html
            and 'class="vi-new"' in html
            and 'class="vi-update"' in html
        )
        assert 'name="action" value="confirm"' in html
        assert not User.objects.filter(phone="0811111111").exists()

    def test_confirm_imports_the_previewed_file(self, client, administrator, roles):
        client.force_login(administrator)
        _upload(client, read("clean.csv"))
        response = client.post(reverse(IMPORT), {"action": "confirm"}, follow=True)
        assert response.status_code == 200
        assert User.objects.filter(phone__in=["0811111111", "0833333333"]).count() == 2
        record = VolunteerImport.objects.get()
        assert (record.created_by, record.file_name, record.created) == (
            administrator,
            "people.csv",
            2,
        )
        # The stored upload is used once: confirming again asks for the file.
        client.post(reverse(IMPORT), {"action": "confirm"})
        assert VolunteerImport.objects.count() == 1

    def test_rows_with_errors_cannot_be_confirmed(
        self, client, administrator, existing
    ):
        client.force_login(administrator)
        html = _upload(client, read("district_not_in_province.csv")).content.decode()
        assert 'class="vi-error"' in html
        assert "แถวที่ 2, district:" in html  # the admin speaks Thai first
        assert 'value="confirm"' not in html
        client.post(reverse(IMPORT), {"action": "confirm"})
        assert not User.objects.filter(phone="0811111111").exists()

    def test_wrong_encoding_is_explained_on_the_form(self, client, administrator):
        client.force_login(administrator)
        data = read("clean.csv").decode("utf-8").encode("cp874")
        html = _upload(client, data).content.decode()
        assert "TIS-620" in html

    def test_preview_page_queries_stay_constant(
        self, client, administrator, django_assert_max_num_queries
    ):
        client.force_login(administrator)
        counts = []
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        for n, start in ((20, 820000000), (600, 830000000)):
            with CaptureQueriesContext(connection) as ctx:
                assert (
                    _upload(
                        client, to_csv(generate_rows(n, phone_start=start))
                    ).status_code
                    == 200
                )
            counts.append(len(ctx.captured_queries))
        assert counts[1] - counts[0] <= 4, counts
        with django_assert_max_num_queries(40):
            _upload(client, to_csv(generate_rows(600, phone_start=840000000)))
