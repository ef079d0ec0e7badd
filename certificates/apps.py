from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from competencies.signals import level_changed
from courses.signals import course_completed


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("certificates")

    def ready(self):
        # reason: services import models, which Django loads only once the app registry is ready
        from . import services
        from .openbadges import checks  # noqa: F401  (registers the deploy check)

        # Sent inside the learner's progress transaction: the certificate
        # commits or rolls back with the completion.
        course_completed.connect(
            services.on_course_completed, dispatch_uid="certificates_course_completed"
        )
        # Sent after a level change commits; promotions earn level awards.
        level_changed.connect(
            services.on_level_changed, dispatch_uid="certificates_level_changed"
        )
