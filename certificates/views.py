"""Public verification (no login, rate-limited) and the volunteer's certificates."""

import time
from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from lms.clientip import client_ip

from . import rendering, selectors, services
from .codes import normalize_code


def rate_limited(request) -> bool:
    """Count a code lookup for the client's IP; True once over the limit for this minute.

    The limit (``CERTIFICATES_VERIFY_RATE``, default 30 lookups a minute) keeps
    codes from being enumerated; with 140-bit codes guessing is hopeless anyway,
    the limit also keeps scrapers off personal names.
    """
    limit = getattr(settings, "CERTIFICATES_VERIFY_RATE", 30)
    key = f"certificates:verify:{client_ip(request)}:{int(time.time() // 60)}"
    cache.add(key, 0, timeout=70)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=70)
        count = 1
    return count > limit


def _not_found(request, response):
    """Keep a 404 a 404: LocaleMiddleware would redirect it to /th/verify/… (the
    Wagtail catch-all matches any prefixed path). It only does so when the
    request's urlconf uses language prefixes, so point it at the verification
    urlconf, which does not. URLs in the page were already reversed."""
    request.urlconf = "certificates.verify_urls"
    return response


def _too_many(request, json=False):
    if json:
        response = JsonResponse(
            {"error": "rate_limited", "detail": _("Too many lookups; wait a minute.")},
            status=429,
        )
    else:
        response = TemplateResponse(
            request, "certificates/rate_limited.html", status=429
        )
    response["Retry-After"] = "60"
    return response


def _in_requested_language(view):
    """``?lang=en`` / ``?lang=th``: the verification pages are outside the
    language prefix (printed QR codes never change), so a verifier switches
    language with a parameter instead of a different path."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        language = request.GET.get("lang", "")
        if language not in dict(settings.LANGUAGES):
            return view(request, *args, **kwargs)
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            response["Content-Language"] = language
            if response.status_code in (301, 302) and "?" not in response["Location"]:
                response["Location"] += "?" + urlencode({"lang": language})
        return response

    return wrapper


@require_GET
@_in_requested_language
def verify_form(request):
    """The "type a code" form; a valid code redirects to its page."""
    value = request.GET.get("code", "").strip()
    error = ""
    if value:
        if rate_limited(request):
            return _too_many(request)
        code = normalize_code(value)
        if code is not None:
            return redirect("certificates_verify", code=code)
        error = _(
            "That is not a certificate code. Codes have 28 letters and digits, like ABCD-EFGH-…."
        )
    return TemplateResponse(
        request,
        "certificates/verify.html",
        {"value": value, "error": error, "status": None},
    )


@require_GET
@_in_requested_language
def verify(request, code: str):
    """Valid / revoked (with date and reason) / unknown, with the name, award and date only."""
    if rate_limited(request):
        return _too_many(request)
    certificate = selectors.certificate_by_code(code=code)
    if certificate is None:
        return _not_found(
            request,
            TemplateResponse(
                request,
                "certificates/verify.html",
                {"value": code, "status": "unknown", "code": code},
                status=404,
            ),
        )
    if certificate.code != code:
        return redirect("certificates_verify", code=certificate.code)
    return TemplateResponse(
        request,
        "certificates/verify.html",
        {
            "status": "valid" if certificate.is_valid else "revoked",
            "certificate": certificate,
            "code": certificate.code,
            "json_url": selectors.credential_url(code=certificate.code),
        },
    )


@login_required
def my_certificates(request):
    certificates = list(selectors.certificates_for_user(user=request.user))
    for certificate in certificates:
        certificate.verify_url = selectors.verification_url(code=certificate.code)
    return TemplateResponse(
        request, "certificates/my_certificates.html", {"certificates": certificates}
    )


def pdf_response(request, certificate) -> HttpResponse:
    try:
        data = rendering.certificate_pdf(certificate=certificate)
    except services.CertificateError as err:
        return TemplateResponse(
            request, "certificates/pdf_error.html", {"message": str(err)}, status=503
        )
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="certificate-{certificate.code}.pdf"'
    )
    return response


@login_required
def my_certificate_pdf(request, code: str):
    """The holder's own PDF; anyone else's certificate is a 404 (not a 403: no hint it exists)."""
    certificate = selectors.certificate_by_code(code=code)
    if certificate is None or certificate.user_id != request.user.pk:
        raise Http404
    return pdf_response(request, certificate)
