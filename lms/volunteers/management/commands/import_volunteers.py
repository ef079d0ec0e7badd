"""Import volunteers from a CSV or xlsx file, with the admin upload's rules.

    python manage.py import_volunteers people.csv --dry-run
    python manage.py import_volunteers people.csv --by administrator

Prints each row's errors (row, column, message) and exits non-zero when any
row is wrong; then nothing is written.
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from lms.volunteers.files import ImportFileError
from lms.volunteers.importing import volunteer_import


class Command(BaseCommand):
    help = (
        "Import volunteers from a CSV (UTF-8) or Excel (xlsx) file: all rows or none."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="path to the .csv or .xlsx file")
        parser.add_argument(
            "--dry-run", action="store_true", help="check every row, write nothing"
        )
        parser.add_argument(
            "--by",
            default="",
            help="username recorded in the audit log as the importer",
        )

    def handle(self, *args, file, dry_run, by, **options):
        path = Path(file)
        try:
            data = path.read_bytes()
        except OSError as err:
            raise CommandError(f"Cannot read {path}: {err}") from err
        importer = None
        if by:
            importer = get_user_model().objects.filter(username=by).first()
            if importer is None:
                raise CommandError(f"No user {by!r}.")
        try:
            result, summary = volunteer_import(
                data=data, file_name=path.name, by=importer, dry_run=dry_run
            )
        except ImportFileError as err:
            raise CommandError(str(err)) from err
        problems = 0
        for error in result.base_errors:
            self.stderr.write(str(error.error))
            problems += 1
        for number, errors in result.row_errors():
            for error in errors:
                self.stderr.write(f"row {number}: {error.error}")
                problems += 1
        for row in result.invalid_rows:
            for column, messages in row.field_specific_errors.items():
                for message in messages:
                    self.stderr.write(f"row {row.number}, {column}: {message}")
                    problems += 1
            for message in row.non_field_specific_errors:
                self.stderr.write(f"row {row.number}: {message}")
                problems += 1
        if problems:
            raise CommandError(
                f"{problems} problem(s) in {len(result.invalid_rows)} row(s); nothing was imported."
            )
        verb = "would import" if dry_run else "imported"
        self.stdout.write(
            f"{path.name}: {verb} {summary.total} rows ({summary.created} new, {summary.updated} updated)"
            + (
                ""
                if dry_run
                else f", {summary.roles_changed} role changes, {summary.evidence_recorded} level evidence"
            )
        )
