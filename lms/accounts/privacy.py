"""Personal data held by accounts (see lms.dataprotection.registry)."""

from django.contrib.auth.hashers import make_password
from django.utils.translation import gettext_lazy as _

from lms.dataprotection.registry import ANONYMISE, DELETE, KEEP, PersonalData, register

ACCOUNT_RETENTION = _(
    "while the account is in use; anonymised after the inactivity period "
    "(PRIVACY_RETENTION) or on an approved erasure request"
)


def erase_user(queryset, user) -> None:
    """Blank the identity, keep the row (and its id) so reports still count it."""
    queryset.update(
        first_name="",
        last_name="",
        email="",
        phone="",
        username=f"erased-{user.pk}",
        password=make_password(None),
        is_active=False,
        is_staff=False,
        is_superuser=False,
        last_login=None,
    )


register(
    PersonalData(
        model="accounts.User",
        title=_("Account"),
        subject="pk",
        fields=(
            "username",
            "first_name",
            "last_name",
            "phone",
            "email",
            "date_joined",
            "last_login",
            "is_active",
        ),
        not_personal=("password",),
        purpose=_("signing in; telling trainers and certificates who the person is"),
        legal_basis=_("contract (PDPA s. 24(3)): the volunteer programme's training"),
        retention=ACCOUNT_RETENTION,
        erase=ANONYMISE,
        eraser=erase_user,
    ),
    PersonalData(
        model="accounts.VolunteerProfile",
        title=_("Profile"),
        fields=(
            "province_code",
            "district_code",
            "subdistrict_code",
            "village",
            "organisation",
        ),
        purpose=_(
            "serving volunteers by region: trainers of the province, regional reports"
        ),
        legal_basis=_("contract (PDPA s. 24(3)); public task (s. 24(4)) for reports"),
        retention=ACCOUNT_RETENTION,
        erase=ANONYMISE,
        # Region codes stay so regional totals do not change; nothing else is left
        # to link them to a person once the account is anonymised.
        anonymise={"village": "", "organisation": ""},
    ),
    PersonalData(
        model="accounts.PasswordResetCode",
        title=_("Password reset codes"),
        fields=("phone", "ip_address", "created_at", "expires_at", "used_at"),
        # Only a keyed hash of the code is stored; it is useless once used or expired.
        not_personal=("code_hash",),
        purpose=_("resetting a forgotten password with a code sent by SMS"),
        legal_basis=_("contract (PDPA s. 24(3))"),
        retention=_("one hour after the code was requested"),
        erase=DELETE,
    ),
    PersonalData(
        model="accounts.TrainerScope",
        title=_("Provinces served (trainers)"),
        fields=("province_code",),
        purpose=_("limiting a trainer to the volunteers of their provinces"),
        legal_basis=_("legitimate interest (PDPA s. 24(5)): need-to-know access"),
        retention=ACCOUNT_RETENTION,
        erase=DELETE,
    ),
    PersonalData(
        model="accounts.VolunteerImport",
        title=_("Volunteer imports"),
        subject=None,
        actors=("created_by",),
        not_personal=("file_name",),
        purpose=_("audit: who imported which file"),
        legal_basis=_("legal obligation and legitimate interest (audit)"),
        retention=_("kept with the audit log"),
        erase=KEEP,
    ),
)
