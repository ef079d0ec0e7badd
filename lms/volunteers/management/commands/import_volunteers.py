"""Import volunteers from a CSV or xlsx file, with the admin upload's rules.

    python manage.py import_volunteers people.csv --dry-run
    python manage.py import_volunteers people.csv --by administrator

Prints each row's errors (row, column, message) and exits non-zero when any
row is wrong; then nothing is written.
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

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
            raise CommandError(
                _("Cannot read %(path)s: %(error)s") % {"path": path, "error": err}
            ) from err
        importer = None
        if by:
            importer = get_user_model().objects.filter(username=by).first()
            if importer is None:
                raise CommandError(_("No user “%(username)s”.") % {"username": by})
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
                self.stderr.write(
                    _("row %(row)s: %(message)s")
                    % {"row": number, "message": error.error}
                )
                problems += 1
        for row in result.invalid_rows:
            for column, messages in row.field_specific_errors.items():
                for message in messages:
                    self.stderr.write(
                        _("row %(row)s, %(column)s: %(message)s")
                        % {"row": row.number, "column": column, "message": message}
                    )
                    problems += 1
            for message in row.non_field_specific_errors:
                self.stderr.write(
                    _("row %(row)s: %(message)s")
                    % {"row": row.number, "message": message}
                )
                problems += 1
        if problems:
            raise CommandError(
                _("%(problems)s problem(s) in %(rows)s row(s); nothing was imported.")
                % {"problems": problems, "rows": len(result.invalid_rows)}
            )
        counts = {
            "file": path.name,
            "total": summary.total,
            "created": summary.created,
            "updated": summary.updated,
            "roles": summary.roles_changed,
            "evidence": summary.evidence_recorded,
        }
        if dry_run:
            message = _(
                "%(file)s: would import %(total)s rows "
                "(%(created)s new, %(updated)s updated)"
            )
        else:
            message = _(
                "%(file)s: imported %(total)s rows (%(created)s new, %(updated)s "
                "updated), %(roles)s role changes, %(evidence)s level evidence"
            )
        self.stdout.write(message % counts)
