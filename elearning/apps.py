from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from courses.registry import register_step


class ElearningConfig(AppConfig):
    name = "elearning"
    verbose_name = _("e-learning packages")

    def ready(self):
        # reason: AppConfig.ready (models are not ready before it)
        from courses.models.pages import PAGE_CONTEXTS

        from .forms import PackagePageForm
        from .models import PackagePage
        from .page_context import package_context

        PackagePage.base_form_class = PackagePageForm
        PAGE_CONTEXTS["elearning.packagepage"] = package_context

        # A package step is completed by its own result, like a quiz.
        register_step("elearning.PackagePage", graded=True)
