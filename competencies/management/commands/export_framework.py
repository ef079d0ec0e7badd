import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from competencies.models import CompetencyFramework
from competencies.services import framework_export


class Command(BaseCommand):
    help = "Write a competency framework as JSON (IMS CASE-like), to stdout or a file."

    def add_arguments(self, parser):
        parser.add_argument(
            "--framework",
            help="framework code (may be left out when there is only one)",
        )
        parser.add_argument("--output", "-o", help="file to write (default: stdout)")

    def handle(self, **options):
        frameworks = CompetencyFramework.objects.all()
        if options["framework"]:
            frameworks = frameworks.filter(code=options["framework"])
        found = list(frameworks[:2])
        if len(found) != 1:
            codes = ", ".join(
                CompetencyFramework.objects.values_list("code", flat=True)
            )
            raise CommandError(
                _("Name one framework with --framework CODE (available: %(codes)s).")
                % {"codes": codes or _("none")}
            )
        text = json.dumps(
            framework_export(framework=found[0]), ensure_ascii=False, indent=2
        )
        if options["output"]:
            try:
                with open(options["output"], "w", encoding="utf-8") as fh:
                    fh.write(text + "\n")
            except OSError as err:
                raise CommandError(
                    _("Cannot write %(path)s: %(error)s")
                    % {"path": options["output"], "error": err.strerror}
                ) from err
            self.stderr.write(_("Wrote %(path)s") % {"path": options["output"]})
        else:
            self.stdout.write(text)
