"""Moderation through the admin views: a trainer submits, an administrator
rejects with a comment (the trainer is e-mailed the comment), the trainer
resubmits, the administrator approves, and the change goes live."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import WorkflowState

from courses.models import ModulePage
from tests import factories


@pytest.fixture
def module(roles, catalogue):
    course = factories.make_course(catalogue, modules=1, lessons=1)
    return ModulePage.objects.child_of(course).get()


def _submit(client, page, title):
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        {"title": title, "slug": page.slug, "intro": "", "action-submit": "1"},
    )


def _act(client, page, action, comment=""):
    state = WorkflowState.objects.get(
        object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS
    )
    task_state = state.current_task_state
    return client.post(
        reverse(
            "wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk]
        ),
        {"comment": comment},
    )


class TestModerationCycle:
    def test_submit_reject_with_comment_resubmit_approve(
        self, client, module, django_capture_on_commit_callbacks
    ):
        trainer = factories.make_user(role="Trainer", email="trainer@example.org")
        admin = factories.make_user(role="Administrator", email="admin@example.org")
        old_title = module.title

        # 1. The trainer submits; reviewers (administrators) are told.
        client.force_login(trainer)
        with django_capture_on_commit_callbacks(execute=True):
            response = _submit(client, module, "บทที่ 1 (ปรับปรุง)")
        assert response.status_code == 302
        module.refresh_from_db()
        assert module.title == old_title  # nothing live yet
        assert module.has_unpublished_changes
        assert [m.to for m in mail.outbox] == [["admin@example.org"]]
        # A trainer cannot approve their own submission.
        _act(client, module, "approve")
        module.refresh_from_db()
        assert module.title == old_title

        # 2. The administrator rejects with a comment; the trainer reads it.
        mail.outbox.clear()
        client.force_login(admin)
        with django_capture_on_commit_callbacks(execute=True):
            response = _act(client, module, "reject", comment="กรุณาเพิ่มตัวอย่าง")
        assert response.status_code in (200, 302)
        module.refresh_from_db()
        assert module.title == old_title
        to_trainer = [m for m in mail.outbox if m.to == ["trainer@example.org"]]
        assert len(to_trainer) == 1
        assert "กรุณาเพิ่มตัวอย่าง" in to_trainer[0].body
        assert "กรุณาเพิ่มตัวอย่าง" in to_trainer[0].alternatives[0][0]  # HTML part

        # 3. The trainer resubmits; 4. the administrator approves; it is live.
        client.force_login(trainer)
        with django_capture_on_commit_callbacks(execute=True):
            _submit(client, module, "บทที่ 1 (มีตัวอย่าง)")
        mail.outbox.clear()
        client.force_login(admin)
        with django_capture_on_commit_callbacks(execute=True):
            _act(client, module, "approve", comment="เรียบร้อย")
        module.refresh_from_db()
        assert module.title == "บทที่ 1 (มีตัวอย่าง)"
        assert module.live and not module.has_unpublished_changes
        assert [m.to for m in mail.outbox] == [["trainer@example.org"]]
