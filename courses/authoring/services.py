"""Writes for authoring a course as one unit.

Moderation is Wagtail's own: submitting a course starts (or resumes) the
page's workflow on every page of the course that has something to approve,
and approving or rejecting it acts on each of those pages' current
``TaskState`` with the same comment. Wagtail's records (``WorkflowState``,
``TaskState``, page history, the reviewers' dashboard) stay true and
complete, and a page's own moderation screens keep working; the course is
only the unit a trainer submits and an administrator decides on. A change to
a live lesson is a new revision in moderation: the live version stays
online until it is approved.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Page, WorkflowState

from lms.slugs import next_free_slug, slugify

from ..models import CoursePage
from ..quiz.models import Question, QuizPage, QuizQuestion
from . import notifications
from .selectors import course_outline_tree, outline_nodes, pending_workflow_states


class CourseAuthoringError(Exception):
    """A course action that cannot be done now; the message (translated) says why."""


def _submittable(nodes):
    return [n for n in nodes if n.needs_approval or n.status == "needs_changes"]


@transaction.atomic
def course_submit(*, course: CoursePage, user) -> list[Page]:
    """Submit every page of the course that has something unapproved, in one action.

    Pages already in moderation are left as they are; a page whose changes
    were requested is resubmitted (its workflow resumes). Returns the pages
    submitted.
    """
    nodes = outline_nodes(course_outline_tree(course=course))
    with notifications.course_batch():
        submitted = _submit_each(_submittable(nodes), user)
    if not submitted:
        raise CourseAuthoringError(
            _("Nothing in this course is waiting to be submitted.")
        )
    log(
        instance=course,
        action="lms.course.submit",
        user=user,
        data=_log_data(submitted),
    )
    transaction.on_commit(
        lambda: notifications.notify_course_submitted(
            course=course, pages=submitted, user=user
        )
    )
    return submitted


def _submit_each(nodes, user) -> list[Page]:
    submitted = []
    for node in nodes:
        page = node.page.specific
        if not page.permissions_for_user(user).can_edit():
            raise PermissionDenied
        if page.latest_revision_id is None:
            page.save_revision(user=user, log_action=True)
        state = node.workflow_state
        if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            state.resume(user=user)
        else:
            workflow = page.get_workflow()
            if workflow is None:
                raise CourseAuthoringError(
                    _("No moderation workflow applies to “%(title)s”.")
                    % {"title": page.get_admin_display_title()}
                )
            workflow.start(page, user)
        submitted.append(page)
    return submitted


def _log_data(pages) -> dict:
    return {
        "pages": [{"id": p.pk, "title": p.get_admin_display_title()} for p in pages]
    }


def _in_moderation(course: CoursePage):
    nodes = outline_nodes(course_outline_tree(course=course))
    pending = [n for n in nodes if n.status == "in_moderation"]
    if not pending:
        raise CourseAuthoringError(_("Nothing in this course is in moderation."))
    return nodes, pending


def _act(node, user, action: str, comment: str):
    task_state = node.workflow_state.current_task_state
    task = task_state.task.specific
    page = node.page.specific
    if action not in {name for name, _label, _form in task.get_actions(page, user)}:
        raise PermissionDenied
    task.on_action(task_state.specific, user, action, comment=comment)
    return page


@transaction.atomic
def course_approve(*, course: CoursePage, user, comment: str = "") -> list[Page]:
    """Approve every page of the course in moderation, with one comment.

    A course that is not live yet goes live only whole: if one of its pages
    still has unapproved work that was never submitted (or was sent back for
    changes), nothing is approved. In a live course each approved change
    replaces its live version; the rest stays online meanwhile.
    """
    nodes, pending = _in_moderation(course)
    course_node = nodes[0]
    if not course.live or course_node.status in ("draft", "in_moderation"):
        waiting = [n for n in nodes if n.needs_approval or n.status == "needs_changes"]
        if waiting:
            raise CourseAuthoringError(
                _("The course cannot go live while these are not submitted: %(titles)s")
                % {"titles": ", ".join(n.page.draft_title for n in waiting)}
            )
    # Steps before their module, modules before the course: deepest first.
    with notifications.course_batch():
        approved = [
            _act(n, user, "approve", comment)
            for n in sorted(pending, key=lambda n: -n.page.depth)
        ]
    log(
        instance=course,
        action="lms.course.approve",
        user=user,
        data=_log_data(approved),
    )
    _notify_decision(course, pending, approved, user, comment, approved=True)
    return approved


def _notify_decision(course, pending, pages, user, comment, *, approved):
    """After the commit: one mail to the submitters; in a workflow of several
    steps, the pages that moved on to a next step notify its reviewers once."""
    submitters = [n.workflow_state.requested_by for n in pending]

    def send():
        notifications.notify_course_decided(
            course=course,
            pages=pages,
            submitters=submitters,
            user=user,
            approved=approved,
            comment=comment,
        )
        if approved:
            still = pending_workflow_states(pages=pages)
            moving_on = [
                p
                for p in pages
                if p.pk in still
                and still[p.pk].status == WorkflowState.STATUS_IN_PROGRESS
            ]
            if moving_on:
                notifications.notify_course_submitted(
                    course=course, pages=moving_on, user=submitters[0]
                )

    transaction.on_commit(send)


@transaction.atomic
def course_reject(*, course: CoursePage, user, comment: str) -> list[Page]:
    """Send every page of the course in moderation back for changes, with one comment."""
    if not comment.strip():
        raise CourseAuthoringError(_("Say what needs to change."))
    _nodes, pending = _in_moderation(course)
    with notifications.course_batch():
        rejected = [_act(n, user, "reject", comment) for n in pending]
    log(
        instance=course, action="lms.course.reject", user=user, data=_log_data(rejected)
    )
    _notify_decision(course, pending, rejected, user, comment, approved=False)
    return rejected


@transaction.atomic
def page_rename(*, page: Page, title: str, user) -> Page:
    """Give a page of the course a new title, as a new draft revision.

    A live page keeps its live title until the change is approved.
    """
    title = title.strip()
    if not title:
        raise CourseAuthoringError(_("A title cannot be empty."))
    if len(title) > 255:
        raise CourseAuthoringError(_("A title has at most 255 characters."))
    lock = page.specific.get_lock()
    if lock is not None and lock.for_user(user):
        # A page in moderation is locked to everyone but its reviewers.
        raise CourseAuthoringError(
            _("“%(title)s” is locked (in moderation) and cannot be renamed now.")
            % {"title": page.draft_title}
        )
    draft = page.specific.get_latest_revision_as_object()
    draft.title = title
    draft.save_revision(user=user, log_action=True)
    return draft


@transaction.atomic
def page_move(*, page: Page, direction: str, user) -> bool:
    """Move a module or step one place up or down among its siblings."""
    if direction not in ("up", "down"):
        raise CourseAuthoringError(_("Unknown direction."))
    sibling = page.get_prev_sibling() if direction == "up" else page.get_next_sibling()
    if sibling is None:
        return False
    page.move(sibling, pos="left" if direction == "up" else "right", user=user)
    return True


@transaction.atomic
def course_copy(*, course: CoursePage, title: str, slug: str, user) -> CoursePage:
    """Copy a course, its modules and steps, and its question bank, as a draft.

    The copy's quizzes use the copy's own questions (a provincial variant or
    next year's edition can change them without touching the original).
    """
    title = title.strip()
    if not title:
        raise CourseAuthoringError(_("A title cannot be empty."))
    parent = course.get_parent()
    slug = next_free_slug(
        slugify(slug or title) or "course", parent=parent, instance=course
    )
    copy = course.copy(
        recursive=True,
        to=parent,
        update_attrs={"title": title, "draft_title": title, "slug": slug},
        keep_live=False,
        user=user,
    )
    question_map = {}
    for question in Question.objects.filter(course=course).order_by("pk"):
        clone, _children = question.copy_cluster()
        clone.course_id = copy.pk
        clone.save()
        question_map[question.pk] = clone.pk
    quizzes = QuizPage.objects.descendant_of(copy)
    for old, new in question_map.items():
        QuizQuestion.objects.filter(quiz__in=quizzes, question_id=old).update(
            question_id=new
        )
    # The copied drafts (revisions) name the questions too.
    for quiz in quizzes.select_related("latest_revision"):
        revision = quiz.latest_revision
        if revision is None:
            continue
        for link in revision.content.get("question_links", []):
            link["question"] = question_map.get(
                link.get("question"), link.get("question")
            )
        revision.save(update_fields=["content"])
    return CoursePage.objects.get(pk=copy.pk)
