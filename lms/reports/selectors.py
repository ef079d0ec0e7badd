"""Reads for the reports area: aggregates by region and by month.

Every report is two ``values().annotate()`` queries (by region, by month),
whatever the number of volunteers: the database groups and counts, Python
only names the regions (``geothai`` is in memory). Each report is limited to
the viewer's scope (``lms.accounts.selectors.scoped_provinces``).

The filters, the ``Report`` shape and the grouping helpers are in
``building``; the trainer dashboard's summary is in ``dashboard_selectors``.
"""

from django.db.models import CharField, Count, Q, Value
from django.db.models.functions import Cast, Concat
from django.utils.translation import gettext_lazy as _

from certificates.models import Award, IssuedCertificate
from competencies.models import (
    CompetencyEvidence,
    LevelChange,
    VolunteerLevel,
    VolunteerStatus,
)
from courses.models import Enrollment
from courses.quiz.models import Attempt
from elearning.models import PackageAttempt
from lms.accounts.models import VolunteerProfile

from .building import (
    Report,
    ReportFilters,
    by_month,
    by_region,
    courses_q,
    dates_q,
    fill_months,
    people_q,
    quiz_courses_q,
    rate_of,
    region_level,
    total_of,
)

# --- The reports -----------------------------------------------------------


def report_enrolments(*, filters: ReportFilters, scope) -> Report:
    """Enrolments started in the period, how many are complete, and the rate."""
    qs = Enrollment.objects.filter(
        people_q(filters, scope, "user__"),
        dates_q(filters, "enrolled_at"),
        courses_q(filters, "course_id"),
    )
    rows = by_region(
        qs,
        filters,
        "user__",
        enrolments=Count("pk"),
        completions=Count("pk", filter=Q(completed_at__isnull=False)),
    )
    for row in rows:
        row["rate"] = rate_of(row["completions"], row["enrolments"])
    enrolments, completions = (
        total_of(rows, "enrolments"),
        total_of(rows, "completions"),
    )
    trend = by_month(qs, "enrolled_at", value=Count("pk"))
    return Report(
        key="enrolments",
        title=_("Enrolments and completion rate"),
        group_label=region_level(filters)[1],
        columns=[
            ("enrolments", _("Enrolments")),
            ("completions", _("Completed")),
            ("rate", _("Completion rate (%)")),
        ],
        rows=rows,
        bar_column="enrolments",
        trend=fill_months([(r["month"], r["value"]) for r in trend]),
        trend_label=_("Enrolments per month"),
        totals={
            "enrolments": enrolments,
            "completions": completions,
            "rate": rate_of(completions, enrolments),
        },
    )


def report_completions(*, filters: ReportFilters, scope) -> Report:
    """Courses completed in the period (by completion date)."""
    qs = Enrollment.objects.filter(
        people_q(filters, scope, "user__"),
        dates_q(filters, "completed_at"),
        courses_q(filters, "course_id"),
        completed_at__isnull=False,
    )
    rows = by_region(
        qs,
        filters,
        "user__",
        completions=Count("pk"),
        people=Count("user", distinct=True),
    )
    trend = by_month(qs, "completed_at", value=Count("pk"))
    return Report(
        key="completions",
        title=_("Course completions"),
        group_label=region_level(filters)[1],
        columns=[("completions", _("Completions")), ("people", _("People"))],
        rows=rows,
        bar_column="completions",
        trend=fill_months([(r["month"], r["value"]) for r in trend]),
        trend_label=_("Completions per month"),
        totals={
            "completions": total_of(rows, "completions"),
            "people": total_of(rows, "people"),
        },
    )


def _pass_rate_report(
    qs,
    *,
    filters: ReportFilters,
    date_field: str,
    key: str,
    title,
    people=False,
    note="",
) -> Report:
    """Attempts with a result by region and month, how many passed and the rate;
    ``people`` adds the distinct learners."""
    counts = {
        "attempts": Count("pk"),
        "passed": Count("pk", filter=Q(passed=True)),
    }
    extra = {"people": Count("user", distinct=True)} if people else {}
    rows = by_region(qs, filters, "user__", **counts, **extra)
    for row in rows:
        row["rate"] = rate_of(row["passed"], row["attempts"])
    trend = by_month(qs, date_field, **counts)
    attempts, passed = total_of(rows, "attempts"), total_of(rows, "passed")
    columns = [
        ("attempts", _("Attempts")),
        ("passed", _("Passed")),
        ("rate", _("Pass rate (%)")),
    ]
    totals = {
        "attempts": attempts,
        "passed": passed,
        "rate": rate_of(passed, attempts),
    }
    if people:
        columns.append(("people", _("People")))
        totals["people"] = total_of(rows, "people")
    return Report(
        key=key,
        title=title,
        group_label=region_level(filters)[1],
        columns=columns,
        rows=rows,
        bar_column="rate",
        bar_is_percent=True,
        trend=fill_months(
            [(r["month"], rate_of(r["passed"], r["attempts"]) or 0) for r in trend]
        ),
        trend_label=_("Pass rate per month (%)"),
        totals=totals,
        note=note,
    )


def report_quiz(*, filters: ReportFilters, scope) -> Report:
    """Graded quiz attempts submitted in the period and the share that passed."""
    qs = Attempt.objects.filter(
        people_q(filters, scope, "user__"),
        dates_q(filters, "submitted_at"),
        quiz_courses_q(filters),
        passed__isnull=False,
    )
    return _pass_rate_report(
        qs,
        filters=filters,
        date_field="submitted_at",
        key="quiz",
        title=_("Quiz pass rate"),
    )


def report_packages(*, filters: ReportFilters, scope) -> Report:
    """E-learning package (SCORM, H5P) attempts with a result, last active in
    the period: how many, how many passed, the rate and the learners."""
    qs = PackageAttempt.objects.filter(
        people_q(filters, scope, "user__"),
        dates_q(filters, "updated_at"),
        quiz_courses_q(filters, "page"),
        passed__isnull=False,
    )
    return _pass_rate_report(
        qs,
        filters=filters,
        date_field="updated_at",
        key="packages",
        title=_("E-learning package pass rate"),
        people=True,
        note=_(
            "SCORM and H5P package steps: attempts with a pass or a fail, by "
            "their last activity. A learner may be counted in several months."
        ),
    )


def report_competencies(*, filters: ReportFilters, scope) -> Report:
    """Competencies attained: distinct (person, competency) pairs with valid evidence."""
    qs = CompetencyEvidence.objects.filter(
        people_q(filters, scope, "user__"),
        dates_q(filters, "created_at"),
        courses_q(filters, "course_id"),
        withdrawn_at__isnull=True,
    )
    pair = Concat(
        Cast("user_id", CharField()),
        Value("-"),
        Cast("competency_id", CharField()),
        output_field=CharField(),
    )
    rows = by_region(
        qs,
        filters,
        "user__",
        attained=Count(pair, distinct=True),
        people=Count("user", distinct=True),
    )
    trend = by_month(qs, "created_at", value=Count(pair, distinct=True))
    return Report(
        key="competencies",
        title=_("Competencies attained"),
        group_label=region_level(filters)[1],
        columns=[("attained", _("Competencies attained")), ("people", _("People"))],
        rows=rows,
        bar_column="attained",
        trend=fill_months([(r["month"], r["value"]) for r in trend]),
        trend_label=_("Competencies attained per month"),
        totals={
            "attained": total_of(rows, "attained"),
            "people": total_of(rows, "people"),
        },
    )


def report_levels(*, filters: ReportFilters, scope) -> Report:
    """Volunteers at each rung of the ladder now; promotions per month as the trend."""
    people = people_q(filters, scope, "user__")
    # Volunteers are the people with a volunteer profile in the reader's scope;
    # those without a level yet are a row of their own, so the rows add up.
    volunteers = VolunteerProfile.objects.filter(people).count()
    counts = dict(
        VolunteerStatus.objects.filter(
            people, level__isnull=False, user__profile__isnull=False
        )
        .values_list("level")
        .annotate(n=Count("pk"))
    )
    rows = [
        {"code": level.code, "name": str(level), "volunteers": counts.get(level.pk, 0)}
        for level in VolunteerLevel.objects.order_by("rank")
    ]
    levelled = sum(row["volunteers"] for row in rows)
    rows.insert(
        0,
        {
            "code": "",
            "name": _("No level yet"),
            "volunteers": max(volunteers - levelled, 0),
        },
    )
    for row in rows:
        row["share"] = rate_of(row["volunteers"], volunteers)
    trend = by_month(
        LevelChange.objects.filter(
            people, dates_q(filters, "changed_at"), to_level__isnull=False
        ),
        "changed_at",
        value=Count("pk"),
    )
    return Report(
        key="levels",
        title=_("Volunteers per level"),
        group_label=_("Level"),
        columns=[
            ("volunteers", _("Volunteers")),
            ("share", _("Share of volunteers (%)")),
        ],
        rows=rows,
        bar_column="volunteers",
        trend=fill_months([(r["month"], r["value"]) for r in trend]),
        trend_label=_("Level changes per month"),
        totals={"volunteers": volunteers, "share": 100 if volunteers else None},
        note=_("Levels are today's; course, topic and dates do not apply to them."),
    )


def report_certificates(*, filters: ReportFilters, scope) -> Report:
    """Certificates issued in the period, and how many of them were revoked since."""
    qs = IssuedCertificate.objects.filter(
        people_q(filters, scope, "user__"), dates_q(filters, "issued_at")
    )
    if filters.course_id or filters.topic:
        qs = qs.filter(
            award__in=_awards_for(filters).values("pk"),
        )
    rows = by_region(
        qs,
        filters,
        "user__",
        issued=Count("pk"),
        revoked=Count("pk", filter=Q(revoked_at__isnull=False)),
    )
    trend = by_month(qs, "issued_at", value=Count("pk"))
    return Report(
        key="certificates",
        title=_("Certificates issued"),
        group_label=region_level(filters)[1],
        columns=[("issued", _("Issued")), ("revoked", _("Revoked since"))],
        rows=rows,
        bar_column="issued",
        trend=fill_months([(r["month"], r["value"]) for r in trend]),
        trend_label=_("Certificates per month"),
        totals={
            "issued": total_of(rows, "issued"),
            "revoked": total_of(rows, "revoked"),
        },
    )


def _awards_for(filters: ReportFilters):
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
    "packages": report_packages,
    "competencies": report_competencies,
    "levels": report_levels,
    "certificates": report_certificates,
}

REPORT_TITLES = {
    "enrolments": _("Enrolments"),
    "completions": _("Completions"),
    "quiz": _("Quiz pass rate"),
    "packages": _("E-learning packages"),
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
