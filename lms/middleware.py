"""A database that is briefly unreachable (a PostgreSQL restart or fail-over)
answers 503 with ``Retry-After``, a translated page, and no traceback for the
visitor, instead of a 500. Django's persistent connections are health-checked
(``CONN_HEALTH_CHECKS``), so the next request reconnects by itself."""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _

logger = logging.getLogger("lms")


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        logger.warning("database unavailable: %s", type(exception).__name__)
        if request.path.startswith("/api/"):
            response = JsonResponse(
                {
                    "code": "unavailable",
                    "message": _(
                        "The service is briefly unavailable. Try again in a moment."
                    ),
                    "fields": {},
                },
                status=503,
            )
        else:
            # No request context: its processors would ask the database again.
            html = render_to_string("503.html", {"LANGUAGE_CODE": get_language()})
            response = HttpResponse(html, status=503)
        response["Retry-After"] = "5"
        return response
