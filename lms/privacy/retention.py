"""Retention: notify inactive people, anonymise them later, purge old records.

Periods come from ``settings.PRIVACY_RETENTION`` (days):

- ``inactive_days``: no sign-in for this long (or never, counting from sign-up)
  and the person is notified (by e-mail when they have one);
- ``notice_days``: after the notice, still no sign-in and the account is
  anonymised by the same code as an approved erasure;
- ``sign_in_days``: django-axes sign-in records older than this are deleted;
- ``task_results_days``: finished background-task results older than this;
- ``exports_days``: data exports older than this.

Staff accounts (trainers with admin access, administrators) are never
anonymised by inactivity; their accounts are closed by an administrator.
"""

import datetime
from dataclasses import dataclass, field

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks_db.models import DBTaskResult

from lms import audit
from lms.accounts.roles import ADMINISTRATOR, TRAINER

from .erasure import person_erase
from .models import DataExport, RetentionNotice

DEFAULTS = {
    "inactive_days": 3 * 365,
    "notice_days": 30,
    "sign_in_days": 180,
    "task_results_days": 30,
    "exports_days": 7,
}


def periods() -> dict[str, int]:
    return {**DEFAULTS, **getattr(settings, "PRIVACY_RETENTION", {})}


@dataclass
class RetentionResult:
    dry_run: bool
    counts: dict[str, int] = field(default_factory=dict)


def _ago(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


def _candidates():
    """Accounts retention may touch: active, not staff, not yet anonymised."""
    return (
        get_user_model()
        .objects.filter(is_active=True, is_staff=False, is_superuser=False)
        .exclude(groups__name__in=[TRAINER, ADMINISTRATOR])
    )


def _notify(user) -> None:
    if not user.email:
        return  # recorded all the same; the person is told at their next sign-in
    with translation.override("th"):
        send_mail(
            _("Your digital-volunteer account will be anonymised"),
            _(
                "You have not signed in to the digital-volunteer learning site for a "
                "long time. Unless you sign in within %(days)s days, your account "
                "will be anonymised: your name, phone number and e-mail address will "
                "be removed and you will no longer be able to sign in.\n\n%(url)s"
            )
            % {"days": periods()["notice_days"], "url": settings.WAGTAILADMIN_BASE_URL},
            None,
            [user.email],
            fail_silently=True,
        )


def retention_apply(*, dry_run: bool) -> RetentionResult:
    p = periods()
    now = timezone.now()
    result = RetentionResult(dry_run=dry_run)
    counts = result.counts

    returned = RetentionNotice.objects.filter(user__last_login__gt=F("notified_at"))
    counts["returned"] = returned.count()

    to_notify = (
        _candidates()
        .annotate(seen=Coalesce("last_login", "date_joined"))
        .filter(seen__lt=_ago(p["inactive_days"]), retention_notice__isnull=True)
    )
    counts["notified"] = to_notify.count()

    to_anonymise = (
        _candidates()
        .filter(retention_notice__notified_at__lt=_ago(p["notice_days"]))
        .filter(
            Q(last_login__isnull=True)
            | Q(last_login__lte=F("retention_notice__notified_at"))
        )
    )
    counts["anonymised"] = to_anonymise.count()

    sign_in_before = _ago(p["sign_in_days"])
    sign_ins = [
        AccessLog.objects.filter(attempt_time__lt=sign_in_before),
        AccessFailureLog.objects.filter(attempt_time__lt=sign_in_before),
        AccessAttempt.objects.filter(attempt_time__lt=sign_in_before),
    ]
    counts["sign_in_records"] = sum(q.count() for q in sign_ins)
    tasks = DBTaskResult.objects.filter(finished_at__lt=_ago(p["task_results_days"]))
    counts["task_results"] = tasks.count()
    exports = DataExport.objects.filter(requested_at__lt=_ago(p["exports_days"]))
    counts["exports"] = exports.count()
    sessions = Session.objects.filter(expire_date__lt=now)
    counts["expired_sessions"] = sessions.count()

    if dry_run:
        return result

    returned.delete()
    for user in to_notify.iterator():
        with transaction.atomic():
            RetentionNotice.objects.get_or_create(
                user=user, defaults={"notified_at": now}
            )
        _notify(user)
    for user in list(to_anonymise):
        with transaction.atomic():
            person_erase(user=user)
            user.refresh_from_db()
            audit.log(user, "lms.retention_anonymise", by=None)
            RetentionNotice.objects.filter(user=user).delete()
    for queryset in [*sign_ins, tasks, exports, sessions]:
        queryset.delete()
    return result
