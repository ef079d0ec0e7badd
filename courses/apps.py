from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from .quiz.signals import quiz_passed
from .signals import course_completed


class CoursesConfig(AppConfig):
    """Pages, progress and quizzes. At start-up the course layer plugs itself into
    the layers below it, which never import it."""

    name = "courses"
    verbose_name = _("courses")

    def ready(self):
        # reason: these import models, which Django loads only once the app registry is ready
        from competencies import registry, services

        # reason: as above (and models must not import the readers plugged in here)
        from . import models, page_context, progress_selectors, selectors

        models.pages.PAGE_CONTEXTS.update(page_context.PAGE_CONTEXTS)
        registry.provide(
            completed_courses=progress_selectors.completed_course_counts,
            teaching_courses=selectors.courses_teaching,
        )
        # Passing a quiz or completing a course is evidence of its competencies.
        quiz_passed.connect(
            services.record_quiz_evidence,
            dispatch_uid="competencies_quiz_evidence",
        )
        course_completed.connect(
            services.record_course_evidence,
            dispatch_uid="competencies_course_evidence",
        )
