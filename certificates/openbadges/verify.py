"""Checking a credential someone uploads: JSON, VC-JWT or a baked PNG/SVG.

The checks are openbadgeslib's verifiers, run against our own DID document
and status lists built in this process (no network request, so an upload
cannot make the server fetch anything). The verdict is one of:

- ``valid``: our signature, a key we publish, not revoked;
- ``revoked``: the status list has its bit set;
- ``tampered``: the signature does not match the content (or there is none);
- ``unknown_issuer``: not issued by this site, or by a key it never published;
- ``expired``: past its ``validUntil``;
- ``unreadable``: not a credential in any format we know.
"""

import json
import logging
import re
from dataclasses import dataclass
from urllib.parse import urlsplit
from xml.parsers.expat import ExpatError

import jwt as pyjwt
import png
from cryptography.hazmat.primitives import serialization
from django.urls import reverse
from openbadgeslib import baking
from openbadgeslib.errors import LibOpenBadgesException
from openbadgeslib.ob3 import OB3LdpVerifier, OB3VerificationError, OB3Verifier
from openbadgeslib.ob3.status import check_credential_status

from ..models import IssuedCertificate
from ..selectors import base_url, certificate_by_code
from . import status_list
from .did import did_document, issuer_did
from .keys import current_key, published_keys

logger = logging.getLogger("lms.certificates")

MAX_UPLOAD = 1024 * 1024
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"

VALID, REVOKED, TAMPERED, UNKNOWN_ISSUER, EXPIRED, UNREADABLE = (
    "valid",
    "revoked",
    "tampered",
    "unknown_issuer",
    "expired",
    "unreadable",
)


@dataclass
class Verdict:
    status: str
    format: str = ""
    certificate: IssuedCertificate | None = None
    detail: str = ""  # the verifier's own words, for logs and the curious


def local_download(url: str) -> bytes:
    """Serve our DID document and status lists to the verifiers from memory."""
    ours = urlsplit(base_url() or "http://localhost")
    parts = urlsplit(url)
    if (parts.hostname, parts.port) != (ours.hostname, ours.port):
        raise ValueError(f"not fetched: {url}")
    path = parts.path
    prefix = ours.path.rstrip("/")
    if path == f"{prefix}/.well-known/did.json":
        return json.dumps(did_document()).encode("utf-8")
    status_prefix = reverse("certificates_status_list", args=[0])[:-1]
    match = re.fullmatch(re.escape(status_prefix) + r"(\d{1,9})", path)
    if match:
        return status_list.build(int(match.group(1))).token.encode("ascii")
    raise ValueError(f"not fetched: {url}")


def _certificate_for(credential_id: str) -> IssuedCertificate | None:
    tail = (credential_id or "").rstrip("/").rsplit("/", 1)[-1]
    code = tail.removesuffix(".json")
    return certificate_by_code(code=code) if code else None


def _current_public_pem() -> bytes:
    return (
        current_key()
        .private_key.public_key()
        .public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )


def _status(credential, verdict: Verdict) -> Verdict:
    """Revoked or valid, from the status list alone (its signature checked too)."""
    try:
        check_credential_status(
            credential,
            download=local_download,
            verify_list=True,
            list_pubkey_pem=_current_public_pem(),
        )
    except OB3VerificationError as err:
        verdict.detail = str(err)
        verdict.status = REVOKED if "is set at index" in str(err) else TAMPERED
        return verdict
    verdict.status = VALID
    return verdict


def _failure(err: Exception, verdict: Verdict) -> Verdict:
    verdict.detail = str(err)
    verdict.status = EXPIRED if "expired" in str(err).lower() else TAMPERED
    return verdict


def verify_jwt(token: str, fmt: str = "jwt") -> Verdict:
    verdict = Verdict(UNREADABLE, fmt)
    try:
        header = pyjwt.get_unverified_header(token)
        claims = pyjwt.decode(token, options={"verify_signature": False})
    except (pyjwt.exceptions.InvalidTokenError, ValueError) as err:
        verdict.detail = str(err)
        return verdict
    if not isinstance(claims, dict):
        return verdict
    did = issuer_did()
    issuer = claims.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    verdict.certificate = _certificate_for(str(claims.get("id", "")))
    if claims.get("iss") != did or issuer_id != did:
        verdict.status = UNKNOWN_ISSUER
        return verdict
    kids = {f"{did}#{kid}" for kid, _jwk in published_keys()}
    if header.get("kid") not in kids:
        verdict.status = UNKNOWN_ISSUER
        verdict.detail = f"key {header.get('kid')!r} is not one of ours"
        return verdict
    try:
        verifier = OB3Verifier.for_issuer_did(did, download=local_download)
        credential = verifier.verify(token)
    except (OB3VerificationError, LibOpenBadgesException) as err:
        return _failure(err, verdict)
    return _status(credential, verdict)


def verify_document(document: dict, fmt: str = "json") -> Verdict:
    """A JSON credential: with a Data Integrity proof, or a JWT in an envelope."""
    verdict = Verdict(UNREADABLE, fmt)
    if not isinstance(document, dict) or "@context" not in document:
        return verdict
    envelope = str(document.get("id", ""))
    if document.get("type") == "EnvelopedVerifiableCredential" and envelope.startswith(
        "data:application/vc+jwt,"
    ):
        return verify_jwt(envelope.split(",", 1)[1], fmt)
    did = issuer_did()
    issuer = document.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    verdict.certificate = _certificate_for(envelope)
    if issuer_id != did:
        verdict.status = UNKNOWN_ISSUER
        return verdict
    proof = document.get("proof")
    if not isinstance(proof, dict):
        verdict.status = TAMPERED
        verdict.detail = "no proof"
        return verdict
    method = str(proof.get("verificationMethod", ""))
    if method not in {f"{did}#{kid}" for kid, _jwk in published_keys()}:
        verdict.status = UNKNOWN_ISSUER
        verdict.detail = f"key {method!r} is not one of ours"
        return verdict
    try:
        credential = OB3LdpVerifier.for_issuer_did(did).verify(
            document, download=local_download
        )
    except (OB3VerificationError, LibOpenBadgesException) as err:
        return _failure(err, verdict)
    return _status(credential, verdict)


def verify_upload(data: bytes) -> Verdict:
    """The verdict on an uploaded file, whatever its format."""
    if not data or len(data) > MAX_UPLOAD:
        return Verdict(UNREADABLE)
    try:
        if data.startswith(PNG_MAGIC):
            token = baking.extract_png(data, keyword=baking.ITXT_KEYWORD_OB3)
            return _carried(token, "png")
        text = data.decode("utf-8-sig").strip()
    except (UnicodeDecodeError, LibOpenBadgesException, ValueError) as err:
        return Verdict(UNREADABLE, detail=str(err))
    except png.Error as err:  # a malformed PNG
        logger.info("unreadable PNG upload: %s", err)
        return Verdict(UNREADABLE, "png", detail=str(err))
    if text.startswith("<"):
        try:
            token = baking.extract_svg(
                text.encode("utf-8"), element=baking.SVG_ELEMENT_OB3, text_fallback=True
            )
        except (ExpatError, ValueError, LibOpenBadgesException) as err:
            # Bad XML, or entities and DTDs, which defusedxml refuses.
            return Verdict(UNREADABLE, "svg", detail=str(err))
        return _carried(token, "svg")
    if text.startswith("{"):
        try:
            return verify_document(json.loads(text))
        except (ValueError, RecursionError) as err:
            return Verdict(UNREADABLE, "json", detail=str(err))
    return verify_jwt(text)


def _carried(token: str | None, fmt: str) -> Verdict:
    if not token:
        return Verdict(UNREADABLE, fmt)
    token = token.strip()
    if token.startswith("{"):
        try:
            return verify_document(json.loads(token), fmt)
        except (ValueError, RecursionError) as err:
            return Verdict(UNREADABLE, fmt, detail=str(err))
    return verify_jwt(token, fmt)
