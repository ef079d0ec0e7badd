"""Retention: dry run first, then notify, anonymise, purge."""

import pytest
from axes.models import AccessLog
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from lms.privacy import retention
from lms.privacy.models import DataExport, RetentionNotice
from tests import factories

from .conftest import long_ago

pytestmark = pytest.mark.django_db


@pytest.fixture
def accounts(roles, settings):
    settings.PRIVACY_RETENTION = {
        "inactive_days": 365,
        "notice_days": 30,
        "sign_in_days": 90,
        "task_results_days": 30,
        "exports_days": 7,
    }
    User = factories.get_user_model()
    dormant = factories.make_user(first_name="หลับใหล", email="dormant@example.org")
    active = factories.make_user(first_name="ขยัน")
    staff = factories.make_user(role="Administrator", first_name="ผู้ดูแล")
    User.objects.filter(pk__in=[dormant.pk, staff.pk]).update(last_login=long_ago(400))
    User.objects.filter(pk=active.pk).update(last_login=long_ago(3))
    old = AccessLog.objects.create(username="old", ip_address="10.0.0.1")
    AccessLog.objects.filter(pk=old.pk).update(
        attempt_time=long_ago(100)
    )  # auto_now_add
    AccessLog.objects.create(username="new", ip_address="10.0.0.1")
    DataExport.objects.filter(
        pk=DataExport.objects.create(user=active, status="ready").pk
    ).update(requested_at=long_ago(8))
    return {"dormant": dormant, "active": active, "staff": staff}


def test_dry_run_counts_and_changes_nothing(accounts):
    result = retention.retention_apply(dry_run=True)
    assert result.counts["notified"] == 1
    assert result.counts["anonymised"] == 0
    assert result.counts["sign_in_records"] == 1
    assert result.counts["exports"] == 1
    assert not RetentionNotice.objects.exists()
    assert AccessLog.objects.count() == 2 and DataExport.objects.count() == 1
    assert mail.outbox == []


def test_run_notifies_then_anonymises_after_the_notice_period(accounts):
    dormant = accounts["dormant"]
    retention.retention_apply(dry_run=False)
    assert RetentionNotice.objects.get().user == dormant
    assert [m.to for m in mail.outbox] == [["dormant@example.org"]]
    assert AccessLog.objects.get().username == "new"
    assert not DataExport.objects.exists()

    retention.retention_apply(
        dry_run=False
    )  # a second run the same day: no second mail
    assert len(mail.outbox) == 1
    dormant.refresh_from_db()
    assert dormant.first_name == "หลับใหล"

    RetentionNotice.objects.update(notified_at=long_ago(31))
    counts = retention.retention_apply(dry_run=False).counts
    assert counts["anonymised"] == 1
    dormant.refresh_from_db()
    assert dormant.first_name == "" and not dormant.is_active
    for name in ("active", "staff"):
        accounts[name].refresh_from_db()
        assert accounts[name].is_active and accounts[name].first_name


def test_signing_in_after_the_notice_keeps_the_account(accounts):
    dormant = accounts["dormant"]
    retention.retention_apply(dry_run=False)
    RetentionNotice.objects.update(notified_at=long_ago(31))
    type(dormant).objects.filter(pk=dormant.pk).update(last_login=long_ago(2))
    counts = retention.retention_apply(dry_run=False).counts
    assert counts["returned"] == 1 and counts["anonymised"] == 0
    dormant.refresh_from_db()
    assert dormant.is_active and not RetentionNotice.objects.exists()


def test_old_task_results_are_purged(accounts):
    DBTaskResult.objects.create(
        task_path="lms.privacy.tasks.export_build_task",
        args_kwargs={"args": [1], "kwargs": {}},
        status="SUCCESSFUL",
        finished_at=long_ago(40),
        backend_name="background",
        queue_name="default",
        run_after=long_ago(40),
    )
    assert retention.retention_apply(dry_run=True).counts["task_results"] == 1
    retention.retention_apply(dry_run=False)
    assert not DBTaskResult.objects.exists()


def test_command_dry_run_and_run(accounts, capsys):
    call_command("apply_retention", "--dry-run")
    out = capsys.readouterr().out
    assert "notified: 1 (would)" in out
    assert not RetentionNotice.objects.exists()
    call_command("apply_retention")
    assert "notified: 1 (did)" in capsys.readouterr().out
    assert RetentionNotice.objects.count() == 1


def test_the_task_runs_the_same_rules(accounts):
    from lms.privacy.tasks import retention_task

    result = retention_task.enqueue(reschedule=False)
    assert result.return_value["notified"] == 1
