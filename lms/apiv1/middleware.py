"""Request hygiene for the learner API, before any view runs.

- A write (POST, PUT, PATCH) with a body must say ``Content-Type:
  application/json`` (or a ``+json`` type): anything else is ``415``.
- A body over ``DATA_UPLOAD_MAX_MEMORY_SIZE`` is ``413`` in the API's JSON
  error shape, not Django's HTML 400 page (a body without a length that
  turns out too big is caught by the API's exception handler the same way).
"""

from django.conf import settings
from django.http import JsonResponse
from django.utils.translation import gettext as _

API_PREFIX = "/api/v1/"
WRITES = {"POST", "PUT", "PATCH"}


def api_error(status: int, code: str, message: str) -> JsonResponse:
    return JsonResponse(
        {"code": code, "message": str(message), "fields": {}},
        status=status,
        json_dumps_params={"ensure_ascii": False},
    )


def too_large() -> JsonResponse:
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return api_error(
        413,
        "payload_too_large",
        _("The request body is too large (at most %(kb)s KB).")
        % {"kb": (limit or 0) // 1024},
    )


def is_json(content_type: str) -> bool:
    media = content_type.split(";", 1)[0].strip().lower()
    return media == "application/json" or (
        media.startswith("application/") and media.endswith("+json")
    )


def _has_body(request) -> bool:
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    return length > 0 or "HTTP_TRANSFER_ENCODING" in request.META


class ApiRequestMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(API_PREFIX) and request.method in WRITES:
            if _has_body(request) and not is_json(request.META.get("CONTENT_TYPE", "")):
                return api_error(
                    415,
                    "unsupported_media_type",
                    _(
                        "Send the request body as JSON (Content-Type: application/json)."
                    ),
                )
            limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0
            if limit is not None and length > limit:
                return too_large()
        return self.get_response(request)
