"""The completion screen: the reward moment after a course's last step.

It gathers what four apps know (the course from ``courses``, competencies
and the level from ``competencies``, the certificate from ``certificates``),
so it lives in the integration layer. Passing the final quiz and reading the
last lesson both lead here.
"""

from datetime import timedelta
from urllib.parse import quote

from django.contrib.auth.decorators import login_required
from django.db.models import Max, Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from certificates.models import IssuedCertificate
from certificates.selectors import verification_url
from competencies.models import CompetencyEvidence, LevelChange, VolunteerStatus
from competencies.selectors import level_overview
from courses.models import CoursePage, Enrollment
from courses.progress_selectors import in_language, missing_prerequisites
from courses.services import canonical_page

# What happened "with" the completion: certificates and level changes written
# in the same transaction, give or take a slow worker.
_AROUND = timedelta(minutes=2)
LINE_SHARE = "https://social-plugins.line.me/lineit/share?url="


def _proficiency_names(competency) -> dict[int, str]:
    return {lv.level: lv.name for lv in competency.proficiency_levels.all()}


def course_completion(*, user, course: CoursePage) -> dict | None:
    """What the completion screen shows, or None if ``user`` has not completed
    ``course`` (a canonical, Thai page). A fixed number of queries."""
    enrollment = Enrollment.objects.filter(
        user=user, course=course, completed_at__isnull=False
    ).first()
    if enrollment is None:
        return None
    since = enrollment.completed_at - _AROUND
    certificates = list(
        IssuedCertificate.objects.filter(user=user, revoked_at__isnull=True)
        .filter(Q(award__courses__course=course) | Q(issued_at__gte=since))
        .distinct()
        .order_by("-issued_at", "-pk")
    )
    for certificate in certificates:
        certificate.verify_url = verification_url(code=certificate.code)
        certificate.line_url = LINE_SHARE + quote(certificate.verify_url, safe="")
    gained = list(
        CompetencyEvidence.objects.filter(user=user, withdrawn_at__isnull=True)
        .filter(Q(course=course) | Q(attempt__quiz__path__startswith=course.path))
        .values("competency")
        .annotate(best=Max("proficiency"))
    )
    change = (
        LevelChange.objects.filter(user=user, changed_at__gte=since)
        .select_related("to_level", "from_level")
        .order_by("-changed_at", "-pk")
        .first()
    )
    promoted = (
        change.to_level
        if change
        and change.to_level
        and (not change.from_level or change.to_level.rank > change.from_level.rank)
        else None
    )
    overview = level_overview(user=user)
    by_id = {c.pk: c for area in overview["areas"] for c in area.competencies.all()}
    competencies = []
    for row in gained:
        competency = by_id.get(row["competency"])
        if competency is not None:
            competencies.append(
                {
                    "competency": competency,
                    "proficiency": _proficiency_names(competency).get(row["best"], ""),
                }
            )
    competencies.sort(key=lambda item: item["competency"].code)
    status = VolunteerStatus.objects.filter(user=user).select_related("level").first()
    return {
        "course": course,
        "display_course": in_language([course]).get(course.translation_key, course),
        "certificates": certificates,
        "competencies": competencies,
        "promoted": promoted,
        "level": status.level if status else None,
        "next_level": overview["next_level"],
        "next_course": next_course(user=user, course=course, overview=overview),
    }


def next_course(*, user, course: CoursePage, overview: dict) -> CoursePage | None:
    """A course to take next: one that teaches what the next level needs,
    else any open course not completed yet; in the reader's language."""
    finished = set(
        Enrollment.objects.filter(user=user, completed_at__isnull=False).values_list(
            "course__translation_key", flat=True
        )
    )
    finished.add(course.translation_key)
    for item in overview["missing"]:
        for candidate in item["courses"]:
            if candidate.translation_key not in finished:
                return candidate
    others = (
        CoursePage.objects.live()
        .filter(locale=Locale.get_active())
        .exclude(translation_key__in=finished)
        .order_by("path")[:10]
    )
    for candidate in others:
        canonical = canonical_page(candidate)
        if not missing_prerequisites(user=user, course=canonical):
            return candidate
    return None


@login_required
@require_GET
def course_done(request, course_id: int):
    """The completion screen; a course not completed yet goes back to its page."""
    course = canonical_page(get_object_or_404(CoursePage.objects.live(), pk=course_id))
    context = course_completion(user=request.user, course=course)
    if context is None:
        shown = in_language([course]).get(course.translation_key, course)
        return HttpResponseRedirect(shown.url)
    return TemplateResponse(request, "learning/course_done.html", context)
