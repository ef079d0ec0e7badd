from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompetenciesConfig(AppConfig):
    name = "competencies"
    verbose_name = _("competencies")

    def ready(self):
        from courses.quiz.signals import quiz_passed
        from courses.signals import course_completed

        from . import services

        quiz_passed.connect(services.record_quiz_evidence, dispatch_uid="competencies_quiz_evidence")
        course_completed.connect(services.record_course_evidence, dispatch_uid="competencies_course_evidence")
