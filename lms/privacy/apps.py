from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """Data subjects' rights across every app: export, erasure, retention and
    the records of processing, all driven by the declarations each app makes
    in its ``privacy.py`` (``lms.dataprotection.registry``)."""

    name = "lms.privacy"
    label = "privacy"
    verbose_name = _("personal data requests")

    def ready(self):
        from . import declarations  # noqa: F401  (this app's own declarations)
