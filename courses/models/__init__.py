"""Course content (pages) and learner records, split by who writes them.

``pages``: what trainers author in Wagtail. ``progress``: enrolments and
per-step completion, written only by the learner's own actions.
"""

from .pages import (  # noqa: F401
    CourseCompetency,
    CourseIndexPage,
    CoursePage,
    CoursePrerequisite,
    LessonPage,
    ModulePage,
)
from .progress import Enrollment, StepCompletion  # noqa: F401
