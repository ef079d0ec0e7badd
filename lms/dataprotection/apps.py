from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class DataProtectionConfig(AppConfig):
    """Kernel of personal-data protection: the declarations registry, the
    privacy notice and consents. Export, erasure and retention live in the
    integration layer (``lms.privacy``)."""

    name = "lms.dataprotection"
    label = "dataprotection"
    verbose_name = _("data protection")

    def ready(self):
        from .signals import on_user_logged_in

        user_logged_in.connect(on_user_logged_in, dispatch_uid="lms_notice_due")
        # Every app's privacy.py registers its declarations (lms.dataprotection.registry).
        autodiscover_modules("privacy")
