"""What the level rules need from the course layer, filled in by it at start-up.

Competencies sit below courses and never import them, yet two things depend
on courses: how many courses a person completed (``min_completed_courses``)
and which courses teach a competency (the level overview's suggestions).
``CoursesConfig.ready`` provides both here; without a course layer nobody has
completed a course and nothing is taught.
"""

from collections.abc import Callable, Iterable

# user ids -> {user id: completed courses}; people with none may be left out.
CompletedCourses = Callable[[list[int]], dict[int, int]]
# competency ids -> {competency id: [live course pages in the active language]}.
TeachingCourses = Callable[[Iterable[int]], dict[int, list]]

_completed_courses: CompletedCourses | None = None
_teaching_courses: TeachingCourses | None = None


def provide(
    *, completed_courses: CompletedCourses, teaching_courses: TeachingCourses
) -> None:
    """Called once by the course layer (``CoursesConfig.ready``)."""
    global _completed_courses, _teaching_courses
    _completed_courses = completed_courses
    _teaching_courses = teaching_courses


def completed_courses(user_ids: list[int]) -> dict[int, int]:
    """Completed courses per person (one query), by user id."""
    if _completed_courses is None or not user_ids:
        return {}
    return _completed_courses(user_ids)


def teaching_courses(competency_ids: Iterable[int]) -> dict[int, list]:
    """The live courses that teach each competency, in the active language."""
    if _teaching_courses is None:
        return {}
    return _teaching_courses(competency_ids)
