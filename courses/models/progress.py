from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Enrollment(models.Model):
    """A volunteer taking a course.

    Keyed to the course's page in the default language (Thai), so reading the
    English translation counts for the same record. Unenrolling deletes this
    row but keeps step completions, so enrolling again resumes.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="enrollments",
        verbose_name=_("user"),
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.CASCADE,
        related_name="enrollments",
        verbose_name=_("course"),
    )
    enrolled_at = models.DateTimeField(_("enrolled at"), auto_now_add=True)
    completed_at = models.DateTimeField(
        _("completed at"), null=True, blank=True, db_index=True
    )
    last_step = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("last step"),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course"], name="courses_enrollment_unique_user_course"
            )
        ]
        indexes = [
            models.Index(
                fields=["course", "completed_at"], name="courses_enr_course_done"
            )
        ]

    def __str__(self):
        return f"{self.user} → {self.course}"


class StepCompletion(models.Model):
    """A lesson read or a quiz passed, once per person and step."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="step_completions",
        verbose_name=_("user"),
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("step"),
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("course"),
    )
    completed_at = models.DateTimeField(_("completed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("step completion")
        verbose_name_plural = _("step completions")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "page"], name="courses_stepcompletion_unique_user_page"
            )
        ]
        indexes = [
            models.Index(fields=["user", "course"], name="courses_step_user_course"),
            models.Index(
                fields=["course", "completed_at"], name="courses_step_course_done"
            ),
        ]
