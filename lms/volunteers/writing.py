"""Writing a fully checked volunteer file in bulk: people, profiles, roles, recognised levels.

Called from ``VolunteerResource.after_import`` inside import-export's
transaction, so an error here rolls the whole file back.
"""

from collections import defaultdict

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Max
from wagtail.log_actions import log

from competencies.models import CompetencyEvidence, EvidenceSource
from competencies.services import levels_recompute_for
from lms.accounts.models import VolunteerImport, VolunteerProfile
from lms.accounts.roles import VOLUNTEER

from .files import LOOKUP_CHUNK
from .resources import VolunteerResource

User = get_user_model()

_PROFILE_FIELDS = ("province_code", "district_code", "subdistrict_code", "village")


def unusable_password() -> str:
    return make_password(None)


def _chunks(values, size=LOOKUP_CHUNK):
    values = list(values)
    for i in range(0, len(values), size):
        yield values[i : i + size]


def _write_people(pending) -> None:
    new_users = [p.user for p in pending if p.new]
    for user in new_users:
        user.password = unusable_password()
    User.objects.bulk_create(new_users, batch_size=LOOKUP_CHUNK)
    if any(u.pk is None for u in new_users):  # pragma: no cover - old SQLite
        raise RuntimeError("The database did not return the new people's ids.")
    updated = [p.user for p in pending if not p.new and p.changed]
    User.objects.bulk_update(
        updated,
        ["first_name", "last_name", "phone", "email", "username"],
        batch_size=LOOKUP_CHUNK,
    )
    existing = {}
    for ids in _chunks(p.user.pk for p in pending if not p.new):
        existing.update(
            {p.user_id: p for p in VolunteerProfile.objects.filter(user_id__in=ids)}
        )
    to_create, to_update = [], []
    for p in pending:
        profile = existing.get(p.user.pk)
        if profile is None:
            to_create.append(VolunteerProfile(user=p.user, **p.profile))
        elif any(getattr(profile, name) != value for name, value in p.profile.items()):
            for name, value in p.profile.items():
                setattr(profile, name, value)
            to_update.append(profile)
    VolunteerProfile.objects.bulk_create(to_create, batch_size=LOOKUP_CHUNK)
    VolunteerProfile.objects.bulk_update(
        to_update, list(_PROFILE_FIELDS), batch_size=LOOKUP_CHUNK
    )


def _write_roles(pending, role_groups, record, by) -> int:
    """Give each row's role group (replacing other role groups); log real changes."""
    Through = User.groups.through
    by_name = {name: group.pk for name, group in role_groups.items()}
    names = {pk: name for name, pk in by_name.items()}
    current = defaultdict(set)
    for ids in _chunks(p.user.pk for p in pending if not p.new and p.role):
        for user_id, group_id in Through.objects.filter(
            user_id__in=ids, group_id__in=by_name.values()
        ).values_list("user_id", "group_id"):
            current[user_id].add(group_id)
    changed = []
    for p in pending:
        if p.role is None:
            continue
        target = by_name[p.role]
        if current[p.user.pk] != {target}:
            changed.append((p, current[p.user.pk], target))
    for ids in _chunks(p.user.pk for p, old, _t in changed if old):
        Through.objects.filter(user_id__in=ids, group_id__in=by_name.values()).delete()
    Through.objects.bulk_create(
        [Through(user_id=p.user.pk, group_id=target) for p, _old, target in changed],
        batch_size=LOOKUP_CHUNK,
    )
    logged = 0
    for p, old, target in changed:
        if p.new and p.role == VOLUNTEER:
            continue  # every new person starts as a volunteer: not a change worth a log line
        log(
            p.user,
            "lms.role_change",
            user=by,
            data={
                "from": sorted(names[g] for g in old),
                "to": [names[target]],
                "import": record.pk,
            },
        )
        logged += 1
    return logged


def _write_levels(pending, levels, record, by) -> tuple[int, int]:
    """Record the recognised levels as assessment evidence, then recompute those people."""
    rows = [p for p in pending if p.level]
    if not rows:
        return 0, 0
    ladder = sorted(levels.values(), key=lambda level: level.rank)
    needs: dict[str, dict[int, int]] = {}
    for code in {p.level for p in rows}:
        wanted: dict[int, int] = {}
        index = next(i for i, level in enumerate(ladder) if level.code == code)
        while index >= 0:
            rung = ladder[index]
            for req in rung.requirements.all():
                wanted[req.competency_id] = max(
                    wanted.get(req.competency_id, 0), req.min_proficiency
                )
            if not rung.requires_previous:
                break
            index -= 1
        needs[code] = wanted
    attained: dict[int, dict[int, int]] = defaultdict(dict)
    for ids in _chunks(p.user.pk for p in rows if not p.new):
        for row in (
            CompetencyEvidence.objects.filter(
                user_id__in=ids, withdrawn_at__isnull=True
            )
            .values("user_id", "competency_id")
            .annotate(best=Max("proficiency"))
        ):
            attained[row["user_id"]][row["competency_id"]] = row["best"]
    evidence = []
    for p in rows:
        comment = f"Recognised level {p.level} on import #{record.pk} ({record.file_name}, row {p.number})"
        for competency_id, minimum in needs[p.level].items():
            if attained[p.user.pk].get(competency_id, 0) < minimum:
                evidence.append(
                    CompetencyEvidence(
                        user_id=p.user.pk,
                        competency_id=competency_id,
                        proficiency=minimum,
                        source=EvidenceSource.ASSESSMENT,
                        comment=comment,
                        created_by=by,
                    )
                )
    CompetencyEvidence.objects.bulk_create(evidence, batch_size=LOOKUP_CHUNK)
    changed = levels_recompute_for(
        user_ids=[p.user.pk for p in rows], cause=f"volunteer import #{record.pk}"
    )
    return len(evidence), changed


@transaction.atomic
def write_pending(*, resource: VolunteerResource) -> None:
    """Write a fully valid file (called from the resource's ``after_import``)."""
    pending, by, summary = resource.pending, resource.by, resource.summary
    record = VolunteerImport.objects.create(
        file_name=resource.file_name[:255] or "-",
        created_by=by,
        total=summary.total,
        created=summary.created,
        updated=summary.updated,
    )
    _write_people(pending)
    summary.roles_changed = _write_roles(pending, resource.role_groups, record, by)
    summary.evidence_recorded, summary.levels_changed = _write_levels(
        pending, resource.levels, record, by
    )
    record.roles_changed = summary.roles_changed
    record.evidence_recorded = summary.evidence_recorded
    record.save(update_fields=["roles_changed", "evidence_recorded"])
    summary.record_id = record.pk
    log(
        record,
        "lms.volunteer_import",
        user=by,
        data={
            "file": record.file_name,
            "rows": summary.total,
            "created": summary.created,
            "updated": summary.updated,
            "roles_changed": summary.roles_changed,
            "evidence": summary.evidence_recorded,
        },
    )
