"""``manage.py check --deploy``: the issuer's signing key must be readable."""

from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from .keys import current_key


@checks.register(checks.Tags.security, deploy=True)
def signing_key_check(app_configs=None, **kwargs):
    try:
        current_key()
    except ImproperlyConfigured as err:
        return [
            checks.Error(
                str(err),
                hint="Set CERTIFICATES_SIGNING_KEY_FILE to an Ed25519 or P-256 PEM "
                "private key readable by the application only.",
                id="certificates.E001",
            )
        ]
    return []
