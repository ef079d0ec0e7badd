"""The programme's audit trail, on Wagtail's own audit log.

Who did what and when for the actions that matter to a ministry: issuing and
revoking certificates, bulk issue runs, volunteer imports, withdrawing
evidence, changing the level rules and changing someone's role. Each is a
``wagtail.log_actions.log`` entry (a ``ModelLogEntry``) with a registered
action, so the site history report (/admin/reports/site-history/) lists,
filters and exports them. Services call ``log`` themselves; role changes
made outside the import are caught by a signal on ``User.groups``
(``lms.accounts.receivers``).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter
from wagtail.log_actions import log as wagtail_log

ACTIONS = {
    "lms.certificate_issue": (_("Issue certificate"), _("Issued certificate")),
    "lms.certificate_revoke": (_("Revoke certificate"), _("Revoked certificate")),
    "lms.bulk_issue": (
        _("Bulk issue certificates"),
        _("Started a bulk issue of certificates"),
    ),
    "lms.volunteer_import": (_("Import volunteers"), _("Imported volunteers")),
    "lms.evidence_withdraw": (
        _("Withdraw evidence"),
        _("Withdrew competency evidence"),
    ),
    "lms.level_rules_change": (
        _("Change level rules"),
        _("Changed the volunteer level rules"),
    ),
    "lms.role_change": (_("Change role"), _("Changed role")),
    "lms.bulk_issue_finish": (
        _("Finish bulk issue"),
        _("Finished a bulk issue of certificates"),
    ),
    "lms.levels_recompute_finish": (
        _("Finish level recomputation"),
        _("Finished recomputing volunteer levels"),
    ),
    "lms.framework_import": (
        _("Import competency framework"),
        _("Imported the competency framework"),
    ),
    "lms.framework_rename": (
        _("Change competency framework"),
        _("Changed the competency framework"),
    ),
    "lms.mark": (_("Mark answer"), _("Marked an answer")),
    "lms.mark_change": (_("Change mark"), _("Changed the mark of an answer")),
    "lms.personal_data_export": (
        _("Export personal data"),
        _("Exported personal data"),
    ),
    "lms.erasure_request": (_("Request erasure"), _("Asked for erasure")),
    "lms.erasure_approve": (
        _("Approve erasure"),
        _("Approved an erasure request and erased the data"),
    ),
    "lms.erasure_refuse": (_("Refuse erasure"), _("Refused an erasure request")),
    "lms.retention_anonymise": (
        _("Anonymise inactive account"),
        _("Anonymised an inactive account"),
    ),
}


def _formatter(action: str, label, message):
    class Formatter(LogFormatter):
        def format_message(self, log_entry):
            data = log_entry.data or {}
            detail = data.get("detail", "")
            if action == "lms.role_change" and "to" in data:
                detail = _("from %(old)s to %(new)s") % {
                    "old": ", ".join(data.get("from") or []) or "—",
                    "new": ", ".join(data.get("to") or []) or "—",
                }
            elif action == "lms.volunteer_import":
                detail = _("%(created)s new, %(updated)s updated") % {
                    "created": data.get("created", 0),
                    "updated": data.get("updated", 0),
                }
            elif action == "lms.bulk_issue_finish":
                detail = _("%(issued)s issued for %(done)s of %(total)s people") % {
                    "issued": data.get("issued", 0),
                    "done": data.get("done", 0),
                    "total": data.get("total", 0),
                }
            elif action == "lms.levels_recompute_finish":
                detail = _("%(done)s of %(total)s people, %(changed)s changed") % {
                    "done": data.get("done", 0),
                    "total": data.get("total", 0),
                    "changed": data.get("changed", 0),
                }
            elif action == "lms.framework_import":
                detail = _("%(created)s new, %(updated)s updated") % {
                    "created": data.get("created", 0),
                    "updated": data.get("updated", 0),
                }
                if data.get("changes"):
                    detail = f"{detail}; {describe_changes(data['changes'])}"
            elif action in ("lms.mark", "lms.mark_change"):
                detail = describe_mark(data.get("changes") or {})
                if data.get("quiz"):
                    attempt = _("%(quiz)s, attempt %(number)s") % {
                        "quiz": data["quiz"],
                        "number": data.get("number", ""),
                    }
                    detail = f"{attempt}: {detail}"
            elif data.get("changes"):
                detail = describe_changes(data["changes"])
                if data.get("detail"):
                    detail = f"{data['detail']}: {detail}"
            elif data.get("reason"):
                detail = data["reason"]
            return f"{message}: {detail}" if detail else str(message)

    Formatter.label = label
    Formatter.message = message
    Formatter.__name__ = f"{action.split('.')[-1].title().replace('_', '')}Formatter"
    return Formatter


def snapshot(instance, fields) -> dict:
    """The values of ``fields`` on ``instance``, as the audit log stores them."""
    return {name: plain(getattr(instance, name, None)) for name in fields}


def plain(value):
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def changes_between(before: dict, after: dict) -> dict:
    """``{field: [before, after]}`` for the fields whose value changed."""
    return {
        name: [before.get(name), value]
        for name, value in after.items()
        if before.get(name) != value
    }


def describe_changes(changes) -> str:
    """field: before → after; … (a list of such dicts is described one by one)."""
    if isinstance(changes, list):
        return "; ".join(
            f"{item.get('what', '')} {describe_changes(item.get('changes', {}))}".strip()
            for item in changes
        )
    return "; ".join(
        f"{name}: {_shown(old)} → {_shown(new)}" for name, (old, new) in changes.items()
    )


MARK_FIELDS = {
    "credit": _("mark"),
    "comment": _("comment"),
    "score": _("attempt score (%)"),
    "passed": _("result"),
}


def describe_mark(changes: dict) -> str:
    """A mark or a change of mark: mark, comment, the attempt's score and
    result, each before → after, with the field names and results translated."""

    def shown(name, value):
        if name == "passed" and value is not None:
            return str(_("quiz passed") if value else _("quiz failed"))
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return _shown(value)

    # In MARK_FIELDS' order: PostgreSQL's jsonb does not keep the keys' order.
    names = [name for name in MARK_FIELDS if name in changes]
    names += [name for name in changes if name not in MARK_FIELDS]
    return "; ".join(
        f"{MARK_FIELDS.get(name, name)}: {shown(name, changes[name][0])}"
        f" → {shown(name, changes[name][1])}"
        for name in names
    )


def _shown(value) -> str:
    return "—" if value in (None, "") else str(value)


def register_actions(actions) -> None:
    """Called from the ``register_log_actions`` hook."""
    for action, (label, message) in ACTIONS.items():
        actions.register_action(action)(_formatter(action, label, message))


def log(instance, action: str, *, by=None, **data) -> None:
    """Record ``action`` on ``instance`` by ``by`` (None: the system)."""
    wagtail_log(instance, action, user=by, data=data)
