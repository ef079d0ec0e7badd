from django_tasks import task


@task(backend="background", queue_name="default")
def bulk_issue_task(run_id: int) -> None:
    """Issue a BulkIssueRun's certificates; safe to run again and on several workers."""
    from .services import bulk_issue_execute

    bulk_issue_execute(run_id=run_id)
