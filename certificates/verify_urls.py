"""Public verification, outside the language prefix so QR links never change:
/verify/, /verify/<code>/ and /verify/<code>.json."""

from django.urls import path, re_path

from . import views
from .openbadges import views as ob_views

urlpatterns = [
    # Open Badges 3.0 (certificates/openbadges): before the code pattern, which
    # would take "check/" for a code.
    path("check/", ob_views.verify_file, name="certificates_verify_file"),
    path(
        "status/<int:number>",
        ob_views.status_list_view,
        name="certificates_status_list",
    ),
    path(
        "awards/<int:award_id>/badge.png",
        ob_views.award_badge_png,
        name="certificates_award_badge",
    ),
    re_path(
        r"^(?P<code>[0-9A-Za-z-]{1,64})\.jwt$",
        ob_views.credential_jwt,
        name="certificates_verify_jwt",
    ),
    re_path(
        r"^(?P<code>[0-9A-Za-z-]{1,64})\.png$",
        ob_views.credential_png,
        name="certificates_verify_png",
    ),
    re_path(
        r"^(?P<code>[0-9A-Za-z-]{1,64})\.svg$",
        ob_views.credential_svg,
        name="certificates_verify_svg",
    ),
    path("", views.verify_form, name="certificates_verify_form"),
    re_path(
        r"^(?P<code>[0-9A-Za-z-]{1,64})\.json$",
        ob_views.credential_json,
        name="certificates_verify_json",
    ),
    re_path(
        r"^(?P<code>[0-9A-Za-z-]{1,64})/$", views.verify, name="certificates_verify"
    ),
]
