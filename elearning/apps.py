from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ElearningConfig(AppConfig):
    name = "elearning"
    verbose_name = _("e-learning packages")

    def ready(self):
        from courses.registry import register_step

        from .forms import PackagePageForm
        from .models import PackagePage

        PackagePage.base_form_class = PackagePageForm

        # A package step is completed by its own result, like a quiz.
        register_step("elearning.PackagePage", graded=True)
