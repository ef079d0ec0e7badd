"""The level rules as pure functions, so they are easy to reason about and test.

A level is met when every required competency is attained at its minimum
proficiency, enough courses are completed, and (when it says so) the level
below is met too. A person's level is the highest-ranked level met. Adding
evidence can only raise attainment, so it never lowers a level; removing
evidence never raises one.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class LevelRule:
    pk: int
    rank: int
    requires_previous: bool
    min_completed_courses: int
    requirements: tuple[tuple[int, int], ...]  # (competency id, minimum proficiency)


def level_met(
    rule: LevelRule, attainment: dict[int, int], completed_courses: int
) -> bool:
    return completed_courses >= rule.min_completed_courses and all(
        attainment.get(competency, 0) >= minimum
        for competency, minimum in rule.requirements
    )


def level_for(
    ladder: list[LevelRule], attainment: dict[int, int], completed_courses: int
) -> LevelRule | None:
    """The highest level met; a level needing the previous one stops the climb where it is not met."""
    reached = None
    previous_met = True
    for rule in sorted(ladder, key=lambda r: r.rank):
        met = level_met(rule, attainment, completed_courses) and (
            previous_met or not rule.requires_previous
        )
        if met:
            reached = rule
        previous_met = met
    return reached


def missing_for(
    rule: LevelRule, attainment: dict[int, int]
) -> list[tuple[int, int, int]]:
    """(competency id, reached, required) for each requirement not yet met."""
    return [
        (competency, attainment.get(competency, 0), minimum)
        for competency, minimum in rule.requirements
        if attainment.get(competency, 0) < minimum
    ]
