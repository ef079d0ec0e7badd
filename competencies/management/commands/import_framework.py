import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from competencies.services import FrameworkImportError, ImportSummary, framework_import


class Command(BaseCommand):
    help = (
        "Create or update a competency framework from a JSON file (IMS CASE-like). "
        "All or nothing: a file with any error changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the framework JSON file (UTF-8)")

    def handle(self, **options):
        path = options["file"]
        try:
            with open(path, encoding="utf-8-sig") as fh:
                data = json.load(fh)
        except OSError as err:
            raise CommandError(
                _("Cannot read %(path)s: %(error)s")
                % {"path": path, "error": err.strerror}
            ) from err
        except UnicodeDecodeError as err:
            raise CommandError(
                _("%(path)s is not UTF-8 text.") % {"path": path}
            ) from err
        except json.JSONDecodeError as err:
            raise CommandError(
                _(
                    "%(path)s is not valid JSON: %(error)s (line %(line)s, column %(column)s)."
                )
                % {
                    "path": path,
                    "error": err.msg,
                    "line": err.lineno,
                    "column": err.colno,
                }
            ) from err
        summary = ImportSummary()
        try:
            framework = framework_import(data=data, summary=summary)
        except FrameworkImportError as err:
            raise CommandError(
                _("Nothing was imported; fix these problems:")
                + "\n"
                + "\n".join(f"- {e}" for e in err.errors)
            ) from err
        self.stdout.write(
            self.style.SUCCESS(
                _("Imported framework %(code)s, version %(version)s.")
                % {"code": framework.code, "version": framework.version or "-"}
            )
        )
        labels = {
            "frameworks": _("frameworks"),
            "areas": _("areas"),
            "competencies": _("competencies"),
            "levels": _("proficiency levels"),
        }
        for kind, label in labels.items():
            counts = summary.counts.get(kind)
            if not counts:
                continue
            self.stdout.write(
                _(
                    "%(label)s: %(created)s created, %(updated)s updated, "
                    "%(unchanged)s unchanged, %(deleted)s deleted"
                )
                % {"label": label, **counts}
            )
        if summary.kept:
            self.stdout.write(
                self.style.WARNING(
                    _("Kept (in the database but not in the file): %(items)s")
                    % {"items": ", ".join(summary.kept)}
                )
            )
