"""Public verification, outside the language prefix so QR links never change:
/verify/, /verify/<code>/ and /verify/<code>.json."""

from django.urls import path, re_path

from . import views

urlpatterns = [
    path("", views.verify_form, name="certificates_verify_form"),
    re_path(
        r"^(?P<code>[0-9A-Za-z-]{1,64})\.json$",
        views.verify_json,
        name="certificates_verify_json",
    ),
    re_path(
        r"^(?P<code>[0-9A-Za-z-]{1,64})/$", views.verify, name="certificates_verify"
    ),
]
