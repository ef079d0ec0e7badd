"""Background tasks of the certificates app.

``bulk_issue_task`` is defined in ``certificates.bulk`` beside the run it
executes; it is importable here too, for jobs queued under this path.
"""

from .bulk import bulk_issue_task  # noqa: F401 - the task's old import path
