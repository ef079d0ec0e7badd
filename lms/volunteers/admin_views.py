"""The volunteer import and export screens in the Wagtail admin.

Upload → preview (a dry run: each row new / update / error, nothing written)
→ confirm (the same file, kept in a temporary folder keyed by the session,
imported in one transaction). Only holders of ``accounts.import_volunteers``
(administrators) get in; anyone else gets 403.
"""

import os
import time
import uuid
from pathlib import Path
from tempfile import gettempdir

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms import audit

from .files import COLUMNS, ImportFileError
from .importing import volunteer_import
from .resources import export_bytes

IMPORT_PERMISSION = "accounts.import_volunteers"
SESSION_KEY = "volunteer_import"
MAX_UPLOAD = 20 * 1024 * 1024
PREVIEW_ROWS = 500
PREVIEW_ERRORS = 1000
STALE_AFTER = 24 * 3600


def _require(request) -> None:
    if not request.user.has_perm(IMPORT_PERMISSION):
        raise PermissionDenied


class VolunteerUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV or Excel (xlsx) file"),
        help_text=gettext_lazy(
            "UTF-8 CSV (with or without BOM) or an .xlsx workbook; the first sheet is read."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is larger than 20 MB; split it."))
        if not upload.name.lower().endswith((".csv", ".xlsx", ".txt")):
            raise forms.ValidationError(_("Upload a .csv or .xlsx file."))
        return upload


def _folder() -> Path:
    folder = Path(gettempdir()) / "lms-volunteer-imports"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def _store(data: bytes) -> str:
    """Keep an upload until it is confirmed; uploads never confirmed go after a day."""
    folder = _folder()
    stale = time.time() - STALE_AFTER
    for path in folder.iterdir():
        if path.stat().st_mtime < stale:
            path.unlink(missing_ok=True)
    name = uuid.uuid4().hex
    (folder / name).write_bytes(data)
    return name


def _load(name: str) -> bytes | None:
    if not name or not name.isalnum():
        return None
    path = _folder() / name
    return path.read_bytes() if path.exists() else None


def _discard(name: str) -> None:
    if name and name.isalnum():
        try:
            os.remove(_folder() / name)
        except FileNotFoundError:
            pass


def _rows(result, regions):
    """Preview rows: errors (up to ``PREVIEW_ERRORS``) and others (up to ``PREVIEW_ROWS``)."""
    errors = {row.number: row for row in result.invalid_rows}
    rows, shown, shown_errors = [], 0, 0
    for number, row in enumerate(result.rows, 1):
        invalid = errors.get(number)
        if invalid is None:
            if shown >= PREVIEW_ROWS:
                continue
            shown += 1
        else:
            if shown_errors >= PREVIEW_ERRORS:
                continue
            shown_errors += 1
        values = row.row_values or {}
        rows.append(
            {
                "number": number,
                "status": "error" if invalid else row.import_type,
                "values": [values.get(c) or "" for c in COLUMNS],
                "region": regions.get(number, ""),
                "errors": invalid.field_specific_errors if invalid else {},
                "general": invalid.non_field_specific_errors if invalid else [],
            }
        )
    return rows


def _context(result, summary, file_name):
    totals = result.totals
    return {
        "columns": COLUMNS,
        "rows": _rows(result, summary.regions),
        "file_name": file_name,
        "total": summary.total,
        "new": totals.get("new", 0),
        "update": totals.get("update", 0),
        "invalid": len(result.invalid_rows),
        "base_errors": [str(e.error) for e in result.base_errors]
        + [
            _("Row %(row)s: %(error)s") % {"row": number, "error": e.error}
            for number, errors in result.row_errors()
            for e in errors
        ],
        "preview_limit": PREVIEW_ROWS,
        "error_limit": PREVIEW_ERRORS,
    }


def import_volunteers(request):
    _require(request)
    form = VolunteerUploadForm()
    context = {"form": form, "columns": COLUMNS}
    if request.method == "POST" and request.POST.get("action") == "confirm":
        stored = request.session.get(SESSION_KEY) or {}
        data = _load(stored.get("name", ""))
        if data is None:
            messages.error(
                request, _("The uploaded file has expired; upload it again.")
            )
            return redirect("accounts_admin_import")
        try:
            result, summary = volunteer_import(
                data=data, file_name=stored["file_name"], by=request.user, dry_run=False
            )
        except ImportFileError as err:
            messages.error(request, str(err))
            return redirect("accounts_admin_import")
        if result.has_errors() or result.has_validation_errors():
            context.update(
                _context(result, summary, stored["file_name"]),
                preview=True,
                failed=True,
            )
            return TemplateResponse(request, "accounts/admin/import.html", context)
        _discard(stored["name"])
        del request.session[SESSION_KEY]
        messages.success(
            request,
            _(
                "Imported %(file)s: %(created)s new, %(updated)s updated, %(roles)s role changes, %(evidence)s level evidence records."
            )
            % {
                "file": stored["file_name"],
                "created": summary.created,
                "updated": summary.updated,
                "roles": summary.roles_changed,
                "evidence": summary.evidence_recorded,
            },
        )
        return redirect("accounts_admin_import")
    if request.method == "POST":
        form = VolunteerUploadForm(request.POST, request.FILES)
        context["form"] = form
        if form.is_valid():
            upload = form.cleaned_data["file"]
            data = upload.read()
            try:
                result, summary = volunteer_import(
                    data=data, file_name=upload.name, by=request.user, dry_run=True
                )
            except ImportFileError as err:
                form.add_error("file", str(err))
                return TemplateResponse(request, "accounts/admin/import.html", context)
            previous = request.session.get(SESSION_KEY) or {}
            _discard(previous.get("name", ""))
            ok = not (result.has_errors() or result.has_validation_errors())
            if ok:
                request.session[SESSION_KEY] = {
                    "name": _store(data),
                    "file_name": upload.name,
                }
            context.update(
                _context(result, summary, upload.name), preview=True, can_confirm=ok
            )
    return TemplateResponse(request, "accounts/admin/import.html", context)


def export_volunteers(request):
    _require(request)
    fmt = "xlsx" if request.GET.get("format") == "xlsx" else "csv"
    content_type = {
        "csv": "text/csv; charset=utf-8",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }[fmt]
    response = HttpResponse(export_bytes(fmt), content_type=content_type)
    # Personal data leaving the site: who exported what (PDPA, need-to-know).
    audit.log(
        request.user,
        "lms.personal_data_export",
        by=request.user,
        detail=_("volunteers (%(format)s)") % {"format": fmt},
    )
    stamp = timezone.localtime().strftime("%Y-%m-%d")
    response["Content-Disposition"] = f'attachment; filename="volunteers-{stamp}.{fmt}"'
    return response
