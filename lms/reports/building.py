"""What every report is built from: the reader's filters, the report itself,
and the filtering and grouping helpers (by region, by month).

Each report in ``lms.reports.selectors`` combines these into two
``values().annotate()`` queries.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Count, Max, Min, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.models import CoursePage
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


def region_level(filters: ReportFilters) -> tuple[str, str, Callable[[str], str]]:
    """Which profile field to group by: one level below the chosen region."""
    if filters.district:
        return "subdistrict_code", _("Sub-district"), regions.subdistrict_name
    if filters.province:
        return "district_code", _("District"), regions.district_name
    return "province_code", _("Province"), regions.province_name


def people_q(filters: ReportFilters, scope, prefix: str) -> Q:
    q = scope_filter(scope, prefix=prefix)
    for name in ("province", "district", "subdistrict"):
        value = getattr(filters, name)
        if value:
            q &= Q(**{f"{prefix}profile__{name}_code": value})
    return q


def dates_q(filters: ReportFilters, date_field: str) -> Q:
    """Whole local days, as datetime bounds: a plain range can use an index,
    where ``__date`` would convert every row's timestamp first."""
    q = Q()
    if filters.date_from:
        q &= Q(**{f"{date_field}__gte": start_of(filters.date_from)})
    if filters.date_to:
        q &= Q(
            **{
                f"{date_field}__lt": start_of(
                    filters.date_to + datetime.timedelta(days=1)
                )
            }
        )
    return q


def start_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def courses_q(filters: ReportFilters, course_field: str) -> Q:
    q = Q()
    if filters.course_id:
        q &= Q(**{course_field: filters.course_id})
    if filters.topic:
        q &= Q(**{f"{course_field.removesuffix('_id')}__topic": filters.topic})
    return q


def quiz_courses_q(filters: ReportFilters, page_field: str = "quiz") -> Q:
    """Quizzes (and package steps, ``page_field="page"``) sit below their
    course in the page tree: match by path prefix."""
    if not (filters.course_id or filters.topic):
        return Q()
    courses = CoursePage.objects.all()
    if filters.course_id:
        courses = courses.filter(pk=filters.course_id)
    if filters.topic:
        courses = courses.filter(topic=filters.topic)
    q = Q(pk__in=[])
    for path in courses.values_list("path", flat=True):
        q |= Q(**{f"{page_field}__path__startswith": path})
    return q


# --- Grouping ------------------------------------------------------------


def by_region(queryset, filters, prefix, **aggregates) -> list[dict]:
    level, _label, namer = region_level(filters)
    key = f"{prefix}profile__{level}"
    rows = []
    for row in queryset.values(key).annotate(**aggregates).order_by(key):
        code = row.pop(key) or ""
        row["code"] = code
        row["name"] = namer(code) if code else str(_("(no region)"))
        rows.append(row)
    rows.sort(key=lambda r: regions.thai_sort_key(r["name"]))
    return rows


def by_month(queryset, date_field, **aggregates) -> list[dict]:
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
                f"{date_field}__gte": start_of(start),
                f"{date_field}__lt": start_of(end),
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


def fill_months(points: list[tuple]) -> list[tuple]:
    """Months without data get a zero, so the trend's spacing is true to time."""
    if not points:
        return []
    values = {month_of(d): v for d, v in points}
    first, last = min(values), max(values)
    out, month = [], first
    while month <= last:
        out.append((month, values.get(month, 0)))
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return out


def month_of(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        value = value.date()
    return value.replace(day=1)


def rate_of(part, whole) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def total_of(rows, key) -> int:
    return sum(row[key] or 0 for row in rows)
