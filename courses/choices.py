from django.db import models
from django.utils.translation import gettext_lazy as _


class Topic(models.TextChoices):
    ECOMMERCE = "ecommerce", _("E-commerce")
    EAGRICULTURE = "eagriculture", _("E-agriculture")
    CODING = "coding", _("Coding")
    MOOC = "mooc", _("MOOC")
    DIGITAL_LITERACY = "digital_literacy", _("Digital literacy")


class CalloutKind(models.TextChoices):
    TIP = "tip", _("Tip")
    INFO = "info", _("Information")
    WARNING = "warning", _("Warning")
