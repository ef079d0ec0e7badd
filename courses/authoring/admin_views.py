"""The course outline screen: a whole course at a glance, edited and moderated as one.

Trainers (who may edit the course) reorder, rename and add modules and steps,
submit the course for moderation and copy it; reviewers of the moderation
task (administrators) approve or send back every submitted page with one
comment. Every action is a plain POST answered by a redirect (no script).
"""

from django.apps import apps
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Page

from .. import registry
from ..models import CoursePage
from . import selectors, services
from .selectors import OutlineNode


def _status_label(status: str) -> str:
    return {
        selectors.DRAFT: _("Draft (never live)"),
        selectors.IN_MODERATION: _("In moderation"),
        selectors.NEEDS_CHANGES: _("Changes requested"),
        selectors.LIVE: _("Live"),
        selectors.CHANGED: _("Live, changed since"),
    }[status]


def _step_types() -> list[tuple[str, str, str]]:
    """(app label, model name, verbose name) of each page type a module holds."""
    types = []
    for label in registry.MODULE_CHILD_TYPES:
        model = apps.get_model(label)
        types.append(
            (model._meta.app_label, model._meta.model_name, model._meta.verbose_name)
        )
    return types


def _page_in_course(course: CoursePage, page_id: str | None) -> Page:
    if not (page_id or "").isdigit():
        raise services.CourseAuthoringError(_("Choose a page of this course."))
    page = Page.objects.filter(
        pk=int(page_id), path__startswith=course.path, depth__gt=course.depth
    ).first()
    if page is None:
        raise services.CourseAuthoringError(_("Choose a page of this course."))
    return page


def _can_moderate(nodes: list[OutlineNode], user) -> bool:
    for node in nodes:
        state = node.workflow_state
        if state is not None and state.status == state.STATUS_IN_PROGRESS:
            task = state.current_task_state.task.specific
            return any(
                name == "approve" for name, _l, _f in task.get_actions(node.page, user)
            )
    return False


def _post(request, course: CoursePage) -> None:
    action = request.POST.get("action", "")
    comment = request.POST.get("comment", "").strip()[:2000]
    if action == "submit":
        pages = services.course_submit(course=course, user=request.user)
        messages.success(
            request,
            _("The course was submitted for moderation (%(n)s pages).")
            % {"n": len(pages)},
        )
    elif action == "approve":
        pages = services.course_approve(
            course=course, user=request.user, comment=comment
        )
        messages.success(
            request, _("The course was approved (%(n)s pages).") % {"n": len(pages)}
        )
    elif action == "reject":
        pages = services.course_reject(
            course=course, user=request.user, comment=comment
        )
        messages.success(
            request,
            _("Changes were requested on the course (%(n)s pages).")
            % {"n": len(pages)},
        )
    elif action == "rename":
        page = _page_in_course(course, request.POST.get("page"))
        if not page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        services.page_rename(
            page=page, title=request.POST.get("title", ""), user=request.user
        )
        messages.success(
            request, _("Renamed. The new title is a draft until approved.")
        )
    elif action in ("up", "down"):
        page = _page_in_course(course, request.POST.get("page"))
        # Reordering a live course changes the public site at once, which in
        # Wagtail needs publish rights; in a course not live yet it changes
        # nothing public, so whoever may edit the page may reorder it.
        parent_perms = page.get_parent().permissions_for_user(request.user)
        if not (
            parent_perms.can_reorder_children()
            or (not course.live and page.permissions_for_user(request.user).can_edit())
        ):
            raise services.CourseAuthoringError(
                _(
                    "Only a publisher can reorder a live course; submit a change instead."
                )
            )
        services.page_move(page=page, direction=action, user=request.user)
    else:
        raise services.CourseAuthoringError(_("Unknown action."))


def course_outline(request, course_id: int):
    """The course's modules and steps in order, with status and actions."""
    course = get_object_or_404(CoursePage, pk=course_id)
    if not course.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    if request.method == "POST":
        try:
            _post(request, course)
        except services.CourseAuthoringError as err:
            messages.error(request, str(err))
        return redirect("course_outline", course.pk)

    root = selectors.course_outline_tree(course=course)
    nodes = selectors.outline_nodes(root)
    for node in nodes:
        node.status_label = _status_label(node.status)
        model = node.page.specific_class or Page
        node.type_label = model._meta.verbose_name
    step_types = _step_types()
    for module in root.children:
        module.add_links = [
            (reverse("wagtailadmin_pages:add", args=[app, model, module.page.pk]), name)
            for app, model, name in step_types
        ]
    return TemplateResponse(
        request,
        "courses/admin/course_outline.html",
        {
            "course": course,
            "root": root,
            "can_submit": any(
                n.needs_approval or n.status == selectors.NEEDS_CHANGES for n in nodes
            ),
            "can_moderate": _can_moderate(nodes, request.user),
            "in_moderation": sum(n.status == selectors.IN_MODERATION for n in nodes),
            "add_module_url": reverse(
                "wagtailadmin_pages:add", args=["courses", "modulepage", course.pk]
            ),
            "header_title": _("Course outline"),
        },
    )


def course_copy(request, course_id: int):
    """Copy a course (with its question bank) as a new draft, then open its outline."""
    course = get_object_or_404(CoursePage, pk=course_id)
    parent = course.get_parent()
    if not (
        course.permissions_for_user(request.user).can_edit()
        and parent.permissions_for_user(request.user).can_add_subpage()
    ):
        raise PermissionDenied
    if request.method == "POST":
        try:
            copy = services.course_copy(
                course=course,
                title=request.POST.get("title", "")[:255],
                slug=request.POST.get("slug", "")[:255],
                user=request.user,
            )
        except services.CourseAuthoringError as err:
            messages.error(request, str(err))
        else:
            messages.success(request, _("The course was copied as a draft."))
            return redirect("course_outline", copy.pk)
    return TemplateResponse(
        request,
        "courses/admin/course_copy.html",
        {"course": course, "header_title": _("Copy the course")},
    )
