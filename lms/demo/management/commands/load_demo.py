from django.core.exceptions import ObjectDoesNotExist
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from certificates.selectors import verification_url
from lms.demo.loader import load_all


class Command(BaseCommand):
    help = (
        "Load the demo curriculum (framework, five courses in Thai and English) and "
        "one login per role. Safe to run again: nothing is duplicated or overwritten."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset-passwords",
            action="store_true",
            help="Set the demo people's passwords back to the printed demo passwords.",
        )

    def handle(self, **options):
        try:
            logins, certificate = load_all(reset_passwords=options["reset_passwords"])
        except ObjectDoesNotExist as err:
            raise CommandError(
                _(
                    "The demo needs the programme framework and the role groups: %(error)s"
                )
                % {"error": err}
            ) from err
        self.stdout.write(self.style.SUCCESS(_("Demo curriculum loaded.")))
        self.stdout.write("")
        self.stdout.write(_("Site:  http://127.0.0.1:8000/th/   (English: /en/)"))
        self.stdout.write(_("Admin: http://127.0.0.1:8000/admin/"))
        self.stdout.write(_("Demo logins (sign in with the phone number or username):"))
        for login in logins:
            self.stdout.write(
                f"  {login.role:<14} {login.username:<14} {login.phone or '-':<12} {login.password}"
            )
        if certificate is not None:
            self.stdout.write(
                _("The demo volunteer completed “%(course)s”; their certificate:")
                % {"course": certificate.award_name_th}
            )
            self.stdout.write(f"  {verification_url(code=certificate.code)}")
        if not options["reset_passwords"]:
            self.stdout.write(
                _(
                    "Accounts that already existed keep their password; run with --reset-passwords to restore these."
                )
            )
