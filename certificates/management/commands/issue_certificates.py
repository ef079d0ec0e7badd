"""Issue an award's certificates from the command line (same rules as the admin's bulk issue).

    python manage.py issue_certificates --template course-th --course <slug> [--province 50] [--dry-run]
    python manage.py issue_certificates --template course-th --level <code>
    python manage.py issue_certificates --template course-th --people launch.csv --award-name "…"

Runs inline (no worker needed), prints a line per certificate issued: its
code and verification URL. Safe to run again: holders are skipped.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Locale

from certificates import bulk
from certificates.models import (
    Award,
    AwardCourse,
    CertificateTemplate,
    IssuedCertificate,
)
from certificates.selectors import verification_url
from competencies.models import VolunteerLevel
from courses.models import CoursePage


class Command(BaseCommand):
    help = "Issue certificates for a course, a volunteer level or a CSV list of people (phones or e-mails)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--template", required=True, help="slug of the certificate template"
        )
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument("--course", help="slug of the (Thai) course page")
        group.add_argument("--level", help="code of the volunteer level")
        group.add_argument("--people", help="CSV file of phones or e-mails")
        parser.add_argument(
            "--province", default="", help="province code (geothai) to limit to"
        )
        parser.add_argument(
            "--award-name", default="", help="name of the training, for --people"
        )
        parser.add_argument("--reason", default="", help="kept on each certificate")
        parser.add_argument(
            "--dry-run", action="store_true", help="count only; issue nothing"
        )

    def handle(self, **options):
        try:
            template = CertificateTemplate.objects.get(slug=options["template"])
        except CertificateTemplate.DoesNotExist as err:
            raise CommandError(
                f"No certificate template with slug {options['template']!r}."
            ) from err
        people = unmatched = None
        if options["people"]:
            try:
                data = Path(options["people"]).read_bytes()
            except OSError as err:
                raise CommandError(f"Cannot read {options['people']}: {err}") from err
            people, unmatched = bulk.people_from_csv(data)
            for value in unmatched:
                self.stderr.write(f"not found: {value}")
        with transaction.atomic():
            award = self._award(template, options)
            pending = bulk.bulk_issue_pending(
                award=award, province=options["province"], people=people
            )
            count = pending.count()
            if options["dry_run"]:
                self.stdout.write(
                    f"{count} certificate(s) would be issued for {award} (dry run)."
                )
                transaction.set_rollback(True)
                return
        run = bulk.bulk_issue_start(
            award=award,
            province=options["province"],
            people=people,
            unmatched=unmatched,
            reason=options["reason"] or "issue_certificates command",
            enqueue=False,
        )
        run = bulk.bulk_issue_execute(run_id=run.pk)
        for certificate in IssuedCertificate.objects.filter(bulk_run=run).order_by(
            "pk"
        ):
            self.stdout.write(
                f"{certificate.code}  {verification_url(code=certificate.code)}  {certificate.recipient_name}"
            )
        self.stdout.write(f"{run.issued} certificate(s) issued for {award}.")

    def _award(self, template, options) -> Award:
        """The award for the template and target, created if none exists yet."""
        if options["course"]:
            course = CoursePage.objects.filter(
                slug=options["course"], locale=Locale.get_default()
            ).first()
            if course is None:
                raise CommandError(f"No course with slug {options['course']!r}.")
            award = Award.objects.filter(
                template=template, kind=Award.Kind.COURSE, courses__course=course
            ).first()
            if award is None:
                award = Award.objects.create(template=template, kind=Award.Kind.COURSE)
                AwardCourse.objects.create(award=award, course=course)
            return award
        if options["level"]:
            if not VolunteerLevel.objects.filter(code=options["level"]).exists():
                raise CommandError(
                    f"No volunteer level with code {options['level']!r}."
                )
            award, _created = Award.objects.get_or_create(
                template=template, kind=Award.Kind.LEVEL, level_code=options["level"]
            )
            return award
        name = options["award_name"] or template.title_th
        award, _created = Award.objects.get_or_create(
            template=template, kind=Award.Kind.EVENT, name_th=name
        )
        return award
