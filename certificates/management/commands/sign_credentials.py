"""Sign the Open Badges credential of every certificate that has none yet.

Credentials are otherwise signed on first download; run this after a bulk
issue (or from cron) so that every credential exists before anyone asks.

    python manage.py sign_credentials [--batch 1000]
"""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from certificates.models import IssuedCertificate
from certificates.openbadges.credential import sign_many


class Command(BaseCommand):
    help = "Sign the Open Badges 3.0 credential of certificates that have none yet."

    def add_arguments(self, parser):
        parser.add_argument("--batch", type=int, default=1000)

    def handle(self, *args, batch, **options):
        total = 0
        last = 0
        while True:
            chunk = list(
                IssuedCertificate.objects.filter(
                    pk__gt=last, signed_credential__isnull=True
                )
                .select_related("award", "user")
                .order_by("pk")[:batch]
            )
            if not chunk:
                break
            total += sign_many(chunk)
            last = chunk[-1].pk
        self.stdout.write(_("Credentials signed: %(count)d") % {"count": total})
