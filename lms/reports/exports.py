"""CSV and Excel downloads of a report, through tablib (django-import-export's engine).

Spreadsheet programs run cells that start with = + - @ (and tab/CR) as
formulas; such text cells get a leading apostrophe ("CSV injection").
Numbers are left as numbers.
"""

import tablib
from django.http import HttpResponse
from django.utils import timezone

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def neutralise(value):
    """Text that a spreadsheet would run as a formula is made plain text."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def report_dataset(report) -> tablib.Dataset:
    headers = [str(report.group_label)] + [str(label) for _key, label in report.columns]
    data = tablib.Dataset(headers=headers, title=str(report.title)[:31])
    for row in report.rows:
        data.append([neutralise(row["name"])] + [row[key] for key, _ in report.columns])
    return data


def report_response(report, fmt: str) -> HttpResponse:
    data = report_dataset(report)
    if fmt == "csv":
        # A BOM lets Excel open Thai text in UTF-8 correctly.
        content = "\ufeff" + data.export("csv")
    else:
        content = data.export("xlsx")
    stamp = timezone.localdate().isoformat()
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = (
        f'attachment; filename="report-{report.key}-{stamp}.{fmt}"'
    )
    return response
