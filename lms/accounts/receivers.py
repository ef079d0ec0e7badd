"""Receivers the accounts app connects in ``AccountsConfig.ready``."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.log_actions import get_active_log_context

from lms import audit

from .roles import ROLE_GROUPS, VOLUNTEER


def on_groups_changed(sender, instance, action, pk_set, reverse, model, **kwargs):
    """``m2m_changed`` on ``User.groups``: log a person's role groups changing.

    Covers the admin's user editor and any code that adds or removes a role
    group; the import writes groups in bulk and logs its changes itself. The
    Volunteer role a new account gets at sign-up is not logged; any other
    first role (trainer, administrator) is.
    """
    if action not in ("post_add", "post_remove"):
        return
    User = get_user_model()
    if reverse:  # group.user_set.add(...): the instance is the group
        if instance.name not in ROLE_GROUPS:
            return
        users, names = list(User.objects.filter(pk__in=pk_set or [])), {instance.name}
    else:
        names = set(
            Group.objects.filter(pk__in=pk_set or [], name__in=ROLE_GROUPS).values_list(
                "name", flat=True
            )
        )
        users = [instance]
    if not names:
        return
    by = get_active_log_context().user
    for user in users:
        now = set(
            user.groups.filter(name__in=ROLE_GROUPS).values_list("name", flat=True)
        )
        before = now - names if action == "post_add" else now | names
        if action == "post_add" and not before and now == {VOLUNTEER}:
            continue  # the Volunteer role every account gets at sign-up
        audit.log(
            user,
            "lms.role_change",
            by=by,
            **{"from": sorted(before), "to": sorted(now)},
        )
