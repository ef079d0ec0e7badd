from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiV1Config(AppConfig):
    name = "lms.apiv1"
    label = "apiv1"
    verbose_name = _("learner API")
    default_auto_field = "django.db.models.BigAutoField"
