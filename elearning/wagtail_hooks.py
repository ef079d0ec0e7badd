"""Package steps in the Wagtail admin: the results page, linked from the
page's header and the page listing, for trainers and administrators."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import widgets as wagtailadmin_widgets

from lms.accounts.roles import ADMINISTRATOR, TRAINER, role_of

from . import admin_views
from .models import PackagePage


@hooks.register("register_admin_urls")
def register_elearning_admin_urls():
    return [
        path(
            "elearning/<int:page_id>/results/",
            admin_views.results,
            name="elearning_results",
        ),
        path(
            "elearning/<int:page_id>/results.csv",
            admin_views.results_csv,
            name="elearning_results_csv",
        ),
    ]


def _results_button(page, user, button_class):
    if page.specific_class is PackagePage and role_of(user) in (TRAINER, ADMINISTRATOR):
        yield button_class(
            _("Package results"),
            reverse("elearning_results", args=[page.pk]),
            icon_name="table",
            priority=60,
        )


@hooks.register("register_page_header_buttons")
def package_results_header_button(page, user, view_name=None, next_url=None):
    yield from _results_button(page, user, wagtailadmin_widgets.Button)


@hooks.register("register_page_listing_more_buttons")
def package_results_listing_button(page, user, next_url=None):
    yield from _results_button(page, user, wagtailadmin_widgets.ListingButton)
