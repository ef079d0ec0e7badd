"""Writes for certificates: issue (automatic, manual, bulk), revoke, re-issue, PDF.

Every issue goes through ``certificate_issue``, which is idempotent: the
partial unique constraint (one valid certificate per award and person)
decides, and a duplicate insert inside a savepoint is read back as "already
issued". That is what makes automatic awards, re-run bulk issues and racing
workers safe.
"""

import csv
import io
import logging
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from lms import audit

from .codes import generate_code
from .models import (
    Award,
    BulkIssueChunk,
    BulkIssueRun,
    IssuedCertificate,
)

logger = logging.getLogger("lms.certificates")

CHUNK_SIZE = 500


class CertificateError(Exception):
    """A certificate cannot be issued, revoked or rendered as asked; the message says why."""


# --- Frozen texts -------------------------------------------------------------------


@dataclass(frozen=True)
class AwardTexts:
    """What a certificate freezes about its award at issue time."""

    name_th: str
    name_en: str
    competencies_th: str
    competencies_en: str


def _course_titles(course) -> tuple[str, str]:
    from wagtail.models import Locale

    title_en = ""
    english = Locale.objects.filter(language_code="en").first()
    if english is not None:
        translation = course.get_translation_or_none(english)
        if translation is not None:
            title_en = translation.title
    return course.title, title_en


def award_texts(*, award: Award) -> AwardTexts:
    """The award's name and competencies as they read now (to be frozen)."""
    from courses.models import CourseCompetency

    name_th, name_en = award.name_th, award.name_en
    competencies: dict[str, tuple[str, str]] = {}
    courses = [link.course for link in award.courses.select_related("course")]
    if (
        award.kind in (Award.Kind.COURSE, Award.Kind.COURSE_SET, Award.Kind.EVENT)
        and courses
    ):
        if not name_th:
            titles = [_course_titles(c) for c in courses]
            name_th = ", ".join(t for t, _e in titles)
            name_en = name_en or ", ".join(e or t for t, e in titles)
        links = CourseCompetency.objects.filter(page__in=courses).select_related(
            "competency"
        )
        for link in links.order_by("competency__code"):
            c = link.competency
            competencies[c.code] = (c.name_th, c.name_en or c.name_th)
    elif award.kind == Award.Kind.LEVEL:
        from competencies.models import LevelRequirement, VolunteerLevel

        level = VolunteerLevel.objects.filter(code=award.level_code).first()
        if level is not None:
            name_th = name_th or level.name_th
            name_en = name_en or level.name_en
            reqs = LevelRequirement.objects.filter(level=level).select_related(
                "competency"
            )
            for req in reqs.order_by("competency__code"):
                c = req.competency
                competencies[c.code] = (c.name_th, c.name_en or c.name_th)
        name_th = name_th or award.level_code
    return AwardTexts(
        name_th=name_th,
        name_en=name_en,
        competencies_th="\n".join(
            f"{code} {th}" for code, (th, _e) in competencies.items()
        ),
        competencies_en="\n".join(
            f"{code} {en}" for code, (_t, en) in competencies.items()
        ),
    )


def recipient_name(user) -> str:
    return (user.get_full_name() or user.get_username()).strip()


# --- Issuing --------------------------------------------------------------------------


@transaction.atomic
def certificate_issue(
    *,
    user,
    award: Award,
    source: str = IssuedCertificate.Source.AUTOMATIC,
    issued_by=None,
    reason: str = "",
    bulk_run: BulkIssueRun | None = None,
    texts: AwardTexts | None = None,
    name: str | None = None,
) -> tuple[IssuedCertificate, bool]:
    """Issue ``award`` to ``user`` once; returns (certificate, created).

    If the person already holds a valid certificate for the award, that one
    is returned and nothing is written. The PDF is not drawn here: it is
    rendered on first download (and kept), so issuing thousands is cheap.
    """
    existing = IssuedCertificate.objects.filter(
        award=award, user=user, revoked_at__isnull=True
    ).first()
    if existing is not None:
        return existing, False
    texts = texts or award_texts(award=award)
    template = award.template
    for _attempt in range(3):
        try:
            with transaction.atomic():
                certificate = IssuedCertificate.objects.create(
                    code=generate_code(),
                    award=award,
                    template=template,
                    user=user,
                    recipient_name=(name or recipient_name(user))[:255],
                    award_name_th=texts.name_th[:500],
                    award_name_en=texts.name_en[:500],
                    competencies_th=texts.competencies_th,
                    competencies_en=texts.competencies_en,
                    issuer_name=template.text("issuer_name"),
                    language=template.language,
                    issued_at=timezone.now(),
                    source=source,
                    issued_by=issued_by,
                    reason=reason[:255],
                    bulk_run=bulk_run,
                )
            if bulk_run is None:  # a bulk run is logged once, when it starts
                audit.log(certificate, "lms.certificate_issue", by=issued_by, source=source, reason=reason[:255])
            return certificate, True
        except IntegrityError:
            # Either another process issued it first (read it back), or the
            # random code collided (vanishingly rare: try a new one).
            existing = IssuedCertificate.objects.filter(
                award=award, user=user, revoked_at__isnull=True
            ).first()
            if existing is not None:
                return existing, False
    raise CertificateError(_("The certificate could not be issued; try again."))


def certificate_issue_manual(
    *, user, award: Award, issued_by, reason: str
) -> tuple[IssuedCertificate, bool]:
    """An administrator issues one certificate by hand; the reason is kept on it."""
    if not reason.strip():
        raise CertificateError(_("Give a reason for issuing by hand."))
    return certificate_issue(
        user=user,
        award=award,
        source=IssuedCertificate.Source.MANUAL,
        issued_by=issued_by,
        reason=reason.strip(),
    )


def _has_completed(user, course_ids: list[int]) -> bool:
    from courses.models import Enrollment

    done = Enrollment.objects.filter(
        user=user, course_id__in=course_ids, completed_at__isnull=False
    ).count()
    return done == len(set(course_ids))


def awards_for_course_completion(*, user, course) -> list[IssuedCertificate]:
    """Issue every active course and course-set award that completing ``course`` earns."""
    issued = []
    awards = (
        Award.objects.filter(
            active=True,
            kind__in=[Award.Kind.COURSE, Award.Kind.COURSE_SET],
            courses__course=course,
        )
        .select_related("template")
        .prefetch_related("courses")
        .distinct()
    )
    for award in awards:
        course_ids = [link.course_id for link in award.courses.all()]
        if award.kind == Award.Kind.COURSE_SET and not _has_completed(user, course_ids):
            continue
        certificate, created = certificate_issue(user=user, award=award)
        if created:
            issued.append(certificate)
    return issued


def on_course_completed(sender, user, course, **kwargs):
    """Receiver of ``courses.signals.course_completed``."""
    awards_for_course_completion(user=user, course=course)


def award_for_level(*, user, level_code: str) -> list[IssuedCertificate]:
    """Issue the active awards for reaching the level ``level_code`` (idempotent).

    The levels code calls this on promotion (it is connected to
    ``competencies.services.level_changed`` in ``CertificatesConfig.ready``).
    """
    issued = []
    for award in Award.objects.filter(
        active=True, kind=Award.Kind.LEVEL, level_code=level_code
    ).select_related("template"):
        certificate, created = certificate_issue(user=user, award=award)
        if created:
            issued.append(certificate)
    return issued


def on_level_changed(sender, user, level, previous=None, promoted=False, **kwargs):
    """Receiver of ``competencies.services.level_changed``: promotions earn level awards."""
    if promoted and level is not None:
        with transaction.atomic():
            award_for_level(user=user, level_code=level.code)


# --- Revocation and re-issue -------------------------------------------------------------


@transaction.atomic
def certificate_revoke(
    *, certificate: IssuedCertificate, by, reason: str
) -> IssuedCertificate:
    """Revoke with a reason, shown on the verification page. Revoking twice is refused."""
    certificate = IssuedCertificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.revoked_at is not None:
        raise CertificateError(_("This certificate is already revoked."))
    if not reason.strip():
        raise CertificateError(_("Give a reason for the revocation."))
    certificate.revoked_at = timezone.now()
    certificate.revoked_by = by
    certificate.revocation_reason = reason.strip()[:255]
    certificate.save(update_fields=["revoked_at", "revoked_by", "revocation_reason"])
    audit.log(certificate, "lms.certificate_revoke", by=by, reason=certificate.revocation_reason)
    return certificate


@transaction.atomic
def certificate_reissue(
    *, certificate: IssuedCertificate, by, reason: str, name: str | None = None
) -> IssuedCertificate:
    """Replace a certificate (after a name correction): a new code, the old one revoked and linked.

    The new certificate takes the recipient's current name (or ``name``) and
    keeps the award texts frozen on the old one.
    """
    old = certificate_revoke(certificate=certificate, by=by, reason=reason)
    if old.user is None:
        raise CertificateError(_("The recipient's account no longer exists."))
    texts = AwardTexts(
        old.award_name_th, old.award_name_en, old.competencies_th, old.competencies_en
    )
    new, _created = certificate_issue(
        user=old.user,
        award=old.award,
        source=IssuedCertificate.Source.REISSUE,
        issued_by=by,
        reason=reason,
        texts=texts,
        name=name,
    )
    old.replaced_by = new
    old.save(update_fields=["replaced_by"])
    return new


# --- PDF ------------------------------------------------------------------------------------


def _stored(certificate: IssuedCertificate) -> bool:
    return bool(certificate.pdf) and default_storage.exists(certificate.pdf.name)


def certificate_pdf(*, certificate: IssuedCertificate) -> bytes:
    """The certificate's PDF: the stored file, or rendered once and stored.

    Rendering happens with the certificate row locked, so two simultaneous
    downloads render once: the second waits and then reads the stored file.
    A media directory that cannot be written raises ``CertificateError`` and
    leaves the certificate as it was.
    """
    from . import pdf

    if _stored(certificate):
        with default_storage.open(certificate.pdf.name, "rb") as fh:
            return fh.read()
    with transaction.atomic():
        locked = (
            IssuedCertificate.objects.select_for_update()
            .select_related("template")
            .get(pk=certificate.pk)
        )
        if _stored(locked):
            with default_storage.open(locked.pdf.name, "rb") as fh:
                return fh.read()
        data = pdf.render_certificate_pdf(locked)
        path = f"certificates/{locked.issued_at:%Y}/{locked.code}.pdf"
        try:
            if default_storage.exists(path):
                default_storage.delete(path)
            name = default_storage.save(path, ContentFile(data))
        except OSError as err:
            logger.error("certificate PDF %s could not be stored: %s", locked.code, err)
            raise CertificateError(
                _(
                    "The certificate's PDF could not be stored (media directory not writable). Tell an administrator."
                )
            ) from err
        locked.pdf = name
        locked.pdf_rendered_at = timezone.now()
        locked.save(update_fields=["pdf", "pdf_rendered_at"])
    certificate.pdf = locked.pdf
    return data


# --- Bulk issue ----------------------------------------------------------------------------


def people_from_csv(data: str | bytes) -> tuple[list[int], list[str]]:
    """Resolve a CSV of phones or e-mails (any column, header or not) to user ids.

    Returns (user ids in file order without repeats, the values that matched nobody).
    """
    from lms.accounts.models import normalize_phone

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
    from courses.models import Enrollment

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
        from competencies.models import VolunteerLevel, VolunteerStatus

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
    audit.log(run, "lms.bulk_issue", by=created_by, award=award.pk, total=run.total, reason=run.reason)
    BulkIssueChunk.objects.bulk_create(
        [
            BulkIssueChunk(run=run, user_ids=user_ids[i : i + CHUNK_SIZE])
            for i in range(0, len(user_ids), CHUNK_SIZE)
        ]
    )
    if enqueue:
        from .tasks import bulk_issue_task

        count = workers or getattr(settings, "CERTIFICATES_BULK_WORKERS", 1)
        for _n in range(max(1, count)):
            transaction.on_commit(lambda: bulk_issue_task.enqueue(run.pk))
    return run


class _InjectedFailure(RuntimeError):
    """Raised by ``bulk_issue_execute(fail_after=…)``: a worker killed on purpose in tests."""


def _next_chunk(run_id: int) -> BulkIssueChunk | None:
    qs = BulkIssueChunk.objects.filter(run_id=run_id, done=False).order_by("pk")
    from django.db import connection

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
    from django.db.models import F

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
    if not BulkIssueChunk.objects.filter(run_id=run_id, done=False).exists():
        BulkIssueRun.objects.filter(pk=run_id).exclude(
            status=BulkIssueRun.Status.DONE
        ).update(status=BulkIssueRun.Status.DONE, finished_at=timezone.now())
    run.refresh_from_db()
    return run


def bulk_issue_resume(*, run: BulkIssueRun) -> None:
    """Enqueue a run again (after its worker died); finished chunks are skipped."""
    from .tasks import bulk_issue_task

    bulk_issue_task.enqueue(run.pk)


def user_lookup(value: str):
    """A person by phone, e-mail or username (for the manual issue form and the command)."""
    from lms.accounts.models import normalize_phone

    value = value.strip()
    query = Q(username=value) | Q(email__iexact=value)
    phone = normalize_phone(value)
    if len(phone) >= 9:
        query |= Q(phone=phone)
    return get_user_model().objects.filter(query).first()
