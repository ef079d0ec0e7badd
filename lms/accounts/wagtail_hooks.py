"""The audit log's actions in the admin (the volunteer screens are ``lms.volunteers``')."""

from wagtail import hooks

from lms import audit


@hooks.register("register_log_actions")
def register_audit_actions(actions):
    audit.register_actions(actions)
