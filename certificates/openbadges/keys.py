"""The issuer's signing key and the public keys it publishes.

Production reads the private key from ``CERTIFICATES_SIGNING_KEY`` (PEM text)
or ``CERTIFICATES_SIGNING_KEY_FILE`` (a path), never from the database or the
repository. Without either, and only when ``CERTIFICATES_DEV_KEY`` is on (not
in production), a development Ed25519 key is generated on first use in
``CERTIFICATES_DEV_KEY_DIR`` (default ``~/.local/state/lms-openbadges``,
outside the repository).

Each key is named by its RFC 7638 JWK thumbprint (the ``kid``). The public
half of every key that has signed is recorded in ``SigningKey`` so that a
rotated-out key stays published in the DID document.
"""

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext as _

from ..models import SigningKey

DEV_KEY_NAME = "openbadges-dev-key.pem"


@dataclass(frozen=True)
class IssuerKey:
    """A loaded private key with what a signature and the DID document need."""

    private_key: object
    algorithm: str  # "EdDSA" or "ES256"
    public_jwk: dict
    kid: str

    @property
    def private_pem(self) -> bytes:
        return self.private_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def public_jwk(public_key) -> dict:
    """The public JWK of an Ed25519 or P-256 key (public members only)."""
    if isinstance(public_key, ed25519.Ed25519PublicKey):
        raw = public_key.public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        return {"kty": "OKP", "crv": "Ed25519", "x": _b64(raw)}
    if isinstance(public_key, ec.EllipticCurvePublicKey) and isinstance(
        public_key.curve, ec.SECP256R1
    ):
        numbers = public_key.public_numbers()
        return {
            "kty": "EC",
            "crv": "P-256",
            "x": _b64(numbers.x.to_bytes(32, "big")),
            "y": _b64(numbers.y.to_bytes(32, "big")),
        }
    raise ImproperlyConfigured(
        _("The signing key must be an Ed25519 or a P-256 (ES256) private key.")
    )


def thumbprint(jwk: dict) -> str:
    """RFC 7638 JWK thumbprint: SHA-256 of the required members, base64url."""
    required = ("crv", "kty", "x") if jwk["kty"] == "OKP" else ("crv", "kty", "x", "y")
    canonical = json.dumps(
        {k: jwk[k] for k in required}, separators=(",", ":"), sort_keys=True
    )
    return _b64(hashlib.sha256(canonical.encode("ascii")).digest())


def load_key(pem: bytes) -> IssuerKey:
    try:
        private_key = serialization.load_pem_private_key(pem, password=None)
    except (ValueError, TypeError) as err:
        raise ImproperlyConfigured(
            _("The signing key is not a readable PEM private key.")
        ) from err
    jwk = public_jwk(private_key.public_key())
    algorithm = "EdDSA" if jwk["kty"] == "OKP" else "ES256"
    return IssuerKey(private_key, algorithm, jwk, thumbprint(jwk))


def generate_pem() -> bytes:
    """A new Ed25519 private key in PEM (development key, tests, rotation drills)."""
    return ed25519.Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def dev_key_dir() -> Path:
    configured = getattr(settings, "CERTIFICATES_DEV_KEY_DIR", "")
    if configured:
        return Path(configured)
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "lms-openbadges"


def _dev_key_pem() -> bytes:
    """The development key, generated on first use (owner-only file)."""
    path = dev_key_dir() / DEV_KEY_NAME
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        pem = generate_pem()
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process made it first
            return path.read_bytes()
        with os.fdopen(fd, "wb") as fh:
            fh.write(pem)
    return path.read_bytes()


@lru_cache(maxsize=8)
def _cached(text: str, file: str, dev: bool, dev_dir: str) -> IssuerKey:
    if text:
        return load_key(text.encode("utf-8"))
    if file:
        try:
            return load_key(Path(file).read_bytes())
        except OSError as err:
            raise ImproperlyConfigured(
                _("The signing key file cannot be read: %(error)s") % {"error": err}
            ) from err
    if dev:
        return load_key(_dev_key_pem())
    raise ImproperlyConfigured(
        _(
            "No signing key: set CERTIFICATES_SIGNING_KEY_FILE "
            "(or CERTIFICATES_SIGNING_KEY) to the issuer's private key."
        )
    )


def current_key() -> IssuerKey:
    """The key that signs now. Raises ``ImproperlyConfigured`` when none is set."""
    return _cached(
        getattr(settings, "CERTIFICATES_SIGNING_KEY", "") or "",
        str(getattr(settings, "CERTIFICATES_SIGNING_KEY_FILE", "") or ""),
        bool(getattr(settings, "CERTIFICATES_DEV_KEY", False)),
        str(dev_key_dir()),
    )


def register(key: IssuerKey) -> None:
    """Record the key's public half before it signs (one query; idempotent)."""
    SigningKey.objects.get_or_create(
        kid=key.kid,
        defaults={"algorithm": key.algorithm, "public_jwk": key.public_jwk},
    )


def published_keys() -> list[tuple[str, dict]]:
    """(kid, public JWK) of every key to publish: the current one first.

    Verifiers that pick the first key (a token without ``kid``, a status list
    checked with the badge's key) thus get the key that signs now.
    """
    keys: list[tuple[str, dict]] = []
    try:
        current = current_key()
    except ImproperlyConfigured:
        current = None
    if current is not None:
        keys.append((current.kid, current.public_jwk))
    for row in SigningKey.objects.order_by("-created_at", "-pk"):
        if current is None or row.kid != current.kid:
            keys.append((row.kid, row.public_jwk))
    return keys
