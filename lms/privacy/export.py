"""Everything held about a person, from the declarations: JSON plus a CSV per table."""

import csv
import datetime
import decimal
import io
import json
import uuid
import zipfile

from django.apps import apps
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

from lms import audit
from lms.dataprotection.registry import PersonalData, declarations

from .models import DataExport


def _value(obj, name: str):
    field = obj._meta.get_field(name)
    if field.is_relation:
        related = getattr(obj, name)
        return None if related is None else str(related)
    value = getattr(obj, field.attname)
    if isinstance(value, datetime.datetime):
        return (
            timezone.localtime(value).isoformat()
            if timezone.is_aware(value)
            else value.isoformat()
        )
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    return value


def _table(declaration: PersonalData, user) -> dict:
    model = apps.get_model(declaration.model)
    related = [
        name
        for name in declaration.fields
        if isinstance(
            model._meta.get_field(name), models.ForeignKey | models.OneToOneField
        )
    ]
    queryset = (
        model._default_manager.filter(declaration.rows_q(user))
        .select_related(*related)
        .order_by("pk")
    )
    rows = [
        {"id": obj.pk, **{name: _value(obj, name) for name in declaration.fields}}
        for obj in queryset.iterator(chunk_size=2000)
    ]
    return {
        "title": str(declaration.title or model._meta.verbose_name_plural),
        "purpose": str(declaration.purpose),
        "retention": str(declaration.retention),
        "columns": {
            name: str(model._meta.get_field(name).verbose_name)
            for name in declaration.fields
        },
        "rows": rows,
    }


def exportable() -> list[PersonalData]:
    return [d for d in declarations() if d.export and d.subject and d.fields]


def person_data(*, user) -> dict:
    """The whole export as one dict: ``{"generated_at", "tables": {label: table}}``."""
    return {
        "generated_at": timezone.localtime().isoformat(),
        "person_id": user.pk,
        "tables": {d.model: _table(d, user) for d in exportable()},
    }


def _csv(table: dict) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    names = ["id", *table["columns"]]
    writer.writerow(names)
    for row in table["rows"]:
        cells = []
        for name in names:
            value = row[name]
            if isinstance(value, list | dict):
                value = json.dumps(value, ensure_ascii=False)
            value = "" if value is None else str(value)
            # Never a formula in a spreadsheet (= + - @).
            if value[:1] in ("=", "+", "-", "@"):
                value = "'" + value
            cells.append(value)
        writer.writerow(cells)
    # A BOM so Excel opens Thai text as UTF-8.
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def person_zip(*, user) -> bytes:
    data = person_data(user=user)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "data.json", json.dumps(data, ensure_ascii=False, indent=2, default=str)
        )
        for label, table in data["tables"].items():
            if table["rows"]:
                archive.writestr(f"{label}.csv", _csv(table))
    return buffer.getvalue()


def export_build(*, export_id: int) -> None:
    """Build the ZIP (in a worker for large histories); safe to run again."""
    data_export = DataExport.objects.select_related("user").filter(pk=export_id).first()
    if data_export is None or data_export.status == DataExport.Status.READY:
        return
    try:
        content = person_zip(user=data_export.user)
    except Exception:
        data_export.status = DataExport.Status.FAILED
        data_export.finished_at = timezone.now()
        data_export.save(update_fields=["status", "finished_at"])
        raise
    data_export.content = content
    data_export.size = len(content)
    data_export.status = DataExport.Status.READY
    data_export.finished_at = timezone.now()
    data_export.save(update_fields=["content", "size", "status", "finished_at"])
    audit.log(
        data_export,
        "lms.personal_data_export",
        by=data_export.user,
        detail=_("own data (PDPA access request)"),
    )
