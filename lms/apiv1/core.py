"""The learner API's plumbing: bearer-token auth, throttles, pagination,
errors as ``{"code", "message", "fields"}``, and conditional GETs.

Endpoints live in ``endpoints/``; every one of them calls the same services
and selectors as the site's views, so a rule of the site is a rule here.
"""

import hashlib
import json
from collections.abc import Callable
from functools import wraps
from typing import Annotated, Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.cache import get_conditional_response, set_response_etag
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Field, Schema
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError
from ninja.pagination import PageNumberPagination
from ninja.parser import Parser
from ninja.renderers import JSONRenderer
from ninja.throttling import SimpleRateThrottle
from pydantic import AfterValidator
from wagtail.api.v3.auth import BearerTokenAuth

from lms.accounts.models import normalize_phone
from lms.clientip import client_ip

from .middleware import too_large

# Ids in paths and bodies: positive and within a database integer, so an
# absurd number is a validation error, not a database overflow.
Id = Annotated[int, Field(ge=1, le=2_147_483_647)]


def _no_nul(value: str) -> str:
    # PostgreSQL text cannot hold NUL; refuse it at the door.
    if "\x00" in value:
        raise ValueError("NUL characters are not allowed")
    return value


Text = Annotated[str, AfterValidator(_no_nul)]


class ErrorOut(Schema):
    """Every error: a stable code for programs, a message for people (in the
    request's language), and per-field messages for validation errors."""

    code: str = Field(..., examples=["not_found"])
    message: str
    fields: dict[str, list[str]] = Field(default_factory=dict)


class ApiError(Exception):
    """Raised by endpoints: turned into an ``ErrorOut`` response."""

    def __init__(self, status: int, code: str, message: str, fields=None):
        super().__init__(message)
        self.status, self.code, self.message = status, code, str(message)
        self.fields = fields or {}


def not_found() -> ApiError:
    return ApiError(404, "not_found", _("Not found."))


def errors(*statuses: int) -> dict[int, type[ErrorOut]]:
    """The documented error responses of an operation (401/422/429 always)."""
    return dict.fromkeys({401, 422, 429, *statuses}, ErrorOut)


def public_errors(*statuses: int) -> dict[int, type[ErrorOut]]:
    """Error responses of an operation that needs no token."""
    return dict.fromkeys({422, 429, *statuses}, ErrorOut)


# --- Authentication --------------------------------------------------------


class TokenAuth(BearerTokenAuth):
    """``Authorization: Bearer <token>`` with Wagtail's API tokens; the person
    becomes ``request.user``.

    The session cookie is ignored on purpose: without it no cross-site form
    can act for a signed-in browser, so the API needs no CSRF token.
    """

    def authenticate(self, request: HttpRequest, token: str):
        found = super().authenticate(request, token.strip()[:200])
        request.api_token = found
        return found


def anonymous(request: HttpRequest) -> HttpRequest:
    """Public content is the same for everyone: ignore any session."""
    request.user = AnonymousUser()
    return request


# --- Throttling --------------------------------------------------------------

DEFAULT_RATES = {"sign_in": "10/min", "user": "600/min", "anon": "300/min"}


def rate(scope: str) -> str:
    return {**DEFAULT_RATES, **getattr(settings, "LMS_API_THROTTLE_RATES", {})}[scope]


class SettingsRateThrottle(SimpleRateThrottle):
    """A throttle whose rate is read from ``LMS_API_THROTTLE_RATES`` at each
    request, so settings (and tests) can change it without a restart."""

    def __init__(self, scope: str):
        self.scope = scope
        super().__init__(rate=rate(scope))

    def get_ident(self, request: HttpRequest) -> str:
        # The one client address of every limit (DJANGO_PROXY_COUNT hops).
        return client_ip(request)

    def allow_request(self, request: HttpRequest) -> bool:
        self.rate = rate(self.scope)
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)


class SignInThrottle(SettingsRateThrottle):
    """Token requests per client address: slows password guessing."""

    def __init__(self):
        super().__init__("sign_in")

    def get_cache_key(self, request: HttpRequest) -> str:
        return self.cache_format % {
            "scope": self.scope,
            "ident": self.get_ident(request),
        }


class SignInLoginThrottle(SignInThrottle):
    """Token requests per login (phone or e-mail), whatever the address: slows
    guessing one person's password from many machines."""

    def get_cache_key(self, request: HttpRequest) -> str | None:
        try:
            login = str(json.loads(request.body or b"{}").get("login", ""))
        except (ValueError, AttributeError, RequestDataTooBig):
            return None  # not a JSON object, or too big: refused anyway
        login = login.strip().lower()
        if not login:
            return None
        if "@" not in login:
            login = normalize_phone(login) or login
        digest = hashlib.sha256(login.encode()).hexdigest()
        return self.cache_format % {"scope": "sign_in_login", "ident": digest}


class PersonThrottle(SettingsRateThrottle):
    """Calls per signed-in person (all their tokens together), or per address."""

    def __init__(self):
        super().__init__("user")

    def get_cache_key(self, request: HttpRequest) -> str:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return self.cache_format % {"scope": self.scope, "ident": user.pk}
        self.rate = rate("anon")
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return self.cache_format % {"scope": "anon", "ident": self.get_ident(request)}


# --- Pagination --------------------------------------------------------------


class Pages(PageNumberPagination):
    """``?page=2&page_size=50`` → ``{"items": [...], "count": 123}``."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=100_000)
        page_size: int | None = Field(None, ge=1, le=100)

    def __init__(self, **kwargs):
        super().__init__(page_size=20, max_page_size=100, **kwargs)


# --- Parsing, rendering and errors ---------------------------------------------


class NotAnObject(ValueError):
    """A JSON body that is valid JSON but not an object (``[]``, ``"x"``, ``1``)."""


class ObjectParser(Parser):
    """Every body of this API is a JSON object; anything else is refused
    (Ninja would otherwise read ``[]`` as "no fields sent")."""

    def parse_body(self, request: HttpRequest):
        data = json.loads(request.body)
        if not isinstance(data, dict):
            raise NotAnObject("the request body is not a JSON object")
        return data


class Renderer(JSONRenderer):
    # Thai text as UTF-8, not \u escapes: a third of the bytes on the wire.
    json_dumps_params = {"ensure_ascii": False}


# Pydantic's messages are English; these are the ones a client meets.
FIELD_MESSAGES = {
    "missing": gettext_lazy("This field is required."),
    "int_parsing": gettext_lazy("Enter a whole number."),
    "int_type": gettext_lazy("Enter a whole number."),
    "greater_than_equal": gettext_lazy("The number is too small."),
    "less_than_equal": gettext_lazy("The number is too large."),
    "string_too_long": gettext_lazy("The text is too long."),
    "string_too_short": gettext_lazy("The text is too short."),
    "string_type": gettext_lazy("Enter text."),
    "list_type": gettext_lazy("Enter a list."),
    "float_parsing": gettext_lazy("Enter a number, such as 12 or 3.5."),
    "float_type": gettext_lazy("Enter a number, such as 12 or 3.5."),
    "finite_number": gettext_lazy("Enter a number, such as 12 or 3.5."),
    "too_long": gettext_lazy("There are too many items."),
    "uuid_parsing": gettext_lazy("Enter a valid identifier."),
    "json_invalid": gettext_lazy("The request body is not valid JSON."),
    "model_attributes_type": gettext_lazy("The request body must be a JSON object."),
    "dict_type": gettext_lazy("The request body must be a JSON object."),
}


def field_name(loc) -> str:
    """``["body", "payload", "answers", 0, "question"]`` → ``answers.0.question``."""
    parts = [str(p) for p in loc]
    if parts and parts[0] in {"body", "query", "path", "header", "form"}:
        source, parts = parts[0], parts[1:]
        if source == "body" and len(parts) > 1:
            parts = parts[1:]  # the operation's parameter name
    return ".".join(parts) or "body"


def error_response(api, request, status: int, code: str, message, fields=None):
    data = {"code": code, "message": str(message), "fields": fields or {}}
    return api.create_response(request, data, status=status)


def install_error_handlers(api) -> None:
    @api.exception_handler(ApiError)
    def _api_error(request, exc: ApiError):
        return error_response(
            api, request, exc.status, exc.code, exc.message, exc.fields
        )

    @api.exception_handler(ValidationError)
    def _validation(request, exc: ValidationError):
        fields: dict[str, list[str]] = {}
        for error in exc.errors:
            message = FIELD_MESSAGES.get(
                error.get("type"), _("This value is not valid.")
            )
            if error.get("type") == "dict_type" and len(error.get("loc", ())) > 2:
                # A field inside the body (a matching answer), not the body.
                message = _("Enter an object of names and values.")
            fields.setdefault(field_name(error.get("loc", ())), []).append(str(message))
        return error_response(
            api,
            request,
            422,
            "validation_error",
            _("Check the fields named below."),
            fields,
        )

    @api.exception_handler(AuthenticationError)
    def _unauthenticated(request, exc):
        response = error_response(
            api,
            request,
            401,
            "not_authenticated",
            _("Sign in first: send a valid token as “Authorization: Bearer …”."),
        )
        response["WWW-Authenticate"] = "Bearer"
        return response

    @api.exception_handler(Throttled)
    def _throttled(request, exc):
        return error_response(
            api, request, 429, "rate_limited", _("Too many requests; wait a minute.")
        )

    @api.exception_handler(Http404)
    def _not_found(request, exc):
        return error_response(api, request, 404, "not_found", _("Not found."))

    @api.exception_handler(RequestDataTooBig)
    def _too_big(request, exc):
        return too_large()

    @api.exception_handler(HttpError)
    def _http_error(request, exc: HttpError):
        if exc.status_code == 400:
            # Ninja's "Cannot parse request body": a validation error of the body.
            kind = (
                "model_attributes_type"
                if isinstance(exc.__cause__, NotAnObject)
                else "json_invalid"
            )
            return error_response(
                api,
                request,
                422,
                "validation_error",
                _("Check the fields named below."),
                {"body": [str(FIELD_MESSAGES[kind])]},
            )
        codes = {400: "bad_request", 403: "forbidden", 405: "method_not_allowed"}
        return error_response(
            api, request, exc.status_code, codes.get(exc.status_code, "error"), str(exc)
        )


# --- Conditional GET -----------------------------------------------------------


def conditional(last_modified: Callable[..., Any] | None = None):
    """ETag (a hash of the body) and, when given, Last-Modified, on a GET.

    A phone that sends ``If-None-Match`` (or ``If-Modified-Since``) for
    content it has gets ``304 Not Modified`` and no body. The ETag hashes the
    body itself, so it changes with anything shown (including competency
    names edited outside the page), and never wrongly stays the same.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            if request.method not in ("GET", "HEAD") or response.status_code != 200:
                return response
            stamp = last_modified(request, **kwargs) if last_modified else None
            if stamp is not None:
                response["Last-Modified"] = http_date(stamp.timestamp())
            set_response_etag(response)
            response["Cache-Control"] = "no-cache"
            return get_conditional_response(
                request,
                etag=response["ETag"],
                last_modified=int(stamp.timestamp()) if stamp else None,
                response=response,
            )

        return wrapper

    return decorator


def json_not_found(request: HttpRequest, *args, **kwargs) -> HttpResponse:
    """Unknown paths under /api/v1/: a JSON 404 (not the site's HTML page)."""
    request.urlconf = "lms.apiv1.urlconf"
    return JsonResponse(
        {"code": "not_found", "message": _("Not found."), "fields": {}},
        status=404,
        json_dumps_params={"ensure_ascii": False},
    )
