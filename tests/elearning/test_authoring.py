"""Trainers add package steps in the admin: the upload is checked (a bad one
is refused with its reason and nothing is unpacked), the step goes through
moderation like any lesson, and replacing the package keeps learners'
completed records."""

import pytest
from django.urls import reverse
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from courses.models import ModulePage, StepCompletion
from elearning import services
from elearning.models import Package, PackagePage
from tests import factories

from . import packages
from .helpers import make_package_step, upload


@pytest.fixture
def module(roles, course):
    return ModulePage.objects.child_of(course).get()


def _form(title, data=None, name="package.zip", action="action-submit"):
    form = nested_form_data(
        {
            "title": title,
            "slug": "package-step",
            "intro": "",
            "pass_mark": "0",
            "estimated_minutes": "15",
            "competency_links": inline_formset([]),
        }
    )
    form[action] = "1"
    if data is not None:
        form["upload"] = upload(data, name)
    return form


def _add_url(module):
    return reverse(
        "wagtailadmin_pages:add", args=["elearning", "packagepage", module.pk]
    )


class TestUpload:
    def test_trainer_adds_a_scorm_step_for_moderation(
        self, client, module, _package_root
    ):
        client.force_login(factories.make_user(role="Trainer"))
        response = client.post(
            _add_url(module), _form("รู้ทันข่าวปลอม", packages.scorm2004_zip())
        )
        assert response.status_code == 302, (
            response.context["form"].errors if response.context else ""
        )
        page = PackagePage.objects.get(title="รู้ทันข่าวปลอม")
        assert page.package.kind == "scorm2004" and page.package.mastery_score == 80.0
        assert not page.live  # waits for an administrator's approval
        assert WorkflowState.objects.filter(
            object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS
        ).exists()

    @pytest.mark.parametrize(
        "build, message",
        [
            (packages.bad_zip_slip, "นอกโฟลเดอร์"),
            (packages.bad_symlink, "ลิงก์สัญลักษณ์"),
            (packages.bad_bomb, "zip bomb"),
            (packages.bad_no_manifest, "ไม่พบ imsmanifest.xml"),
        ],
    )
    def test_malicious_upload_is_refused_with_its_reason(
        self, client, module, _package_root, build, message
    ):
        # The admin speaks the trainer's language: Thai by default.
        client.force_login(factories.make_user(role="Trainer"))
        response = client.post(_add_url(module), _form("x", build()))
        assert response.status_code == 200
        assert message in " ".join(response.context["form"].errors["upload"])
        assert Package.objects.count() == 0
        assert not PackagePage.objects.exists()
        assert not _package_root.exists() or not any(_package_root.iterdir())

    def test_a_step_needs_a_package(self, client, module):
        client.force_login(factories.make_user(role="Trainer"))
        response = client.post(_add_url(module), _form("x"))
        assert "โปรดอัปโหลดแพ็กเกจ SCORM" in " ".join(
            response.context["form"].errors["upload"]
        )


def test_replacing_the_package_through_moderation_keeps_completions(
    client, module, course, learner
):
    step = make_package_step(course, packages.scorm12_zip())
    attempt = services.attempt_open(user=learner, page=step)
    services.attempt_commit(
        user=learner,
        public_id=attempt.public_id,
        seq=1,
        cmi={"core": {"lesson_status": "passed", "score": {"raw": "100"}}},
        terminated=True,
    )
    old_package = step.package_id
    client.force_login(factories.make_user(role="Trainer"))
    form = _form(step.title, packages.scorm12_zip(title="ฉบับปรับปรุง"))
    form["slug"] = step.slug
    response = client.post(reverse("wagtailadmin_pages:edit", args=[step.pk]), form)
    assert response.status_code == 302
    step.refresh_from_db()
    assert step.package_id == old_package  # live until approved
    draft = Page.objects.get(pk=step.pk).specific.get_latest_revision_as_object()
    assert draft.package_id != old_package
    draft.save_revision().publish()
    step.refresh_from_db()
    assert step.package_id != old_package
    assert StepCompletion.objects.filter(user=learner, page=step).exists()
