from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from lms.home.services import pages_reslug_thai


class Command(BaseCommand):
    help = "Give pages made from Thai titles slugs with every Thai character; old URLs redirect."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *, dry_run, **options):
        changes = pages_reslug_thai(dry_run=dry_run)
        for change in changes:
            self.stdout.write(f"{change.page_id}: {change.old} → {change.new}")
        self.stdout.write(_("%(count)d pages re-slugged.") % {"count": len(changes)})
