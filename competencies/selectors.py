"""Reads of the competency framework."""

import copy

from django.db.models import Count, Max, Prefetch, Sum

from lms.pagecache import per_generation, rows_stamp

from . import registry, rules
from .models import (
    Competency,
    CompetencyArea,
    CompetencyEvidence,
    CompetencyFramework,
    ProficiencyLevel,
    VolunteerLevel,
    VolunteerStatus,
)
from .services import attainment_for, completed_courses_for, ladder


def competency_choices() -> list[Competency]:
    """All competencies with their area, for filters (one query)."""
    return list(
        Competency.objects.select_related("area").order_by(
            "area__sort_order", "sort_order", "code"
        )
    )


def framework_tree(
    *, framework: CompetencyFramework | None = None
) -> list[CompetencyArea]:
    """Areas → competencies → proficiency levels, in three queries.

    Areas come in framework order; ``area.competencies.all()`` and
    ``competency.proficiency_levels.all()`` are prefetched and sorted.
    """
    areas = CompetencyArea.objects.order_by(
        "framework__code", "sort_order", "code"
    ).prefetch_related(
        Prefetch(
            "competencies",
            queryset=Competency.objects.order_by("sort_order", "code").prefetch_related(
                Prefetch(
                    "proficiency_levels",
                    queryset=ProficiencyLevel.objects.order_by("level"),
                )
            ),
        )
    )
    if framework is not None:
        areas = areas.filter(framework=framework)
    return list(areas)


def _own_tree(areas: list[CompetencyArea]) -> list[CompetencyArea]:
    """A copy of a shared framework tree whose areas and competencies a
    request may set attributes on (the proficiency levels stay shared)."""
    own = []
    for area in areas:
        fresh = copy.copy(area)
        competencies = copy.copy(area.competencies.all())
        competencies._result_cache = [copy.copy(c) for c in competencies]
        fresh._prefetched_objects_cache = {
            **area._prefetched_objects_cache,
            "competencies": competencies,
        }
        own.append(fresh)
    return own


def _ladder() -> tuple[list[VolunteerLevel], dict[int, rules.LevelRule]]:
    levels = list(VolunteerLevel.objects.order_by("rank"))
    return levels, {rule.pk: rule for rule in ladder()}


def attainment_stamp() -> dict:
    """Values over a person (a query over users) that change whenever their
    evidence (recorded, re-marked, withdrawn) or level does."""
    return {
        "evidence": rows_stamp(
            CompetencyEvidence.objects.all(),
            Max("pk"),
            Sum("proficiency"),
            Sum("competency_id"),
            Count("withdrawn_at"),
            Max("withdrawn_at"),
        ),
        "level": rows_stamp(
            VolunteerStatus.objects.all(), Max("level_id"), Max("updated_at")
        ),
    }


def level_overview(*, user, teaching: bool = True) -> dict:
    """Current level, the competency map against the next level, and what it still needs.

    A fixed number of queries: ladder, attainment, completed courses, framework
    tree, status, and the courses that teach missing competencies (given by
    the course layer through ``registry``; left out, and each missing item's
    ``courses`` empty, with ``teaching=False`` for a caller that needs only
    which courses they are, not a page for each).
    """
    attainment = attainment_for(user=user)
    completed = completed_courses_for(user=user)
    status = VolunteerStatus.objects.filter(user=user).select_related("level").first()
    current = status.level if status else None
    # The ladder is everyone's: read once per process and content generation
    # (a level or requirement saved bumps it). Shared: read, never changed.
    levels, rules_by_pk = per_generation("competencies:ladder", _ladder)
    following = next(
        (lv for lv in levels if lv.rank > (current.rank if current else 0)), None
    )
    required = dict(rules_by_pk[following.pk].requirements) if following else {}
    missing = (
        rules.missing_for(rules_by_pk[following.pk], attainment) if following else []
    )
    teaching = (
        registry.teaching_courses([m[0] for m in missing])
        if missing and teaching
        else {}
    )
    # The framework is everyone's too (saving an area, competency or level
    # bumps the generation); each request marks up its own copy.
    areas = _own_tree(per_generation("competencies:tree", framework_tree))
    for area in areas:
        for competency in area.competencies.all():
            competency.reached = attainment.get(competency.pk, 0)
            competency.required = required.get(competency.pk, 0)
            competency.max_level = max(
                [lv.level for lv in competency.proficiency_levels.all()] or [0]
            )
    return {
        "current_level": current,
        "next_level": following,
        "levels": levels,
        "areas": areas,
        "missing": [
            {
                "competency_id": cid,
                "reached": reached,
                "required": req,
                "courses": teaching.get(cid, []),
            }
            for cid, reached, req in missing
        ],
        "courses_needed": max(0, following.min_completed_courses - completed)
        if following
        else 0,
        "completed_courses": completed,
    }


def evidence_for_user(*, user):
    """A person's evidence, newest first, withdrawn included (one query a page)."""
    return (
        CompetencyEvidence.objects.filter(user=user)
        .select_related("competency")
        .order_by("-created_at", "-pk")
    )
