"""Reading a volunteer file: CSV (UTF-8) or Excel bytes into a dataset with known columns.

The cell helpers here are shared by the row checks (``resources``) and the
export, which must write cells a spreadsheet will not run as formulas.
"""

import difflib

import tablib
from django.utils.translation import gettext as _
from import_export.formats import base_formats

from lms.accounts.models import normalize_phone
from lms.accounts.roles import ADMINISTRATOR, TRAINER, VOLUNTEER

COLUMNS = (
    "first_name",
    "last_name",
    "phone",
    "email",
    "province",
    "district",
    "subdistrict",
    "village",
    "role",
    "level",
)
REQUIRED_COLUMNS = (
    "first_name",
    "last_name",
    "phone",
    "email",
    "province",
    "district",
    "subdistrict",
)
ROLES = {"volunteer": VOLUNTEER, "trainer": TRAINER, "administrator": ADMINISTRATOR}
# Thai words an office might type instead of the English code.
ROLE_ALIASES = {
    "อาสาสมัคร": "volunteer",
    "อสด.": "volunteer",
    "อสด": "volunteer",
    "ครูฝึก": "trainer",
    "วิทยากร": "trainer",
    "ผู้ดูแลระบบ": "administrator",
}
# Cells that a spreadsheet would run as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_ROWS = 200_000
LOOKUP_CHUNK = 500


class ImportFileError(Exception):
    """The file cannot be read as a volunteer list; the message says why."""


# --- Reading the file -------------------------------------------------------------


def _decode_csv(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportFileError(
            _(
                "The file is in UTF-16 (Excel's “Unicode text”). Save it as “CSV UTF-8” and upload it again."
            )
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        try:
            text = data.decode("cp874")
        except UnicodeDecodeError:
            text = ""
        if any("\u0e00" <= ch <= "\u0e7f" for ch in text):
            raise ImportFileError(
                _(
                    "The file is in the Thai Windows encoding (TIS-620/Windows-874), which Thai Excel uses for "
                    "“CSV”. Save it as “CSV UTF-8” and upload it again."
                )
            ) from err
        raise ImportFileError(
            _(
                "The file is not in UTF-8 (byte %(position)s cannot be read). Save it as “CSV UTF-8”."
            )
            % {"position": err.start + 1}
        ) from err


def _with_suggestion(header: str, headers: list[str]) -> str:
    """``phnoe`` → ``phnoe (did you mean phone?)``, from the columns not yet used."""
    unused = [c for c in COLUMNS if c not in headers]
    close = difflib.get_close_matches(header, unused, n=1, cutoff=0.6)
    if not close:
        return header
    return _("%(header)s (did you mean %(column)s?)") % {
        "header": header,
        "column": close[0],
    }


def read_dataset(data: bytes, file_name: str = "") -> tablib.Dataset:
    """A dataset from CSV (UTF-8, with or without BOM) or Excel (xlsx) bytes."""
    if not data:
        raise ImportFileError(_("The file is empty."))
    is_xlsx = data.startswith(b"PK\x03\x04") or file_name.lower().endswith(".xlsx")
    try:
        if is_xlsx:
            dataset = base_formats.XLSX().create_dataset(data)
        else:
            text = _decode_csv(data)
            dataset = base_formats.CSV().create_dataset(text)
    except ImportFileError:
        raise
    except Exception as err:
        raise ImportFileError(
            _("The file could not be read as CSV or Excel (xlsx): %(error)s")
            % {"error": err}
        ) from err
    headers = [str(h or "").strip().lower() for h in (dataset.headers or [])]
    if not any(headers):
        raise ImportFileError(_("The file has no header row."))
    dataset.headers = headers
    missing = [c for c in REQUIRED_COLUMNS if c not in headers]
    unknown = [h for h in headers if h and h not in COLUMNS]
    if missing or unknown:
        parts = []
        if missing:
            parts.append(
                _("missing columns: %(names)s") % {"names": ", ".join(missing)}
            )
        if unknown:
            parts.append(
                _("unknown columns: %(names)s")
                % {"names": ", ".join(_with_suggestion(h, headers) for h in unknown)}
            )
        raise ImportFileError(
            _(
                "The header row is wrong: %(problems)s. The columns are "
                "%(columns)s; %(required)s are required."
            )
            % {
                "problems": "; ".join(parts),
                "columns": ", ".join(COLUMNS),
                "required": ", ".join(REQUIRED_COLUMNS),
            }
        )
    if len(dataset) > MAX_ROWS:
        raise ImportFileError(
            _("The file has more than %(n)s rows; split it.") % {"n": MAX_ROWS}
        )
    return dataset


# --- Cells -----------------------------------------------------------------------------


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def cell_phone(value) -> str:
    digits = normalize_phone(cell_text(value))
    # Excel stores 0812345678 as the number 812345678: put the 0 back.
    if (
        isinstance(value, int | float)
        and len(digits) in (8, 9)
        and not digits.startswith("0")
    ):
        digits = "0" + digits
    return digits


def neutralise(value):
    """Make a cell a spreadsheet shows as text: a leading = + - @ gets a quote before it (OWASP)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
