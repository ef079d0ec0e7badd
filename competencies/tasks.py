from django_tasks import task


@task(backend="background")
def recompute_levels_task(run_id: int) -> None:
    """Recompute every volunteer's level for a RecomputeRun; safe to run again."""
    from .services import recompute_run_execute

    recompute_run_execute(run_id=run_id)
