"""The issuer's identity: ``did:web`` of the site and its DID document.

``did:web:lms.example.go.th`` resolves to
``https://lms.example.go.th/.well-known/did.json``, which lists every public
key that has signed (the current one first), so a verifier needs nothing
from us but that file, and can keep a copy of it to verify offline.
"""

from urllib.parse import quote, urlsplit

from openbadgeslib.ob3 import build_did_document

from ..selectors import base_url
from .keys import published_keys


def issuer_did() -> str:
    """``did:web`` of CERTIFICATES_BASE_URL (host, port as %3A, path as ':')."""
    parts = urlsplit(base_url() or "http://localhost")
    host = parts.hostname or "localhost"
    if parts.port:
        host = f"{host}%3A{parts.port}"
    segments = [quote(s, safe="") for s in parts.path.split("/") if s]
    return ":".join(["did:web", host, *segments])


def did_document_url() -> str:
    return f"{base_url()}/.well-known/did.json"


def verification_method(kid: str) -> str:
    return f"{issuer_did()}#{kid}"


def did_document() -> dict:
    """The DID document: one ``JsonWebKey2020`` method per published key."""
    return build_did_document(issuer_did(), published_keys())


def jwks() -> dict:
    """The same public keys as a JWK Set (for JOSE tools that do not read DIDs)."""
    return {
        "keys": [
            {**jwk, "kid": verification_method(kid), "use": "sig"}
            for kid, jwk in published_keys()
        ]
    }
