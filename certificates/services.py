"""Writes for certificates: issue (automatic, manual), revoke, re-issue, awards on events.

Every issue goes through ``certificate_issue``, which is idempotent: the
partial unique constraint (one valid certificate per award and person)
decides, and a duplicate insert inside a savepoint is read back as "already
issued". That is what makes automatic awards, re-run bulk issues and racing
workers safe.

The PDF is drawn and stored by ``certificates.rendering``; bulk runs live in
``certificates.bulk``.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale

from competencies.models import LevelRequirement, VolunteerLevel
from courses.models import CourseCompetency, Enrollment
from lms import audit
from lms.accounts.models import normalize_phone

from .codes import generate_code
from .models import Award, BulkIssueRun, IssuedCertificate


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
    title_en = ""
    english = Locale.objects.filter(language_code="en").first()
    if english is not None:
        translation = course.get_translation_or_none(english)
        if translation is not None:
            title_en = translation.title
    return course.title, title_en


def award_texts(*, award: Award) -> AwardTexts:
    """The award's name and competencies as they read now (to be frozen)."""
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
                audit.log(
                    certificate,
                    "lms.certificate_issue",
                    by=issued_by,
                    source=source,
                    reason=reason[:255],
                )
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
    audit.log(
        certificate,
        "lms.certificate_revoke",
        by=by,
        reason=certificate.revocation_reason,
    )
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


def user_lookup(value: str):
    """A person by phone, e-mail or username (for the manual issue form and the command)."""
    value = value.strip()
    query = Q(username=value) | Q(email__iexact=value)
    phone = normalize_phone(value)
    if len(phone) >= 9:
        query |= Q(phone=phone)
    return get_user_model().objects.filter(query).first()
