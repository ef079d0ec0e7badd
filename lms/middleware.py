"""Request hygiene shared by every view.

- ``ControlCharactersMiddleware``: control characters (NUL and the rest of
  C0/C1, but tab and line breaks) are removed from GET parameters before any
  view reads them. PostgreSQL text cannot hold NUL at all, and no field of
  ours means anything by them, so dropping them loses nothing and no query
  string can turn into a database error.
- ``DatabaseUnavailableMiddleware``: a database that is briefly unreachable (a
  PostgreSQL restart or fail-over) answers 503 with ``Retry-After``, a
  translated page, and no traceback for the visitor, instead of a 500.
  Django's persistent connections are health-checked (``CONN_HEALTH_CHECKS``),
  so the next request reconnects by itself.
"""

import logging
import re

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse, QueryDict
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _

logger = logging.getLogger("lms")

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def strip_control_characters(value: str) -> str:
    return _CONTROL.sub("", value)


class ControlCharactersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        params = list(request.GET.lists())
        if any(_CONTROL.search(k) or _CONTROL.search("".join(v)) for k, v in params):
            cleaned = QueryDict(mutable=True)
            for key, values in params:
                cleaned.setlist(
                    strip_control_characters(key),
                    [strip_control_characters(v) for v in values],
                )
            cleaned._mutable = False
            request.GET = cleaned
        return self.get_response(request)


# SQLite result codes (the low byte of ``sqlite_errorcode``) that mean the
# database cannot be reached or used right now, not that a query is wrong:
# BUSY, LOCKED, NOMEM, IOERR, FULL, CANTOPEN, PROTOCOL.
_SQLITE_UNAVAILABLE = {5, 6, 7, 10, 13, 14, 15}
# PostgreSQL SQLSTATEs of the same kind: class 08 (connection exception),
# admin/crash shutdown, cannot connect now, too many connections,
# insufficient resources.
_POSTGRES_UNAVAILABLE_PREFIXES = ("08", "57P01", "57P02", "57P03", "53")


def is_connection_failure(exception: BaseException) -> bool:
    """True when a database error means "the database is unavailable" (retry
    later), False when it is a query error (a bug: a 500, logged).

    Decided from the driver's error Django wraps (``__cause__``): an
    ``InterfaceError`` (a closed connection), a psycopg ``OperationalError``
    without a SQLSTATE (it never reached the server, or the server went away)
    or with a connection SQLSTATE, or an SQLite busy/locked/I/O/cannot-open
    code. A syntax error, an unknown table or a statement timeout is not.
    """
    if not isinstance(exception, (OperationalError, InterfaceError)):
        return False
    cause = exception.__cause__
    if type(cause).__module__ == "sqlite3":
        # An SQLite InterfaceError is a parameter it cannot bind: a bug.
        code = getattr(cause, "sqlite_errorcode", None)
        return code is not None and (code & 0xFF) in _SQLITE_UNAVAILABLE
    if isinstance(exception, InterfaceError):
        return True  # psycopg: the connection is closed
    if cause is None:
        return False  # raised by Django or our code itself, not the driver
    if type(cause).__module__.startswith("psycopg"):
        sqlstate = getattr(cause, "sqlstate", None)
        return sqlstate is None or sqlstate.startswith(_POSTGRES_UNAVAILABLE_PREFIXES)
    return False


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_connection_failure(exception):
            return None  # Django logs it and answers 500
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
