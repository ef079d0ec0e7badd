"""Package files for the sandboxed frame: language-neutral, outside /th/ and /en/."""

from django.urls import path

from . import views

app_name = "elearning_run"

urlpatterns = [
    path("<str:token>/<path:path>", views.run, name="run"),
]
