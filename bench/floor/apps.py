from django.apps import AppConfig


class FloorConfig(AppConfig):
    """A bare Wagtail page type: the floor ``bench/pages.py`` measures against.

    Installed only by ``bench/bench_settings.py``; never in the site."""

    name = "bench.floor"
    label = "floor"
    default_auto_field = "django.db.models.BigAutoField"
