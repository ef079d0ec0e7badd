"""Erasing a person: every declaration's rule applied, in one transaction.

Identifiers (name, phone, e-mail, usernames) are collected first and every
declaration's rows selected while they still match; then rows are deleted,
anonymised or scrubbed of those identifiers, the certificates' own rule runs
(``certificates/privacy.py``) and the search index is brought in line. The
account row itself stays, anonymised, so report totals do not change.
"""

import json

from django.apps import apps
from django.db import models, transaction
from django.db.models import Q
from django.db.models.functions import Cast
from wagtail.search import index

from lms.dataprotection.registry import DELETE, declarations
from lms.pagecache import forget_reader

ERASED = "[erased]"


def identifiers(user) -> list[str]:
    """Strings that identify the person, longest first (so a full name goes before its parts)."""
    values = {
        user.get_full_name().strip(),
        user.first_name.strip(),
        user.last_name.strip(),
        user.phone,
        user.email,
        user.get_username(),
    }
    return sorted((v for v in values if v and len(v) >= 3), key=len, reverse=True)


def _replace(value, needles: list[str]):
    if isinstance(value, str):
        for needle in needles:
            if needle.lower() in value.lower():
                start = value.lower().find(needle.lower())
                while start != -1:
                    value = value[:start] + ERASED + value[start + len(needle) :]
                    start = value.lower().find(needle.lower(), start + len(ERASED))
        return value
    if isinstance(value, list):
        return [_replace(v, needles) for v in value]
    if isinstance(value, dict):
        return {k: _replace(v, needles) for k, v in value.items()}
    return value


def _text_q(model, name: str, needles: list[str]) -> tuple[dict, Q]:
    """Rows whose field contains a needle (JSON compared as text, both escapings)."""
    field = model._meta.get_field(name)
    annotate = {}
    lookup = name
    if isinstance(field, models.JSONField):
        lookup = f"_{name}_text"
        annotate[lookup] = Cast(name, models.TextField())
    q = Q()
    for needle in needles:
        q |= Q(**{f"{lookup}__icontains": needle})
        escaped = json.dumps(needle)[1:-1]
        if escaped != needle:
            q |= Q(**{f"{lookup}__icontains": escaped})
    return annotate, q


def scrub(model, fields, needles: list[str], base: Q | None = None) -> int:
    """Replace the needles in ``fields`` of ``model``'s rows; returns rows changed."""
    changed = 0
    for name in fields:
        annotate, q = _text_q(model, name, needles)
        queryset = model._default_manager.annotate(**annotate).filter(q)
        if base is not None:
            queryset = queryset.filter(base)
        for obj in queryset.iterator():
            setattr(obj, name, _replace(getattr(obj, name), needles))
            model._default_manager.filter(pk=obj.pk).update(
                **{name: getattr(obj, name)}
            )
            changed += 1
    return changed


@transaction.atomic
def person_erase(*, user) -> dict[str, int]:
    """Apply every declaration to ``user``; returns rows touched per model label."""
    needles = identifiers(user)
    plan = []
    for declaration in declarations():
        model = apps.get_model(declaration.model)
        pks = list(
            model._default_manager.filter(declaration.rows_q(user)).values_list(
                "pk", flat=True
            )
        )
        plan.append((declaration, model, pks))
    touched: dict[str, int] = {}
    for declaration, model, pks in plan:
        queryset = model._default_manager.filter(pk__in=pks)
        indexed = issubclass(model, index.Indexed)
        if indexed and declaration.erase == DELETE:
            for obj in queryset:
                index.remove_object(obj)
        if declaration.eraser is not None:
            declaration.eraser(queryset, user)
        elif declaration.erase == DELETE:
            queryset.delete()
        elif declaration.anonymise:
            queryset.update(**declaration.anonymise)
        if declaration.scrub:
            # Logs: every row that mentions the person, not only rows about them.
            scrub(model, declaration.scrub, needles)
        if indexed and declaration.erase != DELETE:
            for obj in model._default_manager.filter(pk__in=pks):
                index.insert_or_update_object(obj)
        touched[declaration.model] = len(pks)
    # Pages kept for the person in the shared cache (My learning) go too.
    transaction.on_commit(lambda: forget_reader(user.pk))
    forget_reader(user.pk)
    return touched
