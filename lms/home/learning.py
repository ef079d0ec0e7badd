"""*My learning*: the volunteer's home after signing in.

It shows what four apps know — courses in progress with their next step
(``courses``), the level and what the next one needs (``competencies``),
certificates (``certificates``) and courses to take next — so it lives in the
integration layer, like the completion screen. Every read goes through the
apps' own selectors; the page costs a fixed number of queries however many
courses a volunteer has taken.
"""

from dataclasses import dataclass, field

from django.contrib.auth.decorators import login_required
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page

from certificates.selectors import certificates_for_user
from competencies.selectors import level_overview
from courses.models import CoursePage, CoursePrerequisite
from courses.progress_selectors import dashboard

# How many certificates and recommended courses the page lists; the rest is
# one tap away (My certificates, the catalogue).
CERTIFICATES_SHOWN = 3
RECOMMENDED = 3


@dataclass
class Recommendation:
    """A course to take next, and the competencies of the next level it teaches."""

    course: Page  # in the reader's language
    teaches: list = field(default_factory=list)  # Competency objects


def _proficiency_name(competency, level: int) -> str:
    return next(
        (lv.name for lv in competency.proficiency_levels.all() if lv.level == level),
        "",
    )


def level_progress(overview: dict) -> dict:
    """The next level's requirements met so far, in words and as a percentage.

    Each competency the level requires counts as one requirement, and so does
    its number of completed courses, if it asks for one.
    """
    required = [
        c
        for area in overview["areas"]
        for c in area.competencies.all()
        if getattr(c, "required", 0)
    ]
    met = sum(1 for c in required if c.reached >= c.required)
    total = len(required)
    following = overview["next_level"]
    if following is not None and following.min_completed_courses:
        total += 1
        met += 1 if not overview["courses_needed"] else 0
    by_id = {c.pk: c for area in overview["areas"] for c in area.competencies.all()}
    needs = []
    for item in overview["missing"]:
        competency = by_id.get(item["competency_id"])
        if competency is None:
            continue
        needs.append(
            {
                "competency": competency,
                "reached_name": _proficiency_name(competency, item["reached"]),
                "required_name": _proficiency_name(competency, item["required"]),
            }
        )
    return {
        "met": met,
        "total": total,
        "percent": int(100 * met / total) if total else 0,
        "needs": needs,
    }


def recommended_courses(
    *, overview: dict, taken_keys: set, completed_ids: set[int], limit: int
) -> list[Recommendation]:
    """Courses not taken yet that the volunteer can enrol in now: first those
    teaching what the next level needs, then other open courses in catalogue
    order. Three queries, whatever the catalogue's size."""
    by_key: dict = {}
    for item in overview["missing"]:
        for course in item["courses"]:
            if course.translation_key in taken_keys:
                continue
            by_key.setdefault(course.translation_key, []).append(item["competency_id"])
    default = Locale.get_default()
    candidates = list(
        CoursePage.objects.live()
        .filter(locale=default)
        .exclude(translation_key__in=taken_keys)
        .order_by("path")
        .only("id", "path", "translation_key", "locale")
    )
    blocked = set(
        CoursePrerequisite.objects.filter(page__in=[c.pk for c in candidates])
        .exclude(prerequisite_id__in=completed_ids)
        .filter(prerequisite__live=True)
        .values_list("page_id", flat=True)
    )
    open_keys = [c.translation_key for c in candidates if c.pk not in blocked]
    # Teaching courses first (in the order the missing competencies came), then the rest.
    ordered = [k for k in by_key if k in open_keys]
    ordered += [k for k in open_keys if k not in by_key]
    ordered = ordered[:limit]
    shown = {
        p.translation_key: p
        for p in CoursePage.objects.live()
        .filter(translation_key__in=ordered)
        .filter(locale__in=[Locale.get_active(), default])
        .select_related("locale")
    }
    active = Locale.get_active()
    pages: dict = {}
    for page in shown.values():
        current = pages.get(page.translation_key)
        if current is None or page.locale_id == active.pk:
            pages[page.translation_key] = page
    competencies = {
        c.pk: c for area in overview["areas"] for c in area.competencies.all()
    }
    return [
        Recommendation(
            course=pages[key],
            teaches=[
                competencies[cid] for cid in by_key.get(key, []) if cid in competencies
            ],
        )
        for key in ordered
        if key in pages
    ]


def my_learning(*, user) -> dict:
    """Everything *My learning* shows, in a fixed number of queries."""
    data = dashboard(user=user)
    overview = level_overview(user=user)
    progress = data["in_progress"] + data["completed"]
    valid = certificates_for_user(user=user).filter(revoked_at__isnull=True)
    certificates = list(valid[: CERTIFICATES_SHOWN + 1])
    recommendations = recommended_courses(
        overview=overview,
        taken_keys={p.course.translation_key for p in progress},
        completed_ids={p.course.pk for p in data["completed"]},
        limit=RECOMMENDED,
    )
    by_code = {c.code: c for area in overview["areas"] for c in area.competencies.all()}
    for row in data["competencies"]:
        competency = by_code.get(row["code"])
        row["proficiency_name"] = (
            _proficiency_name(competency, row["proficiency"]) if competency else ""
        )
    if data["in_progress"]:
        state = "studying"
    elif data["completed"]:
        state = "between"
    else:
        state = "new"
    return {
        **data,
        "state": state,
        "current_level": overview["current_level"],
        "next_level": overview["next_level"],
        "courses_needed": overview["courses_needed"],
        "level_progress": level_progress(overview),
        "certificates": certificates[:CERTIFICATES_SHOWN],
        "more_certificates": len(certificates) > CERTIFICATES_SHOWN,
        "recommendations": recommendations,
    }


@login_required
@require_GET
def my_learning_view(request):
    """*My learning*: level, certificates, courses in progress, what to take next."""
    return TemplateResponse(
        request, "learning/dashboard.html", my_learning(user=request.user)
    )
