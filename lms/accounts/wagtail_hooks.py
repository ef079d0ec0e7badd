"""The audit log's actions in the admin (the volunteer screens are ``lms.volunteers``'),
and the one page rule Wagtail's permissions cannot say."""

from django.core.exceptions import PermissionDenied
from wagtail import hooks

from lms import audit

from .roles import TRAINER, role_of


@hooks.register("register_log_actions")
def register_audit_actions(actions):
    audit.register_actions(actions)


@hooks.register("before_delete_page")
def trainers_delete_only_their_own_drafts(request, page):
    """Wagtail lets anyone who may edit a page delete it while it is not live,
    so a trainer could open (and confirm) the deletion of a colleague's draft.
    A trainer deletes only drafts they own; live pages stay Wagtail's refusal."""
    if role_of(request.user) == TRAINER and page.owner_id != request.user.pk:
        raise PermissionDenied
