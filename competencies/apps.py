from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompetenciesConfig(AppConfig):
    """The framework, evidence and levels. Evidence arrives from the course layer:
    ``CoursesConfig.ready`` connects its events to ``services.record_*_evidence``."""

    name = "competencies"
    verbose_name = _("competencies")
