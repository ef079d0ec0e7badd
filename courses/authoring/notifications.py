"""One e-mail per course decision, not one per page.

Wagtail's workflow mails each page's reviewers when the page's task is
submitted and its submitter when it is approved or sent back
(``wagtail.admin.signal_handlers``). Submitting a course of twelve pages
would send each reviewer twelve mails. While a course action runs
(:func:`course_batch`), those per-page mails are held back, and the action
sends one mail itself: to the reviewers, naming the course, the number of
pages and the outline's address; to the submitter, the decision with its
comment. A page submitted, approved or sent back on its own (from its
editor) is outside any course action and notifies exactly as Wagtail does.

Wagtail's receivers are replaced once (same ``dispatch_uid``, so Wagtail's
own ``connect`` later is a no-op if it comes second) by receivers that call
the same notifiers unless a course action is running in this thread.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.admin import signal_handlers as wagtail_mail
from wagtail.admin.mail import send_mail
from wagtail.models import GroupApprovalTask, Page, TaskState, WorkflowState
from wagtail.signals import (
    task_submitted,
    workflow_approved,
    workflow_rejected,
    workflow_submitted,
)
from wagtail.users.models import UserProfile

_in_course_action: ContextVar[bool] = ContextVar("lms_course_action", default=False)

_WAGTAIL_RECEIVERS = [
    (
        task_submitted,
        TaskState,
        "group_approval_task_submitted_email_notification",
        wagtail_mail.task_submission_email_notifier,
    ),
    (
        workflow_submitted,
        WorkflowState,
        "workflow_state_submitted_email_notification",
        wagtail_mail.workflow_submission_email_notifier,
    ),
    (
        workflow_rejected,
        WorkflowState,
        "workflow_state_rejected_email_notification",
        wagtail_mail.workflow_rejection_email_notifier,
    ),
    (
        workflow_approved,
        WorkflowState,
        "workflow_state_approved_email_notification",
        wagtail_mail.workflow_approval_email_notifier,
    ),
]


@contextmanager
def course_batch():
    """Hold back Wagtail's per-page workflow mails inside a course action."""
    token = _in_course_action.set(True)
    try:
        yield
    finally:
        _in_course_action.reset(token)


def in_course_action() -> bool:
    return _in_course_action.get()


def _unless_in_course_action(notifier):
    def receiver(sender, instance=None, **kwargs):
        if _in_course_action.get():
            return False
        return notifier(instance=instance, **kwargs)

    return receiver


def install() -> None:
    """Put the course-aware receivers in the place of Wagtail's (idempotent)."""
    for signal, sender, uid, notifier in _WAGTAIL_RECEIVERS:
        signal.disconnect(sender=sender, dispatch_uid=uid)
        signal.connect(
            _unless_in_course_action(notifier),
            sender=sender,
            dispatch_uid=uid,
            weak=False,
        )


install()


def _outline_url(course) -> str:
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    return base + reverse("course_outline", args=[course.pk])


def _language(user) -> str:
    """The recipient's admin language if they chose one, else the site's (Thai)."""
    return UserProfile.get_for_user(user).preferred_language or settings.LANGUAGE_CODE


def _wanted(users, preference: str, triggering_user) -> list:
    """Active users with an address who did not turn this kind of mail off."""
    chosen = {}
    for user in users:
        if (
            user is None
            or not user.is_active
            or not user.email
            or (triggering_user is not None and user.pk == triggering_user.pk)
        ):
            continue
        if getattr(UserProfile.get_for_user(user), f"{preference}_notifications"):
            chosen[user.pk] = user
    return sorted(chosen.values(), key=lambda u: u.pk)


def _send(recipients, subject_and_body) -> int:
    sent = 0
    for user in recipients:
        with translation.override(_language(user)):
            subject, body = subject_and_body()
        send_mail(subject, body, [user.email])
        sent += 1
    return sent


def _name(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def notify_course_submitted(*, course, pages, user) -> int:
    """One mail to each reviewer of the pages' current tasks."""
    states = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=[str(p.pk) for p in pages],
        status=WorkflowState.STATUS_IN_PROGRESS,
    ).values_list("current_task_state__task_id", flat=True)
    groups = GroupApprovalTask.groups.through.objects.filter(
        groupapprovaltask__in=set(states)
    ).values("group")
    reviewers = get_user_model().objects.filter(groups__in=groups)
    if getattr(settings, "WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS", True):
        reviewers = reviewers | get_user_model().objects.filter(is_superuser=True)
    recipients = _wanted(reviewers.distinct(), "submitted", user)
    url = _outline_url(course)

    def message():
        values = {
            "course": course.draft_title,
            "n": len(pages),
            "user": _name(user),
            "url": url,
        }
        subject = _(
            "The course “%(course)s” was submitted for moderation (%(n)s pages)"
        )
        body = _(
            "%(user)s submitted the course “%(course)s” for moderation: "
            "%(n)s pages wait for your review.\n\n"
            "Review the whole course and approve it or request changes in its outline:\n"
            "%(url)s"
        )
        return subject % values, body % values

    return _send(recipients, message)


def notify_course_decided(
    *, course, pages, submitters, user, approved: bool, comment: str
) -> int:
    """One mail to each person who submitted pages of the course, with the comment."""
    recipients = _wanted(submitters, "approved" if approved else "rejected", user)
    url = _outline_url(course)

    def message():
        values = {
            "course": course.draft_title,
            "n": len(pages),
            "user": _name(user),
            "url": url,
            "comment": comment,
        }
        if approved:
            subject = _("The course “%(course)s” was approved (%(n)s pages)")
            lines = [_("%(user)s approved the course “%(course)s” (%(n)s pages).")]
        else:
            subject = _(
                "Changes were requested on the course “%(course)s” (%(n)s pages)"
            )
            lines = [
                _(
                    "%(user)s requested changes to the course “%(course)s” (%(n)s pages)."
                )
            ]
        if comment:
            lines.append(_("Comment: %(comment)s"))
        lines.append(_("The course outline: %(url)s"))
        return subject % values, "\n\n".join(line % values for line in lines)

    return _send(recipients, message)
