"""Signing in for a token, the person's tokens, and their profile."""

from datetime import datetime

from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from lms.accounts import selectors as account_selectors
from lms.accounts import services as account_services
from lms.accounts.forms import ProfileForm

from .. import selectors, services
from ..core import (
    ApiError,
    Id,
    Pages,
    SignInLoginThrottle,
    SignInThrottle,
    Text,
    errors,
    not_found,
    public_errors,
)

auth_router = Router(tags=["auth"])
profile_router = Router(tags=["profile"])


class TokenIn(Schema):
    login: Text = Field(
        ..., min_length=1, max_length=254, description="Phone or e-mail"
    )
    password: Text = Field(..., min_length=1, max_length=4096)
    name: Text = Field(
        "mobile app", min_length=1, max_length=100, description="e.g. the phone's name"
    )


class TokenOut(Schema):
    id: int
    name: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None
    current: bool = False


class NewTokenOut(Schema):
    token: str = Field(..., description="Shown once: keep it on the device")
    details: TokenOut


class ProfileOut(Schema):
    id: int
    first_name: str
    last_name: str
    phone: str
    email: str
    province_code: str
    province_name: str
    district_code: str
    district_name: str
    subdistrict_code: str
    subdistrict_name: str
    village: str
    organisation: str


class ProfileIn(Schema):
    """Only the fields sent change; the others keep their values."""

    first_name: Text | None = Field(None, max_length=150)
    last_name: Text | None = Field(None, max_length=150)
    phone: Text | None = Field(None, max_length=20)
    email: Text | None = Field(None, max_length=254)
    province_code: Text | None = Field(None, max_length=2)
    district_code: Text | None = Field(None, max_length=4)
    subdistrict_code: Text | None = Field(None, max_length=6)
    village: Text | None = Field(None, max_length=200)
    organisation: Text | None = Field(None, max_length=200)
    current_password: Text | None = Field(
        None,
        max_length=4096,
        description="Required to change the phone number or e-mail address",
    )


def token_out(token, request=None) -> dict:
    current = getattr(request, "api_token", None)
    return {
        "id": token.pk,
        "name": token.name,
        "prefix": token.prefix,
        "created_at": token.created,
        "last_used_at": token.last_used_at,
        "revoked_at": token.revoked_at,
        "current": current is not None and current.pk == token.pk,
    }


@auth_router.post(
    "/token",
    auth=None,
    throttle=[SignInThrottle(), SignInLoginThrottle()],
    response={201: NewTokenOut, **public_errors(401)},
    summary="Sign in with phone or e-mail and password; get a token",
)
def token_create(request, payload: TokenIn):
    """The same sign-in rules as the site's login form. Send the token as
    ``Authorization: Bearer <token>``; it works until revoked (here, on the
    profile page, or by an administrator)."""
    issued = services.api_token_sign_in(
        request=request,
        login=payload.login,
        password=payload.password,
        name=payload.name,
    )
    if issued is None:
        raise ApiError(
            401,
            "invalid_credentials",
            _(
                "The phone number, e-mail or password is not right. Passwords are case-sensitive."
            ),
        )
    token, raw = issued
    return Status(201, {"token": raw, "details": token_out(token)})


@auth_router.get("/tokens", response={200: list[TokenOut], **errors()})
@paginate(Pages)
def token_list(request):
    """The person's tokens, active first (``current`` marks the one in use)."""
    return [
        token_out(t, request) for t in selectors.api_tokens_for_user(user=request.user)
    ]


@auth_router.delete("/tokens/{token_id}", response={204: None, **errors(404)})
def token_revoke(request, token_id: Id):
    """Revoke one of the person's own tokens (anyone else's: 404)."""
    token = selectors.api_tokens_for_user(user=request.user).filter(pk=token_id).first()
    if token is None:
        raise not_found()
    services.api_token_revoke(token=token, by=request.user)
    return Status(204, None)


@auth_router.delete("/token", response={204: None, **errors()})
def token_revoke_current(request):
    """Sign out: revoke the token this request was sent with."""
    services.api_token_revoke(token=request.api_token, by=request.user)
    return Status(204, None)


def profile_out(user) -> dict:
    profile = account_selectors.profile_of(user)
    data = {
        "id": user.pk,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "phone": user.phone,
        "email": user.email,
    }
    for name in ("province", "district", "subdistrict"):
        data[f"{name}_code"] = getattr(profile, f"{name}_code", "") if profile else ""
        data[f"{name}_name"] = (
            (getattr(profile, f"{name}_name", "") or "") if profile else ""
        )
    data["village"] = profile.village if profile else ""
    data["organisation"] = profile.organisation if profile else ""
    return data


@profile_router.get("/me", response={200: ProfileOut, **errors()})
def profile_read(request):
    """The signed-in person's details, region names in the request's language."""
    return profile_out(request.user)


@profile_router.patch("/me", response={200: ProfileOut, **errors()})
def profile_update(request, payload: ProfileIn):
    """Change some details. Checked by the site's own profile form (Thai
    mobile numbers, unique phone and e-mail, region codes that belong
    together); nothing is saved if any field is refused. Changing the phone
    number or e-mail (the sign-in names) needs ``current_password`` too, so a
    stolen token cannot take the account over through a password reset."""
    user = request.user
    changes = payload.dict(exclude_unset=True, exclude_none=True)
    current_password = changes.pop("current_password", None)
    data = {**account_selectors.profile_initial(user), **changes}
    password_error = services.current_password_error(
        user=user, changes=changes, password=current_password
    )
    form = ProfileForm({k: v or "" for k, v in data.items()}, user=user)
    if not form.is_valid() or password_error:
        fields = {
            ("body" if name == "__all__" else name): [str(m) for m in messages]
            for name, messages in form.errors.items()
        }
        if password_error:
            fields["current_password"] = [password_error]
        raise ApiError(
            422, "validation_error", _("Check the fields named below."), fields
        )
    account_services.profile_update(user=user, **form.cleaned_data)
    user.refresh_from_db()
    return profile_out(user)
