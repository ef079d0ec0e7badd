"""Sends a person who must accept a new privacy notice to the notice first."""

from urllib.parse import urlencode

from django.http import HttpResponseRedirect
from django.urls import reverse

from .services import SESSION_KEY

# Paths that stay reachable while the notice waits: the notice itself, signing
# out, the language switch, static files and the API (tokens, not sessions).
_OPEN = ("/static/", "/media/", "/i18n/", "/api/", "/healthz", "/verify/")


class NoticeMiddleware:
    """No query per request: the sign-in signal stores in the session whether
    the person owes an acceptance; this only reads the session."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and session.get(SESSION_KEY):
            path = request.path
            notice_url = reverse("dataprotection:notice")
            accept_url = reverse("dataprotection:accept")
            if not (
                path.startswith(_OPEN)
                or path.startswith(notice_url)
                or path == reverse("accounts:logout")
                or request.path.endswith("/logout/")
            ):
                return HttpResponseRedirect(
                    f"{accept_url}?{urlencode({'next': request.get_full_path()})}"
                )
        return self.get_response(request)
