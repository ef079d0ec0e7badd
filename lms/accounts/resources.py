"""Volunteers in and out of spreadsheets, with django-import-export.

``VolunteerResource`` reads one row per person (the columns of ``COLUMNS``)
and is used the same way by the admin's upload and by
``manage.py import_volunteers``: ``import_data(dry_run=True)`` is the
preview, ``import_data(dry_run=False)`` the confirmed import.

Every check runs in Python against lookups loaded once per file (people by
phone, e-mail and username; the region tree; the level ladder), so a row
costs no query and a dry run writes nothing. The confirmed import then
writes everything in bulk inside import-export's transaction; one bad row
rolls the whole file back.

The ``level`` column is the level the programme already recognises a person
at (for example from the ministry's register before the LMS). Levels are
computed from evidence, never typed in, so the import records that
recognition as evidence: a trainer's-assessment record, by the importing
administrator, for each competency the level (and the rungs below it that
it requires) needs, at its minimum proficiency, unless the person already
has it. The level is then recomputed by the ordinary rules; a rung that
also needs completed courses is reached once those courses are done. The
evidence names the import and can be withdrawn like any other.
"""

from dataclasses import dataclass, field

import geothai
import tablib
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from import_export import fields, resources
from import_export.formats import base_formats

from .models import VolunteerProfile, normalize_phone
from .roles import ADMINISTRATOR, TRAINER, VOLUNTEER

User = get_user_model()

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
                _("unknown columns: %(names)s") % {"names": ", ".join(unknown)}
            )
        raise ImportFileError(
            _("The header row must use the column names %(columns)s (%(problems)s).")
            % {"columns": ", ".join(COLUMNS), "problems": "; ".join(parts)}
        )
    if len(dataset) > MAX_ROWS:
        raise ImportFileError(
            _("The file has more than %(n)s rows; split it.") % {"n": MAX_ROWS}
        )
    return dataset


# --- Regions by name or code -----------------------------------------------------------

_PREFIXES = ("จังหวัด", "อำเภอ", "เขต", "ตำบล", "แขวง", "กิ่งอำเภอ")


def _key(name: str) -> str:
    name = " ".join(str(name).split()).casefold()
    for prefix in _PREFIXES:
        if name.startswith(prefix) and len(name) > len(prefix):
            return name[len(prefix) :].strip()
    return name


class RegionIndex:
    """Province → district → sub-district lookups by official code or Thai/English name."""

    def __init__(self):
        self.provinces = {}
        for p in geothai.provinces():
            for k in (p.code, _key(p.name_th), _key(p.name_en)):
                self.provinces[k] = p.code
        self._districts: dict[str, dict[str, str]] = {}
        self._subdistricts: dict[str, dict[str, str]] = {}

    @staticmethod
    def _children(cache, parent, items):
        if parent not in cache:
            table = {}
            for item in items(parent):
                for k in (item.code, _key(item.name_th), _key(item.name_en)):
                    table[k] = item.code
            cache[parent] = table
        return cache[parent]

    def province(self, value: str) -> str | None:
        return self.provinces.get(_key(value))

    def district(self, province: str, value: str) -> str | None:
        return self._children(self._districts, province, geothai.districts).get(
            _key(value)
        )

    def subdistrict(self, district: str, value: str) -> str | None:
        return self._children(self._subdistricts, district, geothai.subdistricts).get(
            _key(value)
        )


_REGIONS: RegionIndex | None = None


def regions() -> RegionIndex:
    global _REGIONS
    if _REGIONS is None:
        _REGIONS = RegionIndex()
    return _REGIONS


# --- The resource -----------------------------------------------------------------------


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _phone(value) -> str:
    digits = normalize_phone(_cell(value))
    # Excel stores 0812345678 as the number 812345678: put the 0 back.
    if (
        isinstance(value, int | float)
        and len(digits) in (8, 9)
        and not digits.startswith("0")
    ):
        digits = "0" + digits
    return digits


def _account(user) -> tuple:
    return (user.first_name, user.last_name, user.phone, user.email, user.username)


@dataclass
class PendingRow:
    """What a valid row will write, kept until the whole file has been checked."""

    number: int
    user: User
    new: bool
    profile: dict
    role: str | None  # a group name, or None to keep the person's roles
    level: str  # a level code or ""
    rename_username: bool = False
    changed: bool = True  # the account's own fields differ from the database
    notes: list[str] = field(default_factory=list)


@dataclass
class ImportSummary:
    total: int = 0
    created: int = 0
    updated: int = 0
    roles_changed: int = 0
    evidence_recorded: int = 0
    levels_changed: int = 0
    record_id: int | None = None
    # Row number → the region the row's names or codes resolved to, for the preview.
    regions: dict[int, str] = field(default_factory=dict)


class VolunteerResource(resources.ModelResource):
    """One person per row: account, profile (region, village), role and recognised level."""

    first_name = fields.Field(attribute="first_name", column_name="first_name")
    last_name = fields.Field(attribute="last_name", column_name="last_name")
    phone = fields.Field(attribute="phone", column_name="phone")
    email = fields.Field(attribute="email", column_name="email")
    province = fields.Field(
        column_name="province", dehydrate_method="dehydrate_province"
    )
    district = fields.Field(
        column_name="district", dehydrate_method="dehydrate_district"
    )
    subdistrict = fields.Field(
        column_name="subdistrict", dehydrate_method="dehydrate_subdistrict"
    )
    village = fields.Field(column_name="village", dehydrate_method="dehydrate_village")
    role = fields.Field(column_name="role", dehydrate_method="dehydrate_role")
    level = fields.Field(column_name="level", dehydrate_method="dehydrate_level")

    class Meta:
        model = User
        fields = COLUMNS
        export_order = COLUMNS
        import_id_fields = []
        skip_diff = True
        store_row_values = True
        use_transactions = True
        clean_model_instances = False
        # Rows are written together in ``after_import``; bulk mode also spares
        # a savepoint per row (two queries each).
        use_bulk = True

    def __init__(self, *, by=None, file_name: str = "", **kwargs):
        super().__init__(**kwargs)
        self.by = by
        self.file_name = file_name
        self.summary = ImportSummary()

    # --- before the rows: load every lookup once -------------------------------------

    def before_import(self, dataset, **kwargs):
        from competencies.models import VolunteerLevel

        self.pending: list[PendingRow] = []
        self.seen_phones: dict[str, int] = {}
        self.seen_emails: dict[str, int] = {}
        self.regions = regions()
        phones, emails, names = set(), set(), set()
        for row in dataset.dict:
            phone = _phone(row.get("phone"))
            email = _cell(row.get("email")).lower()
            if phone:
                phones.add(phone)
                names.add(phone)
            if email:
                emails.add(email)
                names.add(email)
        self.by_phone: dict[str, User] = {}
        self.by_email: dict[str, User] = {}
        self.by_username: dict[str, User] = {}
        for values, lookup in (
            (phones, "phone__in"),
            (emails, "email__in"),
            (names, "username__in"),
        ):
            values = sorted(values)
            for i in range(0, len(values), LOOKUP_CHUNK):
                for user in User.objects.filter(
                    **{lookup: values[i : i + LOOKUP_CHUNK]}
                ):
                    if user.phone:
                        self.by_phone[user.phone] = user
                    if user.email:
                        self.by_email[user.email.lower()] = user
                    self.by_username[user.username.lower()] = user
        self.levels = {
            level.code: level
            for level in VolunteerLevel.objects.prefetch_related("requirements")
        }
        self.role_groups = {
            name: Group.objects.get_or_create(name=name)[0] for name in ROLES.values()
        }

    # --- each row ------------------------------------------------------------------------

    def get_instance(self, instance_loader, row):
        phone = _phone(row.get("phone"))
        email = _cell(row.get("email")).lower()
        by_phone = self.by_phone.get(phone) if phone else None
        by_email = self.by_email.get(email) if email else None
        if by_phone and by_email and by_phone.pk != by_email.pk:
            raise ValidationError(
                {
                    "phone": _(
                        "The phone number belongs to %(phone_user)s but the e-mail address to %(email_user)s: "
                        "one row cannot update two people."
                    )
                    % {"phone_user": by_phone.username, "email_user": by_email.username}
                }
            )
        return by_phone or by_email

    def import_instance(self, instance, row, **kwargs):
        """Check the row and set the person's fields; raise ``ValidationError`` per column."""
        number = kwargs.get("row_number", 0)
        new = instance.pk is None
        before = _account(instance)
        errors: dict[str, list[str]] = {}

        def error(column, message):
            errors.setdefault(column, []).append(message)

        first_name = _cell(row.get("first_name"))
        last_name = _cell(row.get("last_name"))
        phone = _phone(row.get("phone"))
        raw_phone = _cell(row.get("phone"))
        email = _cell(row.get("email")).lower()
        for column, value in (("first_name", first_name), ("last_name", last_name)):
            if new and not value:
                error(column, _("This field is required."))
            elif len(value) > 150:
                error(column, _("At most 150 characters."))
        if not phone and not email:
            error("phone", _("Give a phone number or an e-mail address (or both)."))
        if raw_phone and not (phone.startswith("0") and len(phone) in (9, 10)):
            error(
                "phone",
                _("“%(value)s” is not a Thai phone number (0 and 9 or 10 digits).")
                % {"value": raw_phone},
            )
        if email:
            try:
                validate_email(email)
            except ValidationError:
                error(
                    "email",
                    _("“%(value)s” is not a valid e-mail address.") % {"value": email},
                )
        for column, value, seen in (
            ("phone", phone, self.seen_phones),
            ("email", email, self.seen_emails),
        ):
            if not value or column in errors:
                continue
            if value in seen:
                error(
                    column,
                    _("“%(value)s” is also on row %(row)s of this file.")
                    % {"value": value, "row": seen[value]},
                )
            else:
                seen[value] = number
            owner = (self.by_phone if column == "phone" else self.by_email).get(value)
            if owner is not None and owner.pk != instance.pk:
                error(
                    column,
                    _("“%(value)s” already belongs to another person (%(username)s).")
                    % {"value": value, "username": owner.username},
                )

        profile = self._check_region(row, new, error)

        role_value = _cell(row.get("role")).casefold()
        role = None
        if role_value:
            code = ROLE_ALIASES.get(role_value, role_value)
            if code not in ROLES:
                error(
                    "role",
                    _(
                        "“%(value)s” is not a role; use volunteer, trainer or administrator."
                    )
                    % {"value": row.get("role")},
                )
            else:
                role = ROLES[code]
        elif new:
            role = VOLUNTEER

        level = _cell(row.get("level")).lower()
        if level and level not in self.levels:
            error(
                "level",
                _("“%(value)s” is not a level code; use one of %(codes)s.")
                % {"value": level, "codes": ", ".join(self.levels) or "—"},
            )

        rename = False
        if not errors:
            username = (phone or email) if new else instance.username
            if not new:
                old_logins = {instance.phone, instance.email.lower()} - {""}
                if (
                    instance.username in old_logins
                    and (phone or email)
                    and (phone or email) != instance.username
                ):
                    username, rename = phone or email, True
            if new or rename:
                holder = self.by_username.get(username.lower())
                if holder is not None and holder.pk != instance.pk:
                    column = "phone" if username == phone else "email"
                    error(
                        column,
                        _("“%(value)s” is already someone's username.")
                        % {"value": username},
                    )
                else:
                    instance.username = username
        if errors:
            raise ValidationError(errors)

        if first_name:
            instance.first_name = first_name
        if last_name:
            instance.last_name = last_name
        if phone:
            instance.phone = phone
        if email:
            instance.email = email
        self.pending.append(
            PendingRow(
                number=number,
                user=instance,
                new=new,
                profile=profile,
                role=role,
                level=level,
                rename_username=rename,
                changed=new or _account(instance) != before,
            )
        )

    def _check_region(self, row, new, error) -> dict:
        province_raw = _cell(row.get("province"))
        district_raw = _cell(row.get("district"))
        subdistrict_raw = _cell(row.get("subdistrict"))
        village = _cell(row.get("village"))
        profile = {}
        if village:
            profile["village"] = village[:200]
        given = [province_raw, district_raw, subdistrict_raw]
        if not any(given) and not new:
            return profile  # an update that keeps the region
        for column, value in zip(
            ("province", "district", "subdistrict"), given, strict=True
        ):
            if not value:
                error(column, _("This field is required."))
        if not all(given):
            return profile
        province = self.regions.province(province_raw)
        if province is None:
            error(
                "province", _("Unknown province “%(value)s”.") % {"value": province_raw}
            )
            return profile
        district = self.regions.district(province, district_raw)
        if district is None:
            error(
                "district",
                _("“%(value)s” is not a district of %(province)s.")
                % {
                    "value": district_raw,
                    "province": geothai.province(province).name_th,
                },
            )
            return profile
        subdistrict = self.regions.subdistrict(district, subdistrict_raw)
        if subdistrict is None:
            error(
                "subdistrict",
                _("“%(value)s” is not a sub-district of %(district)s.")
                % {
                    "value": subdistrict_raw,
                    "district": geothai.district(district).name_th,
                },
            )
            return profile
        profile.update(
            province_code=province, district_code=district, subdistrict_code=subdistrict
        )
        return profile

    def save_instance(self, instance, is_create, row, **kwargs):
        """Nothing is written row by row: ``after_import`` writes the whole file at once."""

    def save_m2m(self, instance, row, **kwargs):
        pass

    # --- after the rows: write everything, or nothing --------------------------------

    def after_import(self, dataset, result, **kwargs):
        self.summary.total = len(dataset)
        self.summary.created = sum(1 for p in self.pending if p.new)
        self.summary.updated = sum(1 for p in self.pending if not p.new)
        for p in self.pending:
            if p.profile.get("subdistrict_code"):
                self.summary.regions[p.number] = region_label(p.profile)
        if (
            kwargs.get("dry_run")
            or result.has_errors()
            or result.has_validation_errors()
        ):
            return
        from .importing import write_pending

        write_pending(resource=self)

    # --- export --------------------------------------------------------------------------

    def get_queryset(self):
        return (
            User.objects.filter(is_active=True)
            .select_related("profile", "volunteer_status__level")
            .prefetch_related("groups")
            .order_by("pk")
        )

    def _profile(self, user):
        try:
            return user.profile
        except VolunteerProfile.DoesNotExist:
            return None

    def dehydrate_province(self, user):
        profile = self._profile(user)
        return profile.province_code if profile else ""

    def dehydrate_district(self, user):
        profile = self._profile(user)
        return profile.district_code if profile else ""

    def dehydrate_subdistrict(self, user):
        profile = self._profile(user)
        return profile.subdistrict_code if profile else ""

    def dehydrate_village(self, user):
        profile = self._profile(user)
        return profile.village if profile else ""

    def dehydrate_role(self, user):
        names = {g.name for g in user.groups.all()}
        for code in ("administrator", "trainer", "volunteer"):
            if ROLES[code] in names:
                return code
        return ""

    def dehydrate_level(self, user):
        status = getattr(user, "volunteer_status", None)
        return status.level.code if status and status.level_id else ""

    def export_field(self, field, instance, **kwargs):
        return neutralise(super().export_field(field, instance, **kwargs))


def region_label(profile: dict) -> str:
    """“sub-district, district, province” in Thai, from a profile's codes."""
    return " · ".join(
        area.name_th
        for area in (
            geothai.subdistrict(profile["subdistrict_code"]),
            geothai.district(profile["district_code"]),
            geothai.province(profile["province_code"]),
        )
        if area is not None
    )


def neutralise(value):
    """Make a cell a spreadsheet shows as text: a leading = + - @ gets a quote before it (OWASP)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def unusable_password() -> str:
    return make_password(None)


def export_bytes(fmt: str, queryset=None) -> bytes:
    """The volunteers as CSV (UTF-8 with BOM, so Thai Excel reads it) or xlsx bytes."""
    dataset = VolunteerResource().export(queryset)
    if fmt == "xlsx":
        return base_formats.XLSX().export_data(dataset)
    return ("\ufeff" + base_formats.CSV().export_data(dataset)).encode("utf-8")
