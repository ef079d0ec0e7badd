"""Course authoring in the Wagtail admin: the course outline screen and the
course-level moderation and copy actions (``courses.authoring``)."""

from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin import widgets as wagtailadmin_widgets

from .authoring import admin_views, selectors
from .models import CoursePage


@hooks.register("register_admin_urls")
def register_course_authoring_urls():
    return [
        path(
            "courses/<int:course_id>/outline/",
            admin_views.course_outline,
            name="course_outline",
        ),
        path(
            "courses/<int:course_id>/copy/",
            admin_views.course_copy,
            name="course_copy",
        ),
    ]


def _outline_buttons(page, user, button_class):
    if page.specific_class is CoursePage and page.permissions_for_user(user).can_edit():
        yield button_class(
            _("Course outline"),
            reverse("course_outline", args=[page.pk]),
            icon_name="list-ul",
            priority=5,
        )
        yield button_class(
            _("Copy the course"),
            reverse("course_copy", args=[page.pk]),
            icon_name="copy",
            priority=70,
        )


@hooks.register("register_page_header_buttons")
def course_outline_header_buttons(page, user, view_name=None, next_url=None):
    yield from _outline_buttons(page, user, wagtailadmin_widgets.Button)


@hooks.register("register_page_listing_more_buttons")
def course_outline_listing_buttons(page, user, next_url=None):
    yield from _outline_buttons(page, user, wagtailadmin_widgets.ListingButton)


@hooks.register("register_log_actions")
def register_course_log_actions(actions):
    actions.register_action(
        "lms.course.submit",
        _("Submit the course for moderation"),
        _("Course submitted for moderation"),
    )
    actions.register_action(
        "lms.course.approve", _("Approve the course"), _("Course approved")
    )
    actions.register_action(
        "lms.course.reject",
        _("Request changes to the course"),
        _("Changes requested on the course"),
    )


@hooks.register("insert_global_admin_css")
def course_outline_css():
    return format_html(
        '<link rel="stylesheet" href="{}">', static("css/admin-course-outline.css")
    )


@hooks.register("before_edit_page")
def refuse_a_page_of_a_new_course_going_live_alone(request, page):
    """A course never live goes live only whole: approving (or publishing) one
    of its pages in that page's editor is refused, with a way to the outline,
    where the whole course is approved in one action. A live course's pages
    are approved one by one as Wagtail does (the rest stays online)."""
    if request.method != "POST":
        return None
    approving = (
        request.POST.get("action-workflow-action")
        and request.POST.get("workflow-action-name") == "approve"
    )
    if not (approving or request.POST.get("action-publish")):
        return None
    course = selectors.never_live_course_of(page)
    if course is None:
        return None
    messages.error(
        request,
        gettext(
            "“%(title)s” belongs to the course “%(course)s”, which is not live yet: "
            "a new course goes live only as a whole. Approve the whole course in "
            "its outline."
        )
        % {"title": page.get_admin_display_title(), "course": course.draft_title},
        buttons=[
            messages.button(
                reverse("course_outline", args=[course.pk]),
                gettext("Open the course outline"),
            )
        ],
    )
    return redirect("wagtailadmin_pages:edit", page.pk)
