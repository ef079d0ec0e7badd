import datetime

from django.utils import timezone
from django_tasks import task

from . import export, retention


@task(backend="background", queue_name="default")
def export_build_task(export_id: int) -> None:
    """Build a person's data export (large histories take a while)."""
    export.export_build(export_id=export_id)


@task(backend="background", queue_name="default")
def retention_task(reschedule: bool = True) -> dict:
    """The retention rules, once a day.

    django-tasks has no periodic scheduler: each run queues the next one for
    the same time tomorrow (``manage.py apply_retention --schedule`` queues
    the first). A cron job running ``manage.py apply_retention`` does the same.
    """
    counts = retention.retention_apply(dry_run=False).counts
    if reschedule and retention_task.get_backend().supports_defer:
        retention_task.using(
            run_after=timezone.now() + datetime.timedelta(days=1)
        ).enqueue()
    return counts
