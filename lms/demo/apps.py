from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo loader (``manage.py load_demo``): it uses every app, so it sits at the top."""

    name = "lms.demo"
    label = "demo"
    verbose_name = _("demo data")
