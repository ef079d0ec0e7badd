"""*My learning*: the volunteer's home after signing in.

It shows what four apps know — courses in progress with their next step
(``courses``), the level and what the next one needs (``competencies``),
certificates (``certificates``) and courses to take next — so it lives in the
integration layer, like the completion screen. Every read goes through the
apps' own selectors; the page costs a fixed number of queries however many
courses a volunteer has taken.

What the page shows of the volunteer is kept, as HTML, in the shared cache
under a stamp of their rows (``lms.pagecache.per_reader``): a view reads the
stamp (one query) and, when nothing of theirs has changed since, nothing else.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.dateformat import format as date_format
from django.utils.html import format_html
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page

from certificates.selectors import certificates_for_user, certificates_stamp
from competencies.selectors import attainment_stamp, level_overview
from courses.models import CourseCompetency, CoursePage, CoursePrerequisite
from courses.progress_selectors import dashboard, progress_stamp
from courses.templatetags.learning_tags import learning_date
from lms.pagecache import page_url, per_generation, per_reader

from .apps import MY_LEARNING

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


@dataclass(frozen=True)
class _Catalogue:
    """What recommending needs of the catalogue, the same for everyone."""

    courses: tuple  # (id, translation key) of live Thai courses, in catalogue order
    prerequisites: dict  # course id -> frozenset of its live prerequisites' ids
    teaching: dict  # competency id -> translation keys of the courses teaching it


def _catalogue() -> _Catalogue:
    """Three queries, kept per process and content generation (a page
    published, a prerequisite or a course's competency saved bumps it)."""
    courses = tuple(
        CoursePage.objects.live()
        .filter(locale=Locale.get_default())
        .order_by("path")
        .values_list("id", "translation_key")
    )
    prerequisites: dict = {}
    for page_id, prerequisite_id in CoursePrerequisite.objects.filter(
        prerequisite__live=True
    ).values_list("page_id", "prerequisite_id"):
        prerequisites.setdefault(page_id, set()).add(prerequisite_id)
    teaching: dict = {}
    for competency_id, key in (
        CourseCompetency.objects.filter(
            page__live=True, page__locale__language_code="th"
        )
        .order_by("page__title")
        .values_list("competency_id", "page__translation_key")
    ):
        teaching.setdefault(competency_id, []).append(key)
    return _Catalogue(
        courses=courses,
        prerequisites={k: frozenset(v) for k, v in prerequisites.items()},
        teaching={k: tuple(v) for k, v in teaching.items()},
    )


def _courses_in_language() -> dict:
    """Every live course in the reader's language (else Thai), by translation
    key: one query, kept per process and content generation. Shared: read only."""
    active, default = Locale.get_active(), Locale.get_default()
    pages: dict = {}
    for page in (
        CoursePage.objects.live()
        .filter(locale__in=[active, default])
        .select_related("locale")
    ):
        current = pages.get(page.translation_key)
        if current is None or page.locale_id == active.pk:
            pages[page.translation_key] = page
    return pages


def recommended_courses(
    *, overview: dict, taken_keys: set, completed_ids: set[int], limit: int
) -> list[Recommendation]:
    """Courses not taken yet that the volunteer can enrol in now: first those
    teaching what the next level needs, then other open courses in catalogue
    order. No query (four once per content generation and language),
    whatever the catalogue's size."""
    catalogue = per_generation("home:catalogue", _catalogue)
    missing = [item["competency_id"] for item in overview["missing"]]
    by_key: dict = {}
    for competency_id in missing:
        for key in catalogue.teaching.get(competency_id, ()):
            if key not in taken_keys:
                by_key.setdefault(key, []).append(competency_id)
    open_keys = [
        key
        for pk, key in catalogue.courses
        if key not in taken_keys
        and not (catalogue.prerequisites.get(pk, frozenset()) - completed_ids)
    ]
    # Teaching courses first (in the order the missing competencies came), then the rest.
    open_set = set(open_keys)
    ordered = [k for k in by_key if k in open_set]
    ordered += [k for k in open_keys if k not in by_key]
    ordered = ordered[:limit]
    pages = per_generation(
        f"home:course-pages:{Locale.get_active().pk}", _courses_in_language
    )
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
    data = dashboard(user=user, pages=False)
    overview = level_overview(user=user, teaching=False)
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


# A course id no real course has: the resume URL is reversed once and the
# real ids put in its place.
_ANY_ID = 987654321

# One card each, made here rather than in the template: a hundred cards
# through the template language cost more than the rest of the page. The
# page's markup is in templates/learning/dashboard_body.html, its CSS in
# dashboard.html.
_PROGRESS_BAR = (
    '<div class="progress" role="progressbar" aria-valuemin="0" '
    'aria-valuemax="100" aria-valuenow="{percent}" aria-label="{label}: {title}">'
    '<span style="width: {percent}%"></span></div>'
)
_DOING_CARD = (
    '\n  <article class="panel progress-card" data-course="{pk}">\n'
    '    <h3 id="course-{pk}"><a href="{url}">{title}</a></h3>\n'
    f"    {_PROGRESS_BAR}\n"
    '    <p class="meta">{steps}</p>\n'
    "    {following}\n"
    "  </article>\n  "
)
_NEXT_STEP = (
    '<p class="next-step">{label} <strong>{title}</strong></p>\n'
    '    <p><a class="btn" href="{resume}" aria-describedby="course-{pk}">'
    "{action} →</a></p>"
)
_DONE_CARD = (
    '\n  <article class="panel progress-card is-complete" data-course="{pk}">\n'
    '    <h3><a href="{url}">{title}</a></h3>\n'
    f"    {_PROGRESS_BAR}\n"
    '    <p class="meta"><span class="badge badge-ok">✓ {completed}</span> '
    '<time datetime="{datetime}">{date}</time></p>\n'
    "  </article>\n  "
)


def course_cards(request, *, in_progress: list, completed: list) -> dict:
    """The course cards as plain values (links, titles, counts in words) and
    their HTML, so a hundred of them cost no URL reversal, page lookup,
    translation or template rendering each: page URLs are kept per process
    (``lms.pagecache.page_url``), the resume link and the sentences are made
    once and filled in."""
    resume = reverse("courses:resume", args=[_ANY_ID])
    steps = _("%(percent)s%% · %(done)s of %(total)s steps")
    go_on, start = _("Continue"), _("Start")
    progress_label, next_label = _("Course progress"), _("Next:")
    doing = []
    for item in in_progress:
        page = item.display_course
        percent, done = item.percent, item.completed
        following = item.next_step and item.display_next
        card = {
            "pk": item.course.pk,
            "url": page_url(request, page),
            "title": page.title,
            "percent": percent,
            "steps": steps % {"percent": percent, "done": done, "total": item.total},
            "next": following.title if following else None,
            "resume": resume.replace(str(_ANY_ID), str(item.course.pk)),
            "action": go_on if done else start,
        }
        card["html"] = format_html(
            _DOING_CARD,
            **card,
            label=progress_label,
            following=format_html(
                _NEXT_STEP,
                label=next_label,
                title=card["next"],
                resume=card["resume"],
                pk=card["pk"],
                action=card["action"],
            )
            if following
            else "",
        )
        doing.append(card)
    completed_label = _("Completed")
    done_cards = []
    for item in completed:
        card = {
            "pk": item.course.pk,
            "url": page_url(request, item.display_course),
            "title": item.display_course.title,
            "datetime": date_format(localtime(item.enrollment.completed_at), "c"),
            "date": learning_date(item.enrollment.completed_at),
        }
        card["html"] = format_html(
            _DONE_CARD,
            **card,
            percent=100,
            label=progress_label,
            completed=completed_label,
        )
        done_cards.append(card)
    return {"doing_cards": doing, "done_cards": done_cards}


# The stamp's SQL, made once per process: Django takes longer to compile its
# nested expressions (~9 ms) than the database to answer them (~0.2 ms).
_stamp_sql: list = []  # [(sql, params, index of the person's id in params)]


def learning_stamp(user) -> tuple:
    """Everything of the person *My learning* shows changes one of these
    values (their enrolments, steps, evidence, level, certificates): one
    query. What every reader shares (courses, levels) moves the content
    generation instead."""
    if not _stamp_sql:
        stamps = {
            f"stamp_{name}": value
            for name, value in (
                *progress_stamp().items(),
                *attainment_stamp().items(),
                *certificates_stamp().items(),
            )
        }
        query = (
            get_user_model()
            .objects.filter(pk=_ANY_ID)
            .annotate(**stamps)
            .values_list(*stamps)
        )
        sql, params = query.query.sql_with_params()
        _stamp_sql[:] = [(sql, params, params.index(_ANY_ID))]
    sql, params, at = _stamp_sql[0]
    params = (*params[:at], user.pk, *params[at + 1 :])
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return tuple(row or ())


@login_required
@require_GET
def my_learning_view(request):
    """*My learning*: level, certificates, courses in progress, what to take next."""
    context = {}

    def build():
        context.update(my_learning(user=request.user))
        context.update(
            course_cards(
                request,
                in_progress=context["in_progress"],
                completed=context["completed"],
            )
        )
        return render_to_string("learning/dashboard_body.html", context, request)

    context["body"] = per_reader(
        MY_LEARNING,
        request.user.pk,
        (request.get_host(), *learning_stamp(request.user)),
        build,
    )
    return TemplateResponse(request, "learning/dashboard.html", context)
