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

from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from import_export import fields, resources
from import_export.formats import base_formats

from competencies.models import VolunteerLevel
from lms.accounts.models import VolunteerProfile
from lms.accounts.roles import VOLUNTEER

from .files import (
    COLUMNS,
    LOOKUP_CHUNK,
    ROLE_ALIASES,
    ROLES,
    cell_phone,
    cell_text,
    neutralise,
)
from .regions import region_label, region_profile, regions

User = get_user_model()


# --- The resource -----------------------------------------------------------------------


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

    def __init__(
        self,
        *,
        by=None,
        file_name: str = "",
        write: Callable[..., None] | None = None,
        **kwargs,
    ):
        """``write(resource=…)`` writes a fully valid file (``writing.write_pending``);
        without it the resource only checks rows and exports."""
        super().__init__(**kwargs)
        self.by = by
        self.file_name = file_name
        self.write = write
        self.summary = ImportSummary()

    # --- before the rows: load every lookup once -------------------------------------

    def before_import(self, dataset, **kwargs):
        self.pending: list[PendingRow] = []
        self.seen_phones: dict[str, int] = {}
        self.seen_emails: dict[str, int] = {}
        self.regions = regions()
        phones, emails, names = set(), set(), set()
        for row in dataset.dict:
            phone = cell_phone(row.get("phone"))
            email = cell_text(row.get("email")).lower()
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
        phone = cell_phone(row.get("phone"))
        email = cell_text(row.get("email")).lower()
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

        first_name = cell_text(row.get("first_name"))
        last_name = cell_text(row.get("last_name"))
        phone = cell_phone(row.get("phone"))
        raw_phone = cell_text(row.get("phone"))
        email = cell_text(row.get("email")).lower()
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

        profile = region_profile(self.regions, row, new=new, error=error)

        role_value = cell_text(row.get("role")).casefold()
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

        level = cell_text(row.get("level")).lower()
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
        if self.write is not None:
            self.write(resource=self)

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


def export_bytes(fmt: str, queryset=None) -> bytes:
    """The volunteers as CSV (UTF-8 with BOM, so Thai Excel reads it) or xlsx bytes."""
    dataset = VolunteerResource().export(queryset)
    if fmt == "xlsx":
        return base_formats.XLSX().export_data(dataset)
    return ("\ufeff" + base_formats.CSV().export_data(dataset)).encode("utf-8")
