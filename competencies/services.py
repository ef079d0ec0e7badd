"""Writes to the competency framework, evidence and volunteer levels.

The framework's JSON interchange (IMS CASE-like export and all-or-nothing
import) lives in ``competencies.interchange``; its public functions are
re-exported here so callers use one module for writes.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from lms import audit
from lms.accounts.roles import ADMINISTRATOR, TRAINER, role_of

from . import registry, rules
from .interchange import (  # noqa: F401 - re-exported
    FORMAT,
    PROGRAMME_FRAMEWORK,
    FrameworkImportError,
    ImportSummary,
    framework_export,
    framework_import,
    load_programme_framework,
)
from .models import (
    Competency,
    CompetencyEvidence,
    EvidenceSource,
    LevelChange,
    RecomputeRun,
    VolunteerLevel,
    VolunteerStatus,
)
from .signals import level_changed

# --- Evidence and volunteer levels -------------------------------------------------


class EvidenceError(Exception):
    """Evidence cannot be recorded or withdrawn as asked; the message says why."""


def ladder() -> list[rules.LevelRule]:
    """The level rules, read in two queries."""
    levels = VolunteerLevel.objects.prefetch_related("requirements").order_by("rank")
    return [
        rules.LevelRule(
            pk=level.pk,
            rank=level.rank,
            requires_previous=level.requires_previous,
            min_completed_courses=level.min_completed_courses,
            requirements=tuple(
                (r.competency_id, r.min_proficiency) for r in level.requirements.all()
            ),
        )
        for level in levels
    ]


def attainment_for(*, user) -> dict[int, int]:
    """Highest proficiency per competency over valid evidence (one aggregate query)."""
    rows = (
        CompetencyEvidence.objects.filter(user=user, withdrawn_at__isnull=True)
        .values("competency_id")
        .annotate(best=Max("proficiency"))
    )
    return {row["competency_id"]: row["best"] for row in rows}


def completed_courses_for(*, user) -> int:
    """How many courses the person completed (one query, through ``registry``)."""
    return registry.completed_courses([user.pk]).get(user.pk, 0)


@transaction.atomic
def level_recompute(*, user, cause: str) -> VolunteerStatus:
    """Apply the rules to the person's evidence now; record any change with its cause."""
    status, _created = VolunteerStatus.objects.select_for_update().get_or_create(
        user=user
    )
    rule = rules.level_for(
        ladder(), attainment_for(user=user), completed_courses_for(user=user)
    )
    new_level_id = rule.pk if rule else None
    if status.level_id != new_level_id:
        previous = status.level
        status.level_id = new_level_id
        status.save(update_fields=["level", "updated_at"])
        LevelChange.objects.create(
            user=user, from_level=previous, to_level_id=new_level_id, cause=cause[:255]
        )
        new_level = status.level
        promoted = (new_level.rank if new_level else 0) > (
            previous.rank if previous else 0
        )
        transaction.on_commit(
            lambda: level_changed.send(
                sender=VolunteerStatus,
                user=user,
                level=new_level,
                previous=previous,
                promoted=promoted,
            )
        )
    return status


@transaction.atomic
def evidence_record(
    *,
    user,
    competency: Competency,
    proficiency: int,
    source: str,
    attempt=None,
    course=None,
    comment: str = "",
    created_by=None,
    source_ref: str = "",
) -> CompetencyEvidence:
    """Record evidence (idempotent for the same attempt, course or
    ``source_ref``) and recompute the level.

    ``source_ref`` names a source kept by a higher layer (an e-learning
    package attempt), which competencies knows only by this reference."""
    if source not in EvidenceSource.values:
        raise EvidenceError(_("Unknown evidence source."))
    if source == EvidenceSource.ASSESSMENT and not comment.strip():
        raise EvidenceError(_("A trainer's assessment needs a comment."))
    if (
        source == EvidenceSource.QUIZ
        and attempt is None
        or source == EvidenceSource.COURSE
        and course is None
        or source == EvidenceSource.PACKAGE
        and not source_ref
    ):
        raise EvidenceError(_("Evidence needs its source."))
    lookup = {"user": user, "competency": competency}
    if source_ref:
        existing = CompetencyEvidence.objects.filter(
            **lookup, source_ref=source_ref
        ).first()
    elif attempt is not None:
        existing = CompetencyEvidence.objects.filter(**lookup, attempt=attempt).first()
    elif source == EvidenceSource.COURSE:
        existing = CompetencyEvidence.objects.filter(
            **lookup, source=source, course=course
        ).first()
    else:
        existing = None
    if existing is not None:
        return existing
    evidence = CompetencyEvidence.objects.create(
        **lookup,
        proficiency=proficiency,
        source=source,
        attempt=attempt,
        course=course,
        comment=comment,
        created_by=created_by,
        source_ref=source_ref,
    )
    level_recompute(
        user=user, cause=f"evidence:{evidence.pk} {source} {competency.code}"
    )
    return evidence


@transaction.atomic
def assessment_record(
    *, assessor, user, competency: Competency, proficiency: int, comment: str
) -> CompetencyEvidence:
    """A trainer's assessment of a competency shown in the field."""
    if role_of(assessor) not in (TRAINER, ADMINISTRATOR):
        raise EvidenceError(_("Only trainers record assessments."))
    return evidence_record(
        user=user,
        competency=competency,
        proficiency=proficiency,
        source=EvidenceSource.ASSESSMENT,
        comment=comment,
        created_by=assessor,
    )


@transaction.atomic
def evidence_withdraw(
    *, evidence: CompetencyEvidence, by, reason: str
) -> CompetencyEvidence:
    """An administrator withdraws evidence (e.g. a mistaken grade); the level follows."""
    if role_of(by) != ADMINISTRATOR:
        raise EvidenceError(_("Only administrators withdraw evidence."))
    if not reason.strip():
        raise EvidenceError(_("Give a reason for withdrawing evidence."))
    evidence = CompetencyEvidence.objects.select_for_update().get(pk=evidence.pk)
    if evidence.withdrawn_at is None:
        evidence.withdrawn_at = timezone.now()
        evidence.withdrawn_by = by
        evidence.withdrawal_reason = reason
        evidence.save(
            update_fields=["withdrawn_at", "withdrawn_by", "withdrawal_reason"]
        )
        audit.log(
            evidence,
            "lms.evidence_withdraw",
            by=by,
            reason=reason,
            person=evidence.user_id,
        )
        level_recompute(user=evidence.user, cause=f"withdrawn:{evidence.pk}")
    return evidence


def record_quiz_evidence(sender, attempt, **kwargs):
    """quiz_passed → evidence for each competency the quiz demonstrates."""
    for link in attempt.quiz.competency_links.select_related("competency"):
        evidence_record(
            user=attempt.user,
            competency=link.competency,
            proficiency=link.proficiency,
            source=EvidenceSource.QUIZ,
            attempt=attempt,
            course=attempt.quiz.get_parent().get_parent().specific,
        )


def record_course_evidence(sender, user, course, **kwargs):
    """course_completed → evidence for each competency the course targets."""
    for link in course.competency_links.select_related("competency"):
        evidence_record(
            user=user,
            competency=link.competency,
            proficiency=link.proficiency,
            source=EvidenceSource.COURSE,
            course=course,
        )


# --- Recomputing everyone after a rule change ---------------------------------------

BATCH = 2000


def _levels_for_batch(user_ids: list[int], ladder_rules) -> dict[int, int | None]:
    """Level per user for a batch: two aggregate queries, not one per person per competency."""
    attainment: dict[int, dict[int, int]] = {uid: {} for uid in user_ids}
    for row in (
        CompetencyEvidence.objects.filter(
            user_id__in=user_ids, withdrawn_at__isnull=True
        )
        .values("user_id", "competency_id")
        .annotate(best=Max("proficiency"))
    ):
        attainment[row["user_id"]][row["competency_id"]] = row["best"]
    completed = registry.completed_courses(user_ids)
    result = {}
    for uid in user_ids:
        rule = rules.level_for(ladder_rules, attainment[uid], completed.get(uid, 0))
        result[uid] = rule.pk if rule else None
    return result


def _apply_levels(user_ids: list[int], ladder_rules, cause: str) -> int:
    """Write the rules' level for each person in bulk; returns how many changed."""
    levels = _levels_for_batch(user_ids, ladder_rules)
    statuses = {
        s.user_id: s for s in VolunteerStatus.objects.filter(user_id__in=user_ids)
    }
    to_create, to_update, changes = [], [], []
    for uid in user_ids:
        new = levels[uid]
        status = statuses.get(uid)
        if status is None:
            if new is not None:
                to_create.append(VolunteerStatus(user_id=uid, level_id=new))
                changes.append(
                    LevelChange(
                        user_id=uid, from_level_id=None, to_level_id=new, cause=cause
                    )
                )
        elif status.level_id != new:
            changes.append(
                LevelChange(
                    user_id=uid,
                    from_level_id=status.level_id,
                    to_level_id=new,
                    cause=cause,
                )
            )
            status.level_id = new
            to_update.append(status)
    VolunteerStatus.objects.bulk_create(to_create)
    VolunteerStatus.objects.bulk_update(to_update, ["level"])
    LevelChange.objects.bulk_create(changes)
    return len(changes)


@transaction.atomic
def levels_recompute_for(*, user_ids: list[int], cause: str) -> int:
    """Recompute many people's levels in bulk (after an import); returns how many changed.

    Like the background run, this does not send ``level_changed`` per person.
    """
    ladder_rules = ladder()
    changed = 0
    for i in range(0, len(user_ids), BATCH):
        changed += _apply_levels(user_ids[i : i + BATCH], ladder_rules, cause[:255])
    return changed


def recompute_run_start(*, cause: str):
    """Record a run and hand it to a background worker."""
    run = RecomputeRun.objects.create(
        cause=cause[:255], total=get_user_model().objects.count()
    )
    transaction.on_commit(lambda: recompute_levels_task.enqueue(run.pk))
    return run


def recompute_run_execute(*, run_id: int, stop_after_batches: int | None = None):
    """Work through everyone in id order, a batch per transaction, resuming after ``last_user_id``."""
    User = get_user_model()
    ladder_rules = ladder()
    batches = 0
    while True:
        with transaction.atomic():
            run = RecomputeRun.objects.select_for_update().get(pk=run_id)
            if run.status == RecomputeRun.Status.DONE:
                return run
            user_ids = list(
                User.objects.filter(pk__gt=run.last_user_id)
                .order_by("pk")
                .values_list("pk", flat=True)[:BATCH]
            )
            if not user_ids:
                run.status = RecomputeRun.Status.DONE
                run.finished_at = timezone.now()
                run.save(update_fields=["status", "finished_at"])
                audit.log(
                    run,
                    "lms.levels_recompute_finish",
                    done=run.done,
                    total=run.total,
                    changed=run.changed,
                )
                return run
            changes = _apply_levels(user_ids, ladder_rules, run.cause)
            run.status = RecomputeRun.Status.RUNNING
            run.last_user_id = user_ids[-1]
            run.done += len(user_ids)
            run.changed += changes
            run.save(update_fields=["status", "last_user_id", "done", "changed"])
        batches += 1
        if stop_after_batches is not None and batches >= stop_after_batches:
            return run


# The task sits beside the work it runs (``recompute_run_start`` enqueues it), so the
# two modules do not import each other; ``competencies.tasks`` keeps its old path.
@task(backend="background")
def recompute_levels_task(run_id: int) -> None:
    """Recompute every volunteer's level for a RecomputeRun; safe to run again."""
    recompute_run_execute(run_id=run_id)
