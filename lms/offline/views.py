"""The service worker, the web app manifest, the offline page, a course's
download list and the sync of marks made offline."""

import json

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from courses.models import CoursePage

from . import selectors, services

THEME_COLOUR = "#0b5cad"
BACKGROUND_COLOUR = "#f6f7fb"


@require_GET
@never_cache
def service_worker(request):
    """``/sw.js``, at the root so its scope is the whole site. ``no-cache``
    (browsers also revalidate it at least daily): a fixed worker reaches
    every phone on its next visit. The response keeps the site's CSP."""
    context = {
        "config": json.dumps(
            {
                "offline": {
                    code: f"/{code}/offline/" for code, _name in settings.LANGUAGES
                },
                "precache": [
                    static("css/site.css"),
                    static("js/offline/offline.js"),
                    static("js/offline/vendor/idb.js"),
                ],
            }
        ),
        "workbox": static("js/offline/vendor/workbox.js"),
        "worker": static("js/offline/sw-main.js"),
    }
    body = render_to_string("offline/sw.js", context)
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    return response


@require_GET
def manifest(request):
    """The web app manifest in the page's language (``/th/…``, ``/en/…``)."""
    language = get_language()
    icons = [
        {"src": static("icons/icon-192.png"), "sizes": "192x192", "type": "image/png"},
        {"src": static("icons/icon-512.png"), "sizes": "512x512", "type": "image/png"},
        {
            "src": static("icons/maskable-512.png"),
            "sizes": "512x512",
            "type": "image/png",
            "purpose": "maskable",
        },
    ]
    data = {
        "id": "/",
        "name": _("Digital Volunteer Learning"),
        "short_name": _("DV Learning"),
        "description": _("A learning platform for Thailand's digital volunteers."),
        "lang": language,
        "start_url": reverse("courses:dashboard") + "?source=home-screen",
        "scope": "/",
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "icons": icons,
    }
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False),
        content_type="application/manifest+json; charset=utf-8",
    )
    patch_cache_control(response, public=True, max_age=86400)
    return response


@require_GET
def offline_page(request):
    """What a page that is not saved shows offline: the saved courses (read
    from the phone by offline.js). The worker caches it when it installs."""
    return TemplateResponse(request, "offline/offline_page.html", {})


def _json_login_required(request):
    if not request.user.is_authenticated:
        return JsonResponse({"error": _("Sign in first.")}, status=401)
    return None


@require_GET
@never_cache
def course_manifest(request, course_id: int):
    """What "save for offline" downloads for one course."""
    if refused := _json_login_required(request):
        return refused
    course = get_object_or_404(CoursePage.objects.live().public(), pk=course_id)
    return JsonResponse(selectors.course_manifest(course=course))


@require_POST
@never_cache
def sync(request):
    """Marks made offline: ``{"marks": [{"id": uuid, "page": id, "at": iso}]}``.

    Each mark id is recorded once: sending it again (a retry, another tab)
    answers ``duplicate`` and changes nothing. A mark of a lesson that is no
    longer published is ``dropped`` with a note for the learner."""
    if refused := _json_login_required(request):
        return refused
    try:
        payload = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError):
        payload = None
    marks = payload.get("marks") if isinstance(payload, dict) else None
    if not isinstance(marks, list):
        return JsonResponse({"error": _("Send a list of marks.")}, status=400)
    results = services.marks_sync(user=request.user, marks=marks)
    return JsonResponse({"results": results})
