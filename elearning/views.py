"""The learner's package actions and the sandboxed package file server.

Learner actions (start, commit, xAPI) are POSTs with CSRF from the signed-in
learner's own page, on their own attempts only. Package files are served by
``run`` under a signed token, with a Content-Security-Policy ``sandbox``
(no ``allow-same-origin``): the package runs in an opaque origin, so it can
read none of the site's cookies or storage and its requests to the site go
without the learner's session; it reaches the site only through
``postMessage`` to the player page, which checks where messages come from.
"""

import json
import mimetypes
import re

from csp.decorators import csp_exempt
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import (
    FileResponse,
    Http404,
    HttpResponse,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import get_object_or_404
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET, require_POST

from . import archive, services
from .models import Package, PackageAttempt, PackageKind, PackagePage

MAX_BODY = services.MAX_CMI_BYTES
OFFLINE_MAX_AGE = 365 * 24 * 60 * 60

# Types browsers need to run packages; everything else by extension, else bytes.
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".xml": "application/xml",
    ".xsd": "application/xml",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".mp3": "audio/mpeg",
    ".mp4": "video/mp4",
    ".webm": "video/webm",
    ".ogg": "audio/ogg",
    ".wav": "audio/wav",
    ".vtt": "text/vtt",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".txt": "text/plain; charset=utf-8",
    ".pdf": "application/pdf",
}
HTML = (".html", ".htm")
HEAD = re.compile(rb"<head(\s[^>]*)?>", re.IGNORECASE)
HTML_TAG = re.compile(rb"<html(\s[^>]*)?>", re.IGNORECASE)


def _content_type(name: str) -> str:
    lower = name.lower()
    for ext, ctype in TYPES.items():
        if lower.endswith(ext):
            return ctype
    guessed, _encoding = mimetypes.guess_type(lower)
    return guessed or "application/octet-stream"


def _origin(request) -> str:
    return f"{request.scheme}://{request.get_host()}"


def package_policy(request) -> str:
    """The package frame's CSP: sandboxed without same-origin, framed only by
    the site, scripts and styles from the site (packages need inline ones)."""
    here = f"'self' {_origin(request)}"
    return "; ".join(
        [
            "sandbox allow-scripts allow-forms allow-popups allow-modals",
            f"default-src {here}",
            f"script-src {here} 'unsafe-inline' 'unsafe-eval'",
            f"style-src {here} 'unsafe-inline'",
            f"img-src {here} data: blob:",
            f"media-src {here} data: blob:",
            f"font-src {here} data:",
            f"connect-src {here}",
            f"frame-src {here}",
            "object-src 'none'",
            "form-action 'none'",
            "base-uri 'none'",
            "frame-ancestors 'self'",
        ]
    )


def _sandboxed(request, response: HttpResponse) -> HttpResponse:
    response["Content-Security-Policy"] = package_policy(request)
    response["Access-Control-Allow-Origin"] = "*"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=600"
    response["Referrer-Policy"] = "no-referrer"
    return response


def _runtime_tags(token: str, package: Package) -> bytes:
    runtime = (
        "elearning/vendor/scorm12.min.js"
        if package.kind == PackageKind.SCORM_12
        else "elearning/vendor/scorm2004.min.js"
    )
    state = _run_url(token, "__lms__/state.js")
    tags = "".join(
        f'<script src="{src}"></script>'
        for src in (static(runtime), state, static("elearning/scorm-bridge.js"))
    )
    return tags.encode()


def _inject(content: bytes, tags: bytes) -> bytes:
    """The SCORM runtime first thing in the document, so the package finds
    ``API`` / ``API_1484_11`` in its own window when it starts."""
    for pattern in (HEAD, HTML_TAG):
        match = pattern.search(content, 0, 64 * 1024)
        if match:
            return content[: match.end()] + tags + content[match.end() :]
    return tags + content


def _run_url(token: str, path: str) -> str:
    return reverse("elearning_run:run", kwargs={"token": token, "path": path})


def _js_json(value) -> str:
    return (
        json.dumps(value, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _state(request, package: Package, attempt: PackageAttempt | None) -> HttpResponse:
    page = PackagePage.objects.filter(pk=attempt.page_id).first() if attempt else None
    pass_mark = page.effective_pass_mark() if page else package.mastery_score
    body = (
        "window.LMS_PACKAGE = "
        + _js_json(
            {
                "kind": package.kind,
                "origin": _origin(request),
                "attempt": str(attempt.public_id) if attempt else None,
                "seq": attempt.seq if attempt else 0,
                "cmi": services.start_cmi(
                    package=package, attempt=attempt, pass_mark=pass_mark
                ),
            }
        )
        + ";\n"
    )
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    _sandboxed(request, response)
    response["Cache-Control"] = "no-store"
    return response


def _h5p_player(request, token: str) -> HttpResponse:
    base = _run_url(token, "x")[:-2]
    body = f"""<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="{static("elearning/h5p/styles/h5p.css")}">
<style>body{{margin:0;font-family:sans-serif}}</style>
</head><body>
<div id="h5p-container" data-base="{base}" data-frame-js="{static("elearning/h5p/frame.bundle.js")}" data-frame-css="{static("elearning/h5p/styles/h5p.css")}"></div>
<script src="{base}/__lms__/state.js"></script>
<script src="{static("elearning/h5p/main.bundle.js")}"></script>
<script src="{static("elearning/h5p-bridge.js")}"></script>
</body></html>"""
    return _sandboxed(
        request, HttpResponse(body, content_type="text/html; charset=utf-8")
    )


@csp_exempt()
@xframe_options_sameorigin
@require_GET
def run(request, token: str, path: str):
    """A package's file, its starting state or our H5P player page, for the sandboxed frame."""
    try:
        claims = services.run_token_read(token)
    except signing.BadSignature as err:
        raise Http404 from err
    package = Package.objects.filter(public_id=claims.get("p")).first()
    if package is None:
        raise Http404
    attempt = None
    if claims.get("a"):
        attempt = PackageAttempt.objects.filter(
            public_id=claims["a"], package=package
        ).first()
    response = _package_file(request, token, path, package, attempt)
    if claims.get("offline"):
        # Stable URLs of files that never change: kept for studying offline.
        response["Cache-Control"] = f"private, max-age={OFFLINE_MAX_AGE}, immutable"
    return response


def _package_file(request, token, path, package, attempt) -> HttpResponse:
    if path == "__lms__/state.js":
        return _state(request, package, attempt)
    if path == "__lms__/h5p.html" and package.kind == PackageKind.H5P:
        return _h5p_player(request, token)
    name = archive.safe_name(path)
    if name is None or name.startswith("__lms__"):
        raise Http404
    root = package.directory.resolve()
    target = (package.directory / name).resolve()
    if root not in target.parents or not target.is_file():
        raise Http404
    ctype = _content_type(name)
    if package.is_scorm and name.lower().endswith(HTML):
        content = _inject(target.read_bytes(), _runtime_tags(token, package))
        return _sandboxed(request, HttpResponse(content, content_type=ctype))
    return _sandboxed(request, FileResponse(open(target, "rb"), content_type=ctype))


@login_required
@require_POST
def start(request, page_id: int):
    """Start a new attempt (or go back to the open one), then show the player."""
    page = get_object_or_404(PackagePage.objects.live(), pk=page_id)
    try:
        services.attempt_open(user=request.user, page=page)
    except services.PackageRunError as err:
        messages.error(request, str(err))
    return HttpResponseRedirect(page.url + "#player")


def _status(attempt: PackageAttempt) -> dict:
    page = PackagePage.objects.filter(pk=attempt.page_id).first()
    pass_mark = page.effective_pass_mark() if page else None
    passed, done = services.judge(
        completed=attempt.completed,
        success=attempt.success_status,
        score=attempt.score,
        pass_mark=pass_mark,
    )
    score = None if attempt.score is None else round(attempt.score)
    if done:
        message = (
            _("Completed and passed with %(score)s%%.") % {"score": score}
            if passed and score is not None
            else _("Completed.")
        )
    elif attempt.completed and passed is False:
        message = (
            _("Not passed: %(score)s%%, the pass mark is %(mark)s%%. Try again.")
            % {"score": score, "mark": round(pass_mark)}
            if score is not None and pass_mark is not None
            else _("Not passed. Try again.")
        )
    else:
        message = _("Your progress is saved.")
    return {
        "attempt": str(attempt.public_id),
        "seq": attempt.seq,
        "completed": attempt.completed,
        "passed": passed,
        "score": score,
        "closed": attempt.closed,
        "step_done": done,
        "message": message,
    }


def _json_body(request) -> dict | None:
    if len(request.body) > MAX_BODY:
        return None
    try:
        data = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _refuse(message: str, code: str, status: int = 400) -> JsonResponse:
    return JsonResponse({"error": code, "message": message}, status=status)


@require_POST
def commit(request, public_id):
    """Store a SCORM runtime commit: ``{"seq": n, "cmi": {...}, "terminated": bool}``."""
    if not request.user.is_authenticated:
        return _refuse(_("Sign in again to save your progress."), "not_signed_in", 403)
    data = _json_body(request)
    if data is None or not isinstance(data.get("cmi"), dict):
        return _refuse(_("The package sent data we could not read."), "bad_request")
    try:
        seq = int(data.get("seq"))
    except (TypeError, ValueError):
        return _refuse(_("The package sent data we could not read."), "bad_request")
    try:
        attempt = services.attempt_commit(
            user=request.user,
            public_id=public_id,
            seq=seq,
            cmi=data["cmi"],
            terminated=bool(data.get("terminated")),
        )
    except PackageAttempt.DoesNotExist:
        return _refuse(_("This attempt was not found."), "not_found", 404)
    except services.PackageRunError as err:
        return _refuse(str(err), err.code)
    return JsonResponse(_status(attempt))


@require_POST
def xapi(request, public_id):
    """Record an xAPI statement from an H5P activity: ``{"statement": {...}}``."""
    if not request.user.is_authenticated:
        return _refuse(_("Sign in again to save your progress."), "not_signed_in", 403)
    data = _json_body(request)
    if data is None or not isinstance(data.get("statement"), dict):
        return _refuse(_("The package sent data we could not read."), "bad_request")
    try:
        attempt = services.xapi_record(
            user=request.user, public_id=public_id, statement=data["statement"]
        )
    except PackageAttempt.DoesNotExist:
        return _refuse(_("This attempt was not found."), "not_found", 404)
    except services.PackageRunError as err:
        return _refuse(str(err), err.code)
    return JsonResponse(_status(attempt))
