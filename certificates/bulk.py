"""Bulk certificate issues: who would receive an award, and runs worked through in chunks.

``bulk_issue_start`` records a run with its people split into chunks and
enqueues ``bulk_issue_task`` (defined here, beside the work it runs); each
worker claims chunks until none is left, and every chunk is one transaction,
so a killed worker leaves its chunk for the next and re-runs are safe.
"""

import csv
import io

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from competencies.models import VolunteerLevel, VolunteerStatus
from courses.models import Enrollment
from lms import audit
from lms.accounts.models import normalize_phone

from .codes import generate_code
from .models import Award, BulkIssueChunk, BulkIssueRun, IssuedCertificate
from .services import award_texts, certificate_issue, recipient_name

CHUNK_SIZE = 500


def people_from_csv(data: str | bytes) -> tuple[list[int], list[str]]:
    """Resolve a CSV of phones or e-mails (any column, header or not) to user ids.

    Returns (user ids in file order without repeats, the values that matched nobody).
    """
    if isinstance(data, bytes):
        data = data.decode("utf-8-sig")
    values = []
    for row in csv.reader(io.StringIO(data)):
        for cell in row:
            cell = cell.strip()
            if cell and (("@" in cell) or sum(ch.isdigit() for ch in cell) >= 9):
                values.append(cell)
    User = get_user_model()
    emails = {v.lower() for v in values if "@" in v}
    phones = {normalize_phone(v) for v in values if "@" not in v}
    by_email, by_phone = {}, {}
    if emails:
        for pk, email in User.objects.filter(email__in=emails).values_list(
            "pk", "email"
        ):
            by_email[email.lower()] = pk
    if phones:
        for pk, phone in User.objects.filter(phone__in=phones).values_list(
            "pk", "phone"
        ):
            by_phone[phone] = pk
    ids, unmatched, seen = [], [], set()
    for v in values:
        pk = by_email.get(v.lower()) if "@" in v else by_phone.get(normalize_phone(v))
        if pk is None:
            unmatched.append(v)
        elif pk not in seen:
            seen.add(pk)
            ids.append(pk)
    return ids, unmatched


def bulk_candidates(
    *, award: Award, province: str = "", people: list[int] | None = None
):
    """User ids the award would go to: those who earned it, or the given people; by province."""
    User = get_user_model()
    qs = User.objects.filter(is_active=True)
    if people is not None:
        qs = qs.filter(pk__in=people)
    elif award.kind in (Award.Kind.COURSE, Award.Kind.COURSE_SET):
        course_ids = list(award.courses.values_list("course_id", flat=True))
        if not course_ids:
            return User.objects.none().values_list("pk", flat=True)
        for course_id in course_ids:
            qs = qs.filter(
                pk__in=Enrollment.objects.filter(
                    course_id=course_id, completed_at__isnull=False
                ).values("user_id")
            )
    elif award.kind == Award.Kind.LEVEL:
        level = VolunteerLevel.objects.filter(code=award.level_code).first()
        if level is None:
            return User.objects.none().values_list("pk", flat=True)
        qs = qs.filter(
            pk__in=VolunteerStatus.objects.filter(level__rank__gte=level.rank).values(
                "user_id"
            )
        )
    else:
        # Event awards go only to a list of people.
        return User.objects.none().values_list("pk", flat=True)
    if province:
        qs = qs.filter(profile__province_code=province)
    return qs.order_by("pk").values_list("pk", flat=True)


def bulk_issue_pending(
    *, award: Award, province: str = "", people: list[int] | None = None
):
    """The dry run: candidates who do not hold a valid certificate for the award yet."""
    holders = IssuedCertificate.objects.filter(
        award=award, revoked_at__isnull=True, user__isnull=False
    ).values("user_id")
    return bulk_candidates(award=award, province=province, people=people).exclude(
        pk__in=holders
    )


@transaction.atomic
def bulk_issue_start(
    *,
    award: Award,
    created_by=None,
    province: str = "",
    people: list[int] | None = None,
    unmatched: list[str] | None = None,
    reason: str = "",
    workers: int | None = None,
    enqueue: bool = True,
) -> BulkIssueRun:
    """Record a run with its people split into chunks, and hand it to the workers.

    ``workers`` tasks are enqueued (default ``CERTIFICATES_BULK_WORKERS``, 1);
    each takes chunks until none is left, so more workers finish sooner.
    """
    user_ids = list(bulk_issue_pending(award=award, province=province, people=people))
    filters = {"province": province}
    if people is not None:
        filters["people"] = len(people)
    run = BulkIssueRun.objects.create(
        award=award,
        filters=filters,
        reason=reason[:255],
        total=len(user_ids),
        unmatched=list(unmatched or [])[:1000],
        created_by=created_by,
    )
    audit.log(
        run,
        "lms.bulk_issue",
        by=created_by,
        award=award.pk,
        total=run.total,
        reason=run.reason,
    )
    BulkIssueChunk.objects.bulk_create(
        [
            BulkIssueChunk(run=run, user_ids=user_ids[i : i + CHUNK_SIZE])
            for i in range(0, len(user_ids), CHUNK_SIZE)
        ]
    )
    if enqueue:
        count = workers or getattr(settings, "CERTIFICATES_BULK_WORKERS", 1)
        for _n in range(max(1, count)):
            transaction.on_commit(lambda: bulk_issue_task.enqueue(run.pk))
    return run


class _InjectedFailure(RuntimeError):
    """Raised by ``bulk_issue_execute(fail_after=…)``: a worker killed on purpose in tests."""


def _next_chunk(run_id: int) -> BulkIssueChunk | None:
    qs = BulkIssueChunk.objects.filter(run_id=run_id, done=False).order_by("pk")
    if connection.features.has_select_for_update_skip_locked:
        qs = qs.select_for_update(skip_locked=True)
    else:
        qs = qs.select_for_update()
    return qs.first()


def _issue_chunk(*, run, award, texts, chunk, count, fail_after) -> tuple[int, int]:
    """Issue a chunk's certificates in one multi-row INSERT; returns (issued, count).

    Holders are skipped; a row refused by the database (a racing worker
    issued it first, or, vanishingly rarely, a code collision) is ignored and
    then checked: anyone still without a valid certificate goes through
    ``certificate_issue`` one by one, so no one is missed.
    """
    User = get_user_model()
    valid = IssuedCertificate.objects.filter(award=award, revoked_at__isnull=True)
    holders = set(
        valid.filter(user_id__in=chunk.user_ids).values_list("user_id", flat=True)
    )
    now = timezone.now()
    issuer = award.template.text("issuer_name")
    rows = []
    people = (
        User.objects.filter(pk__in=chunk.user_ids)
        .exclude(pk__in=holders)
        .order_by("pk")
    )
    for user in people.only("pk", "username", "first_name", "last_name"):
        if fail_after is not None and count >= fail_after:
            raise _InjectedFailure(f"worker killed after {count} certificates")
        count += 1
        rows.append(
            IssuedCertificate(
                code=generate_code(),
                award=award,
                template_id=award.template_id,
                user=user,
                recipient_name=recipient_name(user)[:255],
                award_name_th=texts.name_th[:500],
                award_name_en=texts.name_en[:500],
                competencies_th=texts.competencies_th,
                competencies_en=texts.competencies_en,
                issuer_name=issuer,
                language=award.template.language,
                issued_at=now,
                source=IssuedCertificate.Source.BULK,
                issued_by_id=run.created_by_id,
                reason=run.reason,
                bulk_run=run,
            )
        )
    IssuedCertificate.objects.bulk_create(rows, batch_size=500, ignore_conflicts=True)
    issued = valid.filter(bulk_run=run, user_id__in=[r.user_id for r in rows]).count()
    missing = User.objects.filter(pk__in=[r.user_id for r in rows]).exclude(
        pk__in=valid.values("user_id")
    )
    for user in missing:
        _cert, created = certificate_issue(
            user=user,
            award=award,
            source=IssuedCertificate.Source.BULK,
            issued_by=run.created_by,
            reason=run.reason,
            bulk_run=run,
            texts=texts,
        )
        issued += int(created)
    return issued, count


def bulk_issue_execute(*, run_id: int, fail_after: int | None = None) -> BulkIssueRun:
    """Work through a run's pending chunks; safe to run again, and in parallel.

    Each chunk is one transaction: its certificates, the chunk's ``done`` flag
    and the run's progress commit together, so a worker killed half-way leaves
    the chunk pending for the next one. ``fail_after`` (tests, benchmarks)
    simulates that kill after so many certificates.
    """
    run = BulkIssueRun.objects.select_related("award__template").get(pk=run_id)
    award = run.award
    texts = award_texts(award=award)
    count = 0
    BulkIssueRun.objects.filter(pk=run_id, status=BulkIssueRun.Status.QUEUED).update(
        status=BulkIssueRun.Status.RUNNING
    )
    while True:
        with transaction.atomic():
            chunk = _next_chunk(run_id)
            if chunk is None:
                break
            issued, count = _issue_chunk(
                run=run,
                award=award,
                texts=texts,
                chunk=chunk,
                count=count,
                fail_after=fail_after,
            )
            chunk.done = True
            chunk.save(update_fields=["done"])
            BulkIssueRun.objects.filter(pk=run_id).update(
                done=F("done") + len(chunk.user_ids), issued=F("issued") + issued
            )
    finished = 0
    if not BulkIssueChunk.objects.filter(run_id=run_id, done=False).exists():
        finished = (
            BulkIssueRun.objects.filter(pk=run_id)
            .exclude(status=BulkIssueRun.Status.DONE)
            .update(status=BulkIssueRun.Status.DONE, finished_at=timezone.now())
        )
    run.refresh_from_db()
    if finished:
        # Only the worker that closed the run says so, once.
        audit.log(
            run,
            "lms.bulk_issue_finish",
            done=run.done,
            total=run.total,
            issued=run.issued,
        )
    return run


def bulk_issue_resume(*, run: BulkIssueRun) -> None:
    """Enqueue a run again (after its worker died); finished chunks are skipped."""
    bulk_issue_task.enqueue(run.pk)


@task(backend="background", queue_name="default")
def bulk_issue_task(run_id: int) -> None:
    """Issue a BulkIssueRun's certificates; safe to run again and on several workers."""
    bulk_issue_execute(run_id=run_id)
