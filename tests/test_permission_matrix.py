"""Every cell of the permission matrix, allowed and refused.

Rows are things a person can do (pages, snippets, admin views, exports, the
public verification and API); columns are the roles. The README's table is
written from ``MATRIX``. "Allowed" means the page answers 200 (or the action
takes effect); "refused" means a redirect to the login, a 403, or Wagtail's
permission-denied redirect, and nothing changes.
"""

import pytest
from django.urls import reverse
from django.utils import timezone

from certificates.codes import generate_code
from certificates.models import IssuedCertificate
from tests import factories
from tests.certificates.conftest import make_award, make_template

ANON, VOLUNTEER, TRAINER, ADMIN = "anonymous", "Volunteer", "Trainer", "Administrator"
ROLES = (ANON, VOLUNTEER, TRAINER, ADMIN)

# action: (description, url builder, roles allowed)
MATRIX = {
    "page_explore": (
        "Browse the page tree",
        lambda w: reverse("wagtailadmin_explore", args=[w["course"].pk]),
        {TRAINER, ADMIN},
    ),
    "page_add": (
        "Add a course page",
        lambda w: reverse(
            "wagtailadmin_pages:add", args=["courses", "coursepage", w["catalogue"].pk]
        ),
        {TRAINER, ADMIN},
    ),
    "page_edit": (
        "Edit a course page",
        lambda w: reverse("wagtailadmin_pages:edit", args=[w["course"].pk]),
        {TRAINER, ADMIN},
    ),
    "page_unpublish": (
        "Unpublish a page",
        lambda w: reverse("wagtailadmin_pages:unpublish", args=[w["course"].pk]),
        {ADMIN},
    ),
    "page_delete": (
        "Delete a page",
        lambda w: reverse("wagtailadmin_pages:delete", args=[w["course"].pk]),
        {ADMIN},
    ),
    "snippet_competency_list": (
        "List competencies",
        lambda w: "/admin/snippets/competencies/competency/",
        {TRAINER, ADMIN},
    ),
    "snippet_competency_add": (
        "Add a competency",
        lambda w: "/admin/snippets/competencies/competency/add/",
        {ADMIN},
    ),
    "snippet_level_add": (
        "Add a volunteer level",
        lambda w: "/admin/snippets/competencies/volunteerlevel/add/",
        {ADMIN},
    ),
    "snippet_question_add": (
        "Add a question to the bank",
        lambda w: "/admin/snippets/quiz/question/add/",
        {TRAINER, ADMIN},
    ),
    "snippet_template_list": (
        "Certificate templates",
        lambda w: "/admin/snippets/certificates/certificatetemplate/",
        {ADMIN},
    ),
    "snippet_issued_list": (
        "Issued certificates",
        lambda w: "/admin/snippets/certificates/issuedcertificate/",
        {ADMIN},
    ),
    "marking_queue": (
        "Marking queue",
        lambda w: reverse("quiz_marking"),
        {TRAINER, ADMIN},
    ),
    "assessment": (
        "Record an assessment",
        lambda w: reverse("competencies_assess"),
        {TRAINER, ADMIN},
    ),
    "certificate_issue": (
        "Issue a certificate",
        lambda w: reverse("certificates_admin_issue"),
        {ADMIN},
    ),
    "certificate_bulk": (
        "Bulk issue",
        lambda w: reverse("certificates_admin_bulk"),
        {ADMIN},
    ),
    "certificate_revoke": (
        "Revoke a certificate",
        lambda w: reverse("certificates_admin_revoke", args=[w["certificate"].pk]),
        {ADMIN},
    ),
    "users": (
        "Users and their roles and provinces",
        lambda w: reverse("wagtailusers_users:index"),
        {ADMIN},
    ),
    "user_edit": (
        "Edit a user (role, provinces)",
        lambda w: reverse("wagtailusers_users:edit", args=[w["volunteer"].pk]),
        {ADMIN},
    ),
    "workflows": (
        "Moderation workflows",
        lambda w: reverse("wagtailadmin_workflows:index"),
        {ADMIN},
    ),
    "reports": (
        "Programme reports",
        lambda w: reverse("reports_index"),
        {TRAINER, ADMIN},
    ),
    "reports_export": (
        "Export a report (CSV)",
        lambda w: reverse("reports_index") + "?export=csv",
        {TRAINER, ADMIN},
    ),
    "competency_export": (
        "Export competencies (CSV)",
        lambda w: "/admin/snippets/competencies/competency/?export=csv",
        {TRAINER, ADMIN},
    ),
    "issued_export": (
        "Export issued certificates",
        lambda w: "/admin/snippets/certificates/issuedcertificate/?export=csv",
        {ADMIN},
    ),
    "verify": (
        "Verify a certificate (public)",
        lambda w: reverse("certificates_verify", args=[w["certificate"].code]),
        set(ROLES),
    ),
    "verify_json": (
        "Verify as JSON (public)",
        lambda w: reverse("certificates_verify_json", args=[w["certificate"].code]),
        set(ROLES),
    ),
    "api_pages": (
        "Pages API (public, live pages only)",
        lambda w: "/api/v2/pages/",
        set(ROLES),
    ),
}


@pytest.fixture
def matrix_world(roles, catalogue):
    course = factories.make_course(catalogue, modules=1, lessons=1)
    volunteer = factories.make_user(role=VOLUNTEER)
    template = make_template()
    award = make_award(template=template, courses=[course])
    certificate = IssuedCertificate.objects.create(
        code=generate_code(),
        award=award,
        template=template,
        user=volunteer,
        recipient_name="สมชาย ใจดี",
        award_name_th="รางวัล",
        issuer_name="กระทรวง",
        issued_at=timezone.now(),
    )
    return {
        "catalogue": catalogue,
        "course": course,
        "volunteer": volunteer,
        "certificate": certificate,
    }


def _login(client, role):
    if role != ANON:
        client.force_login(factories.make_user(role=role))


CELLS = [(action, role) for action in MATRIX for role in ROLES]


@pytest.mark.parametrize(("action", "role"), CELLS, ids=[f"{a}-{r}" for a, r in CELLS])
def test_matrix_cell(client, matrix_world, action, role):
    _description, url, allowed_roles = MATRIX[action]
    _login(client, role)
    response = client.get(url(matrix_world))
    if role in allowed_roles:
        assert response.status_code == 200, response.get("Location")
    else:
        assert response.status_code in (302, 403, 404)
        if response.status_code == 302:
            # Refused: to the login (outsiders) or back to the dashboard
            # with Wagtail's "no permission" message, never to the page asked.
            assert response["Location"] != url(matrix_world)
    if action.endswith("export") and role in allowed_roles:
        assert response["Content-Type"].startswith("text/csv")


class TestActionsTakeEffectOnlyWhenAllowed:
    """GETs above show the forms; these POST and check the database."""

    @pytest.mark.parametrize(("role", "published"), [(TRAINER, False), (ADMIN, True)])
    def test_publish_button_publishes_only_for_administrators(
        self, client, matrix_world, role, published
    ):
        from courses.models import ModulePage

        module = ModulePage.objects.child_of(matrix_world["course"]).get()
        _login(client, role)
        client.post(
            reverse("wagtailadmin_pages:edit", args=[module.pk]),
            {"title": "ชื่อใหม่", "slug": module.slug, "intro": "", "action-publish": "1"},
        )
        module.refresh_from_db()
        assert (module.title == "ชื่อใหม่") is published

    @pytest.mark.parametrize("role", [TRAINER, VOLUNTEER])
    def test_only_administrators_revoke(self, client, matrix_world, role):
        certificate = matrix_world["certificate"]
        _login(client, role)
        client.post(
            reverse("certificates_admin_revoke", args=[certificate.pk]),
            {"reason": "ทดสอบ"},
        )
        certificate.refresh_from_db()
        assert certificate.revoked_at is None

    @pytest.mark.parametrize("role", [TRAINER, VOLUNTEER])
    def test_only_administrators_issue(self, client, matrix_world, role):
        before = IssuedCertificate.objects.count()
        _login(client, role)
        client.post(
            reverse("certificates_admin_issue"),
            {
                "award": matrix_world["certificate"].award_id,
                "user": matrix_world["volunteer"].pk,
            },
        )
        assert IssuedCertificate.objects.count() == before

    def test_trainer_cannot_change_their_own_provinces(self, client, matrix_world):
        from lms.accounts.models import TrainerScope

        trainer = factories.make_user(role=TRAINER)
        client.force_login(trainer)
        client.post(
            reverse("wagtailusers_users:edit", args=[trainer.pk]),
            {
                "username": trainer.username,
                "email": trainer.email,
                "first_name": "a",
                "last_name": "b",
                "scope_provinces": ["10"],
            },
        )
        assert not TrainerScope.objects.filter(user=trainer).exists()
