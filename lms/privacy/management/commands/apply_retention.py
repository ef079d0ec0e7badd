from django.core.management.base import BaseCommand

from lms.privacy import retention
from lms.privacy.tasks import retention_task


class Command(BaseCommand):
    help = (
        "Apply the retention periods (PRIVACY_RETENTION): notify inactive people, "
        "anonymise those notified long ago, purge old sign-in records, task results "
        "and data exports."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="count only; change nothing"
        )
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="queue the daily background task instead (needs a db_worker)",
        )

    def handle(self, *, dry_run, schedule, **options):
        if schedule:
            retention_task.enqueue()
            self.stdout.write("queued the daily retention task")
            return
        result = retention.retention_apply(dry_run=dry_run)
        verb = "would" if dry_run else "did"
        for key, count in result.counts.items():
            self.stdout.write(f"{key}: {count} ({verb})")
