"""Public endpoints of the signed credentials (no sign-in, CORS open, cacheable
where nothing personal is in them)."""

import json

from django.core.exceptions import ImproperlyConfigured
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from competencies.models import Competency

from .. import selectors
from ..models import Award
from ..views import _not_found, _too_many, rate_limited
from . import baking, credential, status_list, verify
from .did import did_document, jwks
from .forms import CredentialUploadForm

PUBLIC_CACHE = "public, max-age=300"


def _json(data, *, status=200, cache=None) -> HttpResponse:
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=1),
        content_type="application/json; charset=utf-8",
        status=status,
    )
    response["Access-Control-Allow-Origin"] = "*"
    if cache:
        response["Cache-Control"] = cache
    return response


def _unavailable(_json_response: bool = True):
    message = _(
        "Signed credentials are not available: the issuer's signing key is not "
        "configured. Tell an administrator."
    )
    return JsonResponse({"error": "signing_unavailable", "detail": message}, status=503)


@require_GET
def did_json(request):
    """``/.well-known/did.json``: the issuer's DID document with every published key."""
    try:
        return _json(did_document(), cache=PUBLIC_CACHE)
    except ImproperlyConfigured:
        return _unavailable(True)


@require_GET
def jwks_json(request):
    """``/.well-known/jwks.json``: the same public keys as a JWK Set."""
    try:
        return _json(jwks(), cache=PUBLIC_CACHE)
    except ImproperlyConfigured:
        return _unavailable(True)


@require_GET
def status_list_view(request, number: int):
    """A signed ``BitstringStatusListCredential`` (VC-JWT), cacheable, with an ETag."""
    if number > 100_000:
        raise Http404
    try:
        built = status_list.build(number)
    except ImproperlyConfigured:
        return _unavailable(True)
    if request.headers.get("If-None-Match") == built.etag:
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(built.token, content_type="application/vc+jwt")
    response["ETag"] = built.etag
    response["Cache-Control"] = PUBLIC_CACHE
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def award_badge_png(request, award_id: int):
    """The badge image of an award (the achievement's ``image``), not baked."""
    award = get_object_or_404(Award.objects.select_related("template"), pk=award_id)
    response = HttpResponse(baking.badge_png(award=award), content_type="image/png")
    response["Cache-Control"] = "public, max-age=86400"
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _certificate_or_404(request, code: str, *, json_response: bool):
    certificate = selectors.certificate_by_code(code=code)
    if certificate is None:
        if json_response:
            return None, _not_found(
                request,
                JsonResponse(
                    {"error": "unknown", "detail": _("No certificate has this code.")},
                    status=404,
                ),
            )
        raise Http404
    return certificate, None


def _download(response, certificate, extension: str):
    response["Content-Disposition"] = (
        f'attachment; filename="certificate-{certificate.code}.{extension}"'
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


def credential_document(certificate) -> dict:
    """The ``.json``: the credential with its Data Integrity proof (Ed25519 key);
    with a P-256 key, the VC-JWT wrapped as a VC 2.0 enveloped credential."""
    document = credential.data_integrity_document(certificate=certificate)
    if document is not None:
        return document
    token = credential.signed(certificate=certificate).jwt
    return {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": "EnvelopedVerifiableCredential",
        "id": f"data:application/vc+jwt,{token}",
    }


def successor_link(response, certificate):
    """A re-issued certificate points to its replacement (the signed credential
    cannot change, so the link travels beside it)."""
    if certificate.replaced_by_id:
        response["Link"] = (
            f"<{selectors.credential_url(code=certificate.replaced_by.code)}>; "
            'rel="successor-version"'
        )
    return response


@require_GET
def credential_json(request, code: str):
    """``/verify/<code>.json``: the signed Open Badges 3.0 credential as JSON."""
    if rate_limited(request):
        return _too_many(request, json=True)
    certificate, missing = _certificate_or_404(request, code, json_response=True)
    if missing:
        return missing
    try:
        document = credential_document(certificate)
    except ImproperlyConfigured:
        return _unavailable()
    response = _json(document)
    response["Content-Type"] = "application/json; charset=utf-8"
    return successor_link(response, certificate)


def _signed_download(request, code: str, render):
    """The prelude the three signed downloads share: rate limit, look-up, token.
    ``render(certificate, token)`` returns the response body's HttpResponse."""
    if rate_limited(request):
        return _too_many(request, json=True)
    certificate, missing = _certificate_or_404(request, code, json_response=True)
    if missing:
        return missing
    try:
        token = credential.signed(certificate=certificate).jwt
    except ImproperlyConfigured:
        return _unavailable(True)
    return render(certificate, token)


@require_GET
def credential_jwt(request, code: str):
    def render(certificate, token):
        response = HttpResponse(token, content_type="application/vc+jwt")
        return successor_link(_download(response, certificate, "jwt"), certificate)

    return _signed_download(request, code, render)


@require_GET
def credential_png(request, code: str):
    def render(certificate, token):
        image = baking.bake_png(baking.badge_png(award=certificate.award), token)
        response = HttpResponse(image, content_type="image/png")
        return _download(response, certificate, "png")

    return _signed_download(request, code, render)


@require_GET
def credential_svg(request, code: str):
    def render(certificate, token):
        svg = baking.badge_svg(award=certificate.award, title=certificate.award_name)
        response = HttpResponse(
            baking.bake_svg(svg, token), content_type="image/svg+xml"
        )
        # A baked SVG is an image to download, never a page: no script may run.
        response["Content-Security-Policy"] = (
            "default-src 'none'; style-src 'unsafe-inline'"
        )
        return _download(response, certificate, "svg")

    return _signed_download(request, code, render)


VERDICT_CODES = {
    verify.VALID,
    verify.REVOKED,
    verify.TAMPERED,
    verify.UNKNOWN_ISSUER,
    verify.EXPIRED,
    verify.UNREADABLE,
}


@require_http_methods(["GET", "POST"])
def verify_file(request):
    """Upload a credential (JSON, JWT or baked badge) or paste a JWT; get a verdict."""
    verdict = None
    if request.method == "POST":
        if rate_limited(request):
            return _too_many(request)
        form = CredentialUploadForm(request.POST, request.FILES)
        if form.is_valid():
            verdict = verify.verify_upload(form.cleaned_data["data"])
            if verdict.status not in VERDICT_CODES:  # pragma: no cover - defensive
                verdict.status = verify.UNREADABLE
    else:
        form = CredentialUploadForm()
    return TemplateResponse(
        request,
        "certificates/verify_file.html",
        {"form": form, "verdict": verdict},
        status=200,
    )


@require_GET
def competency_json(request, code: str):
    """A competency of the framework as JSON (the ``targetUrl`` of alignments)."""
    competency = (
        Competency.objects.select_related("area__framework")
        .prefetch_related("proficiency_levels")
        .filter(code=code)
        .first()
    )
    if competency is None:
        raise Http404
    framework = competency.area.framework
    data = {
        "identifier": competency.code,
        "CFItemType": "Competency",
        "humanCodingScheme": competency.code,
        "fullStatement": {"th": competency.name_th, "en": competency.name_en},
        "notes": {"th": competency.description_th, "en": competency.description_en},
        "isChildOf": competency.area.code,
        "CFDocument": {
            "identifier": framework.code,
            "title": {"th": framework.name_th, "en": framework.name_en},
        },
        "proficiencyLevels": [
            {"level": level.level, "name": {"th": level.name_th, "en": level.name_en}}
            for level in sorted(
                competency.proficiency_levels.all(), key=lambda lv: lv.level
            )
        ],
    }
    return _json(data, cache=PUBLIC_CACHE)
