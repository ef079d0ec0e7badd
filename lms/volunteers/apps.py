from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VolunteersConfig(AppConfig):
    """The volunteer import and export: spreadsheets in and out, with the ``level`` column.

    It sits above the kernel's accounts (it also records competency evidence for
    recognised levels), so it is an app of the integration layer of its own.
    """

    name = "lms.volunteers"
    label = "volunteers"
    verbose_name = _("Volunteers")
