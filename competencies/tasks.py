"""Background tasks of the competency layer.

``recompute_levels_task`` is defined in ``competencies.services`` beside the run
it executes; it is importable here too, for jobs queued under this path.
"""

from .services import recompute_levels_task  # noqa: F401 - the task's old import path
