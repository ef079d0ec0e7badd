"""Writes for e-learning packages: upload, attempts, runtime commits, xAPI.

The rule that makes results count (also in the README): a package step is
complete when the package reports completion and, if there is a pass mark
(the trainer's, else the package's mastery score), a pass. A failed attempt
never completes the step; a later passed attempt does. Completing it goes
through ``courses.services.step_complete`` (locks, course completion and its
signals), and a pass records evidence for the competencies the trainer
mapped, once per person and step.

Every write is idempotent: commits carry a sequence number and the attempt
row is locked, so a replay, a double send or two tabs apply each state once.
"""

import logging
import re
import uuid

from django.core import signing
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from competencies.models import EvidenceSource
from competencies.services import evidence_record
from courses.models import Enrollment
from courses.progress_selectors import course_of, step_is_locked
from courses.services import EnrollmentError, canonical_page, step_complete

from . import archive
from .models import Package, PackageAttempt, PackageKind, PackagePage, XapiStatement

logger = logging.getLogger(__name__)

RUN_SALT = "elearning.run"
RUN_MAX_AGE = 12 * 60 * 60
MAX_SUSPEND = 64 * 1024
MAX_CMI_BYTES = 256 * 1024


class PackageRunError(Exception):
    """The learner may not do this; the message says why. ``code`` is stable."""

    def __init__(self, message: str = "", code: str = "package_refused"):
        super().__init__(message)
        self.code = code


@transaction.atomic
def package_create(*, upload, user=None) -> Package:
    """Check an uploaded archive, unpack it and record it (or raise PackageError,
    with nothing written)."""
    info = archive.inspect(upload)
    package = Package(
        kind=info.kind,
        version_label=info.version_label,
        title=info.title,
        launch=info.launch,
        mastery_score=info.mastery_score,
        file_count=info.file_count,
        total_size=info.total_size,
        original_name=str(getattr(upload, "name", ""))[:255],
        uploaded_by=user if user is not None and user.is_authenticated else None,
    )
    archive.extract(upload, package.directory)
    package.save()
    return package


# --- Run tokens: what the sandboxed frame presents instead of cookies -------------


def run_token(*, package: Package, attempt: PackageAttempt | None) -> str:
    """A signed, expiring token naming the package (and the attempt whose state
    the frame starts from). The sandboxed frame has no cookies; the token
    only lets it read the package's files and that starting state."""
    return signing.dumps(
        {"p": str(package.public_id), "a": str(attempt.public_id) if attempt else None},
        salt=RUN_SALT,
        compress=True,
    )


OFFLINE_PREFIX = "offline."
OFFLINE_SALT = "elearning.run.offline"


def offline_token(*, package: Package) -> str:
    """The same token every time for a package, naming it alone (no attempt,
    no expiry): a saved course keeps its package's files under stable URLs,
    so they open without a connection. It reads only the package's files,
    which never change (a new upload is a new package); nothing played from
    it is saved."""
    signed = signing.Signer(salt=OFFLINE_SALT).sign(str(package.public_id))
    return OFFLINE_PREFIX + signed


def run_token_read(token: str) -> dict:
    """The token's claims (``p`` package, ``a`` attempt or None, ``offline``),
    or BadSignature."""
    if token.startswith(OFFLINE_PREFIX):
        public_id = signing.Signer(salt=OFFLINE_SALT).unsign(
            token.removeprefix(OFFLINE_PREFIX)
        )
        return {"p": public_id, "a": None, "offline": True}
    return signing.loads(token, salt=RUN_SALT, max_age=RUN_MAX_AGE)


# --- Attempts -----------------------------------------------------------------


def _check_learner(*, user, page: PackagePage):
    course = course_of(page=page)
    if course is None:
        raise PackageRunError(
            _("This page is not part of a course."), code="not_in_course"
        )
    if not Enrollment.objects.filter(user=user, course=course).exists():
        raise PackageRunError(_("Enrol in the course first."), code="not_enrolled")
    if step_is_locked(user=user, page=page, course=course):
        raise PackageRunError(
            _("Finish the earlier modules first: this step is still locked."),
            code="step_locked",
        )


@transaction.atomic
def attempt_open(*, user, page: PackagePage) -> PackageAttempt:
    """The learner's open attempt at this step (resumed from where they left
    it, on any device), or a new one after a finished attempt or when the
    trainer replaced the package."""
    page = canonical_page(page)
    live = (
        PackagePage.objects.filter(pk=page.pk).select_related("package").first() or page
    )
    package = live.package
    if package is None:
        raise PackageRunError(_("This step has no package yet."), code="no_package")
    _check_learner(user=user, page=live)
    attempts = list(
        PackageAttempt.objects.select_for_update()
        .filter(user=user, page=live)
        .order_by("number")
    )
    current = next((a for a in attempts if not a.closed), None)
    if current is not None:
        if current.package_id == package.pk:
            return current
        # The trainer replaced the package: its saved state belongs to the old one.
        current.closed = True
        current.save(update_fields=["closed", "updated_at"])
    try:
        with transaction.atomic():
            return PackageAttempt.objects.create(
                user=user,
                page=live,
                package=package,
                number=(attempts[-1].number + 1) if attempts else 1,
            )
    except IntegrityError:
        return PackageAttempt.objects.get(user=user, page=live, closed=False)


def _hms(seconds: int) -> str:
    hours, rest = divmod(max(0, int(seconds)), 3600)
    return f"{min(hours, 9999):04d}:{rest // 60:02d}:{rest % 60:02d}"


def start_cmi(
    *, package: Package, attempt: PackageAttempt | None, pass_mark: float | None
) -> dict:
    """The data model a runtime starts from: the learner's saved state of this
    attempt (what is needed to resume: status, score, location, suspend
    data, time so far) and what the LMS tells the package (learner, mode,
    mastery score). Only known elements are copied back, never the whole
    stored tree, so nothing the package wrote can set a read-only element."""
    if package.kind == PackageKind.H5P:
        return {}
    user = attempt.user if attempt else None
    learner_id = str(user.pk) if user else "preview"
    learner_name = (
        (f"{user.last_name}, {user.first_name}".strip(", ") or user.get_username())
        if user
        else "Preview"
    )
    saved = attempt.cmi if attempt and isinstance(attempt.cmi, dict) else {}
    resume = bool(attempt and (attempt.suspend_data or attempt.location))
    if package.kind == PackageKind.SCORM_12:
        core = saved.get("core") if isinstance(saved.get("core"), dict) else {}
        score = core.get("score") if isinstance(core.get("score"), dict) else {}
        cmi = {
            "core": {
                "student_id": learner_id,
                "student_name": learner_name[:255],
                "entry": "resume" if resume else "ab-initio",
                "credit": "credit" if attempt else "no-credit",
                "lesson_mode": "normal" if attempt else "browse",
                "lesson_location": attempt.location if attempt else "",
                "lesson_status": str(core.get("lesson_status") or "not attempted"),
                "total_time": _hms(attempt.total_seconds if attempt else 0),
                "score": {
                    k: str(score[k])
                    for k in ("raw", "min", "max")
                    if score.get(k) not in (None, "")
                },
            },
            "suspend_data": attempt.suspend_data if attempt else "",
            "student_data": {
                "mastery_score": "" if pass_mark is None else str(round(pass_mark))
            },
        }
        if not cmi["core"]["score"]:
            del cmi["core"]["score"]
        return cmi
    score = saved.get("score") if isinstance(saved.get("score"), dict) else {}
    cmi = {
        "learner_id": learner_id,
        "learner_name": learner_name[:250],
        "entry": "resume" if resume else "ab-initio",
        "credit": "credit" if attempt else "no-credit",
        "mode": "normal" if attempt else "browse",
        "location": attempt.location if attempt else "",
        "suspend_data": attempt.suspend_data if attempt else "",
        "completion_status": str(saved.get("completion_status") or "unknown"),
        "success_status": str(saved.get("success_status") or "unknown"),
        "total_time": f"PT{attempt.total_seconds if attempt else 0}S",
        "score": {
            k: str(score[k])
            for k in ("scaled", "raw", "min", "max")
            if score.get(k) not in (None, "")
        },
    }
    if pass_mark is not None:
        cmi["scaled_passing_score"] = str(round(pass_mark / 100, 4))
    if not cmi["score"]:
        del cmi["score"]
    return cmi


def _number(value) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if number == number and abs(number) != float("inf") else None


def _percent(*, raw, low, high, scaled=None) -> float | None:
    scaled = _number(scaled)
    if scaled is not None:
        return max(0.0, min(100.0, scaled * 100))
    raw = _number(raw)
    if raw is None:
        return None
    low = _number(low) or 0.0
    high = _number(high)
    if high is not None and high > low:
        return max(0.0, min(100.0, (raw - low) / (high - low) * 100))
    return max(0.0, min(100.0, raw))


_DURATION_12 = re.compile(r"^(\d{1,4}):(\d{1,2}):(\d{1,2})(?:\.\d{1,2})?$")
_DURATION_2004 = re.compile(
    r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$"
)


def duration_seconds(value: str) -> int:
    """Seconds in a SCORM 1.2 (``HHHH:MM:SS``) or 2004 (ISO 8601) duration; 0 when unreadable."""
    value = (value or "").strip()
    match = _DURATION_12.match(value)
    if match:
        hours, minutes, seconds = (int(g) for g in match.groups())
        return hours * 3600 + minutes * 60 + seconds
    match = _DURATION_2004.match(value)
    if match and value not in ("P", "PT"):
        y, mo, d, h, mi, s = (float(g) if g else 0.0 for g in match.groups())
        return int(((y * 365 + mo * 30 + d) * 24 + h) * 3600 + mi * 60 + s)
    return 0


def _get(tree: dict, *path, default=""):
    node = tree
    for key in path:
        if not isinstance(node, dict):
            return default
        node = node.get(key)
    return default if node is None or isinstance(node, dict | list) else str(node)


def read_cmi(*, kind: str, cmi: dict) -> dict:
    """The fields we keep in columns, read from a SCORM runtime's data model."""
    if kind == PackageKind.SCORM_12:
        status = _get(cmi, "core", "lesson_status")
        return {
            "completion_status": "completed"
            if status in ("completed", "passed", "failed")
            else status,
            "success_status": status if status in ("passed", "failed") else "",
            "score": _percent(
                raw=_get(cmi, "core", "score", "raw"),
                low=_get(cmi, "core", "score", "min"),
                high=_get(cmi, "core", "score", "max"),
            ),
            "location": _get(cmi, "core", "lesson_location")[:1000],
            "suspend_data": _get(cmi, "suspend_data")[:MAX_SUSPEND],
            "session_time": _get(cmi, "core", "session_time")[:64],
            "exit": _get(cmi, "core", "exit"),
        }
    return {
        "completion_status": _get(cmi, "completion_status"),
        "success_status": _get(cmi, "success_status"),
        "score": _percent(
            raw=_get(cmi, "score", "raw"),
            low=_get(cmi, "score", "min"),
            high=_get(cmi, "score", "max"),
            scaled=_get(cmi, "score", "scaled") or None,
        ),
        "location": _get(cmi, "location")[:1000],
        "suspend_data": _get(cmi, "suspend_data")[:MAX_SUSPEND],
        "session_time": _get(cmi, "session_time")[:64],
        "exit": _get(cmi, "exit"),
    }


def judge(
    *, completed: bool, success: str, score: float | None, pass_mark: float | None
) -> tuple[bool | None, bool]:
    """(passed, step done) under the rule in this module's docstring.

    With a pass mark and a score, the score decides (as SCORM says the LMS
    should); with a pass mark and no score, the package's own verdict; with
    no pass mark, completion is enough unless the package reports a fail.
    """
    if pass_mark is not None and score is not None:
        passed: bool | None = score >= pass_mark
    elif success in ("passed", "failed"):
        passed = success == "passed"
    else:
        passed = None
    if pass_mark is not None:
        return passed, completed and passed is True
    return passed, completed and passed is not False


def _apply_result(attempt: PackageAttempt, page: PackagePage) -> None:
    """Complete the step and record evidence for a passed attempt (inside the
    caller's transaction, so evidence and levels commit with the result)."""
    passed, done = judge(
        completed=attempt.completed,
        success=attempt.success_status,
        score=attempt.score,
        pass_mark=page.effective_pass_mark(),
    )
    attempt.passed = passed
    if not done:
        return
    try:
        with transaction.atomic():
            step_complete(user=attempt.user, page=page)
    except EnrollmentError as err:
        logger.warning("package %s done without a step completion: %s", page.pk, err)
    if passed:
        course = course_of(page=page)
        for link in page.competency_links.select_related("competency"):
            evidence_record(
                user=attempt.user,
                competency=link.competency,
                proficiency=link.proficiency,
                source=EvidenceSource.PACKAGE,
                course=course,
                source_ref=f"elearning.page:{page.pk}",
            )


def _locked_attempt(*, user, public_id) -> PackageAttempt:
    try:
        key = uuid.UUID(str(public_id))
    except ValueError:
        raise PackageAttempt.DoesNotExist from None
    attempt = (
        PackageAttempt.objects.select_for_update()
        .select_related("package", "user")
        .filter(public_id=key, user=user)
        .first()
    )
    if attempt is None:
        raise PackageAttempt.DoesNotExist
    return attempt


@transaction.atomic
def attempt_commit(
    *, user, public_id, seq: int, cmi: dict, terminated: bool = False
) -> PackageAttempt:
    """Store what a SCORM runtime committed (idempotent by ``seq``).

    A finished attempt accepts nothing more; a commit whose ``seq`` is not
    above the last one applied is a replay and changes nothing. Terminating
    after completion finishes the attempt (the next launch starts a new
    one); terminating before it keeps the attempt open to resume.
    """
    attempt = _locked_attempt(user=user, public_id=public_id)
    if attempt.closed or seq <= attempt.seq:
        return attempt
    if not attempt.package.is_scorm or not isinstance(cmi, dict):
        raise PackageRunError(_("This is not a SCORM attempt."), code="wrong_kind")
    page = PackagePage.objects.get(pk=attempt.page_id)
    fields = read_cmi(kind=attempt.package.kind, cmi=cmi)
    exit_value = fields.pop("exit")
    for name, value in fields.items():
        setattr(attempt, name, value)
    attempt.cmi = cmi
    attempt.seq = seq
    attempt.completed = attempt.completion_status == "completed"
    if terminated:
        attempt.total_seconds += duration_seconds(attempt.session_time)
        attempt.closed = attempt.completed and exit_value != "suspend"
    _apply_result(attempt, page)
    attempt.save()
    return attempt


XAPI_VERBS = {
    "http://adlnet.gov/expapi/verbs/completed": "completed",
    "http://adlnet.gov/expapi/verbs/passed": "passed",
    "http://adlnet.gov/expapi/verbs/failed": "failed",
    "http://adlnet.gov/expapi/verbs/answered": "answered",
    "http://adlnet.gov/expapi/verbs/scored": "scored",
}


@transaction.atomic
def xapi_record(*, user, public_id, statement: dict) -> PackageAttempt:
    """Record an H5P xAPI statement (once per statement id) and judge the attempt.

    Only statements about the activity itself count (not its sub-questions,
    which carry a parent context): completed, passed, failed, and answered
    or scored with a result. A statement with a score and completion
    finishes the attempt; a failed one never completes the step.
    """
    attempt = _locked_attempt(user=user, public_id=public_id)
    if attempt.package.kind != PackageKind.H5P or not isinstance(statement, dict):
        raise PackageRunError(_("This is not an H5P attempt."), code="wrong_kind")
    verb_id = _get(statement, "verb", "id")
    verb = XAPI_VERBS.get(verb_id)
    try:
        statement_id = uuid.UUID(str(statement.get("id")))
    except ValueError:
        statement_id = uuid.uuid5(
            uuid.NAMESPACE_URL, repr(sorted(statement.items()))[:4000]
        )
    parents = (
        (
            ((statement.get("context") or {}).get("contextActivities") or {}).get(
                "parent"
            )
        )
        if isinstance(statement.get("context"), dict)
        else None
    )
    if verb is None or parents:
        return attempt
    if attempt.closed:
        # Retrying inside the activity after a finished attempt: a new attempt.
        page = PackagePage.objects.get(pk=attempt.page_id)
        attempt = attempt_open(user=user, page=page)
        attempt = _locked_attempt(user=user, public_id=attempt.public_id)
    result = (
        statement.get("result") if isinstance(statement.get("result"), dict) else {}
    )
    score_node = result.get("score") if isinstance(result.get("score"), dict) else {}
    score = _percent(
        raw=score_node.get("raw"),
        low=score_node.get("min"),
        high=score_node.get("max"),
        scaled=score_node.get("scaled"),
    )
    success = result.get("success") if isinstance(result.get("success"), bool) else None
    completion = (
        result.get("completion") if isinstance(result.get("completion"), bool) else None
    )
    if verb == "passed":
        success = True
    elif verb == "failed":
        success = False
    if verb in ("completed", "passed", "failed"):
        completion = True
    try:
        with transaction.atomic():
            XapiStatement.objects.create(
                attempt=attempt,
                statement_id=statement_id,
                verb=verb,
                score=score,
                success=success,
                completion=completion,
                statement=statement if len(repr(statement)) < 64 * 1024 else {},
            )
    except IntegrityError:
        return attempt  # the same statement again
    if score is not None:
        attempt.score = score
    if success is not None:
        attempt.success_status = "passed" if success else "failed"
    if completion:
        attempt.completion_status = "completed"
        attempt.completed = True
    page = PackagePage.objects.get(pk=attempt.page_id)
    _apply_result(attempt, page)
    if attempt.completed:
        attempt.closed = True
    attempt.save()
    return attempt
