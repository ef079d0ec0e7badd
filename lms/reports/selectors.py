"""Reads for the reports area: aggregates by region and by month.

Every report is two ``values().annotate()`` queries (by region, by month),
whatever the number of volunteers: the database groups and counts, Python
only names the regions (``geothai`` is in memory). Each report is limited to
the viewer's scope (``lms.accounts.selectors.scoped_provinces``).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Avg, CharField, Count, Max, Min, Q, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from certificates.models import IssuedCertificate
from competencies.models import (
    CompetencyEvidence,
    LevelChange,
    VolunteerLevel,
    VolunteerStatus,
)
from courses.models import CoursePage, Enrollment
from courses.quiz.models import Attempt
from lms.accounts import regions
from lms.accounts.selectors import scope_filter


@dataclass(frozen=True)
class ReportFilters:
    """What a reader chose; empty values mean "all"."""

    province: str = ""
    district: str = ""
    subdistrict: str = ""
    topic: str = ""
    course_id: int | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None


@dataclass
class Report:
    """A report ready to show as charts and a table, or to export."""

    key: str
    title: str
    group_label: str
    columns: list[tuple[str, str]]  # (key, label); the first is the group name
    rows: list[dict] = field(default_factory=list)
    bar_column: str = ""
    bar_is_percent: bool = False
    trend: list[tuple[datetime.date, float]] = field(default_factory=list)
    trend_label: str = ""
    totals: dict = field(default_factory=dict)
    note: str = ""

    @property
    def table(self) -> list[tuple[str, list]]:
        return [
            (row["name"], [row[key] for key, _ in self.columns]) for row in self.rows
        ]

    @property
    def total_cells(self) -> list:
        return [self.totals.get(key) for key, _ in self.columns]

    @property
    def bars(self) -> list[tuple[str, float]]:
        return [(row["name"], row[self.bar_column] or 0) for row in self.rows]


# --- Filtering -----------------------------------------------------------


def _region_level(filters: ReportFilters) -> tuple[str, str, Callable[[str], str]]:
    """Which profile field to group by: one level below the chosen region."""
    if filters.district:
        return "subdistrict_code", _("Sub-district"), regions.subdistrict_name
    if filters.province:
        return "district_code", _("District"), regions.district_name
    return "province_code", _("Province"), regions.province_name


def _people_q(filters: ReportFilters, scope, prefix: str) -> Q:
    q = scope_filter(scope, prefix=prefix)
    for name in ("province", "district", "subdistrict"):
        value = getattr(filters, name)
        if value:
            q &= Q(**{f"{prefix}profile__{name}_code": value})
    return q


def _dates_q(filters: ReportFilters, date_field: str) -> Q:
    """Whole local days, as datetime bounds: a plain range can use an index,
    where ``__date`` would convert every row's timestamp first."""
    q = Q()
    if filters.date_from:
        q &= Q(**{f"{date_field}__gte": _start_of(filters.date_from)})
    if filters.date_to:
        q &= Q(
            **{
                f"{date_field}__lt": _start_of(
                    filters.date_to + datetime.timedelta(days=1)
                )
            }
        )
    return q


def _start_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _courses_q(filters: ReportFilters, course_field: str) -> Q:
    q = Q()
    if filters.course_id:
        q &= Q(**{course_field: filters.course_id})
    if filters.topic:
        q &= Q(**{f"{course_field.removesuffix('_id')}__topic": filters.topic})
    return q


def _quiz_courses_q(filters: ReportFilters) -> Q:
    """Quizzes sit below their course in the page tree: match by path prefix."""
    if not (filters.course_id or filters.topic):
        return Q()
    courses = CoursePage.objects.all()
    if filters.course_id:
        courses = courses.filter(pk=filters.course_id)
    if filters.topic:
        courses = courses.filter(topic=filters.topic)
    q = Q(pk__in=[])
    for path in courses.values_list("path", flat=True):
        q |= Q(quiz__path__startswith=path)
    return q


# --- Grouping ------------------------------------------------------------


def _by_region(queryset, filters, prefix, **aggregates) -> list[dict]:
    level, _label, namer = _region_level(filters)
    key = f"{prefix}profile__{level}"
    rows = []
    for row in queryset.values(key).annotate(**aggregates).order_by(key):
        code = row.pop(key) or ""
        row["code"] = code
        row["name"] = namer(code) if code else str(_("(no region)"))
        rows.append(row)
    rows.sort(key=lambda r: regions.thai_sort_key(r["name"]))
    return rows


def _by_month(queryset, date_field, **aggregates) -> list[dict]:
    """Each aggregate per local calendar month, counted by the database.

    One query finds the first and last date, a second counts every month at
    once with ``FILTER`` clauses on plain datetime ranges. (``TruncMonth``
    would call a Python function for every row on SQLite: ten times slower
    over a hundred thousand rows.) Months without rows come back as zero.
    """
    bounds = queryset.aggregate(first=Min(date_field), last=Max(date_field))
    if bounds["first"] is None:
        return []
    month = timezone.localtime(bounds["first"]).date().replace(day=1)
    last = timezone.localtime(bounds["last"]).date().replace(day=1)
    months = []
    while month <= last:
        months.append(month)
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    columns = {}
    for i, start in enumerate(months):
        end = (start + datetime.timedelta(days=32)).replace(day=1)
        in_month = Q(
            **{
                f"{date_field}__gte": _start_of(start),
                f"{date_field}__lt": _start_of(end),
            }
        )
        for name, aggregate in aggregates.items():
            expression = aggregate.get_source_expressions()[0]
            condition = in_month & aggregate.filter if aggregate.filter else in_month
            columns[f"m{i}_{name}"] = Count(
                expression, filter=condition, distinct=aggregate.distinct
            )
    counts = queryset.aggregate(**columns)
    return [
        {"month": start, **{name: counts[f"m{i}_{name}"] for name in aggregates}}
        for i, start in enumerate(months)
    ]


def _fill_months(points: list[tuple]) -> list[tuple]:
    """Months without data get a zero, so the trend's spacing is true to time."""
    if not points:
        return []
    values = {_month(d): v for d, v in points}
    first, last = min(values), max(values)
    out, month = [], first
    while month <= last:
        out.append((month, values.get(month, 0)))
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return out


def _month(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        value = value.date()
    return value.replace(day=1)


def _rate(part, whole) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _total(rows, key) -> int:
    return sum(row[key] or 0 for row in rows)


# --- The reports -----------------------------------------------------------


def report_enrolments(*, filters: ReportFilters, scope) -> Report:
    """Enrolments started in the period, how many are complete, and the rate."""
    qs = Enrollment.objects.filter(
        _people_q(filters, scope, "user__"),
        _dates_q(filters, "enrolled_at"),
        _courses_q(filters, "course_id"),
    )
    rows = _by_region(
        qs,
        filters,
        "user__",
        enrolments=Count("pk"),
        completions=Count("pk", filter=Q(completed_at__isnull=False)),
    )
    for row in rows:
        row["rate"] = _rate(row["completions"], row["enrolments"])
    enrolments, completions = _total(rows, "enrolments"), _total(rows, "completions")
    trend = _by_month(qs, "enrolled_at", value=Count("pk"))
    return Report(
        key="enrolments",
        title=_("Enrolments and completion rate"),
        group_label=_region_level(filters)[1],
        columns=[
            ("enrolments", _("Enrolments")),
            ("completions", _("Completed")),
            ("rate", _("Completion rate (%)")),
        ],
        rows=rows,
        bar_column="enrolments",
        trend=_fill_months([(r["month"], r["value"]) for r in trend]),
        trend_label=_("Enrolments per month"),
        totals={
            "enrolments": enrolments,
            "completions": completions,
            "rate": _rate(completions, enrolments),
        },
    )


def report_completions(*, filters: ReportFilters, scope) -> Report:
    """Courses completed in the period (by completion date)."""
    qs = Enrollment.objects.filter(
        _people_q(filters, scope, "user__"),
        _dates_q(filters, "completed_at"),
        _courses_q(filters, "course_id"),
        completed_at__isnull=False,
    )
    rows = _by_region(
        qs,
        filters,
        "user__",
        completions=Count("pk"),
        people=Count("user", distinct=True),
    )
    trend = _by_month(qs, "completed_at", value=Count("pk"))
    return Report(
        key="completions",
        title=_("Course completions"),
        group_label=_region_level(filters)[1],
        columns=[("completions", _("Completions")), ("people", _("People"))],
        rows=rows,
        bar_column="completions",
        trend=_fill_months([(r["month"], r["value"]) for r in trend]),
        trend_label=_("Completions per month"),
        totals={
            "completions": _total(rows, "completions"),
            "people": _total(rows, "people"),
        },
    )


def report_quiz(*, filters: ReportFilters, scope) -> Report:
    """Graded quiz attempts submitted in the period and the share that passed."""
    qs = Attempt.objects.filter(
        _people_q(filters, scope, "user__"),
        _dates_q(filters, "submitted_at"),
        _quiz_courses_q(filters),
        passed__isnull=False,
    )
    rows = _by_region(
        qs,
        filters,
        "user__",
        attempts=Count("pk"),
        passed=Count("pk", filter=Q(passed=True)),
    )
    for row in rows:
        row["rate"] = _rate(row["passed"], row["attempts"])
    trend = _by_month(
        qs,
        "submitted_at",
        attempts=Count("pk"),
        passed=Count("pk", filter=Q(passed=True)),
    )
    attempts, passed = _total(rows, "attempts"), _total(rows, "passed")
    return Report(
        key="quiz",
        title=_("Quiz pass rate"),
        group_label=_region_level(filters)[1],
        columns=[
            ("attempts", _("Attempts")),
            ("passed", _("Passed")),
            ("rate", _("Pass rate (%)")),
        ],
        rows=rows,
        bar_column="rate",
        bar_is_percent=True,
        trend=_fill_months(
            [(r["month"], _rate(r["passed"], r["attempts"]) or 0) for r in trend]
        ),
        trend_label=_("Pass rate per month (%)"),
        totals={
            "attempts": attempts,
            "passed": passed,
            "rate": _rate(passed, attempts),
        },
    )


def report_competencies(*, filters: ReportFilters, scope) -> Report:
    """Competencies attained: distinct (person, competency) pairs with valid evidence."""
    qs = CompetencyEvidence.objects.filter(
        _people_q(filters, scope, "user__"),
        _dates_q(filters, "created_at"),
        _courses_q(filters, "course_id"),
        withdrawn_at__isnull=True,
    )
    pair = Concat(
        Cast("user_id", CharField()),
        Value("-"),
        Cast("competency_id", CharField()),
        output_field=CharField(),
    )
    rows = _by_region(
        qs,
        filters,
        "user__",
        attained=Count(pair, distinct=True),
        people=Count("user", distinct=True),
    )
    trend = _by_month(qs, "created_at", value=Count(pair, distinct=True))
    return Report(
        key="competencies",
        title=_("Competencies attained"),
        group_label=_region_level(filters)[1],
        columns=[("attained", _("Competencies attained")), ("people", _("People"))],
        rows=rows,
        bar_column="attained",
        trend=_fill_months([(r["month"], r["value"]) for r in trend]),
        trend_label=_("Competencies attained per month"),
        totals={"attained": _total(rows, "attained"), "people": _total(rows, "people")},
    )


def report_levels(*, filters: ReportFilters, scope) -> Report:
    """Volunteers at each rung of the ladder now; promotions per month as the trend."""
    people = _people_q(filters, scope, "user__")
    counts = dict(
        VolunteerStatus.objects.filter(people, level__isnull=False)
        .values_list("level")
        .annotate(n=Count("pk"))
    )
    rows = [
        {"code": level.code, "name": str(level), "volunteers": counts.get(level.pk, 0)}
        for level in VolunteerLevel.objects.order_by("rank")
    ]
    trend = _by_month(
        LevelChange.objects.filter(
            people, _dates_q(filters, "changed_at"), to_level__isnull=False
        ),
        "changed_at",
        value=Count("pk"),
    )
    return Report(
        key="levels",
        title=_("Volunteers per level"),
        group_label=_("Level"),
        columns=[("volunteers", _("Volunteers"))],
        rows=rows,
        bar_column="volunteers",
        trend=_fill_months([(r["month"], r["value"]) for r in trend]),
        trend_label=_("Level changes per month"),
        totals={"volunteers": _total(rows, "volunteers")},
        note=_("Levels are today's; course, topic and dates do not apply to them."),
    )


def report_certificates(*, filters: ReportFilters, scope) -> Report:
    """Certificates issued in the period, and how many of them were revoked since."""
    qs = IssuedCertificate.objects.filter(
        _people_q(filters, scope, "user__"), _dates_q(filters, "issued_at")
    )
    if filters.course_id or filters.topic:
        qs = qs.filter(
            award__in=_awards_for(filters).values("pk"),
        )
    rows = _by_region(
        qs,
        filters,
        "user__",
        issued=Count("pk"),
        revoked=Count("pk", filter=Q(revoked_at__isnull=False)),
    )
    trend = _by_month(qs, "issued_at", value=Count("pk"))
    return Report(
        key="certificates",
        title=_("Certificates issued"),
        group_label=_region_level(filters)[1],
        columns=[("issued", _("Issued")), ("revoked", _("Revoked since"))],
        rows=rows,
        bar_column="issued",
        trend=_fill_months([(r["month"], r["value"]) for r in trend]),
        trend_label=_("Certificates per month"),
        totals={"issued": _total(rows, "issued"), "revoked": _total(rows, "revoked")},
    )


def _awards_for(filters: ReportFilters):
    from certificates.models import Award

    awards = Award.objects.all()
    if filters.course_id:
        awards = awards.filter(courses__course_id=filters.course_id)
    if filters.topic:
        awards = awards.filter(courses__course__topic=filters.topic)
    return awards


REPORTS = {
    "enrolments": report_enrolments,
    "completions": report_completions,
    "quiz": report_quiz,
    "competencies": report_competencies,
    "levels": report_levels,
    "certificates": report_certificates,
}

REPORT_TITLES = {
    "enrolments": _("Enrolments"),
    "completions": _("Completions"),
    "quiz": _("Quiz pass rate"),
    "competencies": _("Competencies"),
    "levels": _("Levels"),
    "certificates": _("Certificates"),
}


def report_build(*, key: str, filters: ReportFilters, scope) -> Report:
    """The report named ``key`` for a reader whose scope is ``scope``.

    A filter outside the reader's scope gives an empty report rather than an
    error, so a shared link does not reveal other provinces' figures.
    """
    if scope is not None and filters.province and filters.province not in scope:
        scope = set()
    return REPORTS[key](filters=filters, scope=scope)


# --- The trainer dashboard ---------------------------------------------------


@dataclass
class DashboardSummary:
    courses: int
    learners: int
    recent_completions: list
    low_success_questions: list
    marking_queue: int


LOW_SUCCESS_BELOW = 0.5  # average credit under 50 %
LOW_SUCCESS_MIN_ANSWERS = 3  # ignore questions too few people answered


def dashboard_summary(*, user, scope) -> DashboardSummary:
    """What a trainer's admin home shows: their courses' learners and problems.

    "Their courses" are the courses the trainer owns (created); an
    administrator sees every course. Learners are limited to ``scope``.
    Six queries, whatever the number of learners.
    """
    from courses.quiz.models import Answer
    from lms.accounts.roles import ADMINISTRATOR, role_of

    courses = CoursePage.objects.all()
    if role_of(user) != ADMINISTRATOR:
        courses = courses.filter(owner=user)
    course_ids = list(courses.values_list("pk", flat=True))
    people = scope_filter(scope, prefix="user__")
    enrolments = Enrollment.objects.filter(people, course_id__in=course_ids)
    answers = Answer.objects.filter(
        scope_filter(scope, prefix="attempt__user__"),
        question__course_id__in=course_ids,
    )
    low = (
        answers.filter(credit__isnull=False)
        .values("question_id", "question__text_th")
        .annotate(n=Count("pk"), success=Avg("credit"))
        .filter(n__gte=LOW_SUCCESS_MIN_ANSWERS, success__lt=LOW_SUCCESS_BELOW)
        .order_by("success", "question_id")[:5]
    )
    return DashboardSummary(
        courses=len(course_ids),
        learners=enrolments.values("user_id").distinct().count(),
        recent_completions=list(
            enrolments.filter(completed_at__isnull=False)
            .select_related("user", "course")
            .order_by("-completed_at")[:5]
        ),
        low_success_questions=[
            {
                "id": row["question_id"],
                "text": row["question__text_th"],
                "answers": row["n"],
                "success": round(100 * row["success"]),
            }
            for row in low
        ],
        marking_queue=answers.filter(needs_marking=True).count(),
    )
