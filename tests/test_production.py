"""The production settings stay deployable: `check --deploy` is clean, and
they refuse to start without their required environment."""

import os
import subprocess
import sys
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519

ROOT = Path(__file__).resolve().parent.parent

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "lms.settings.production",
    "DJANGO_SECRET_KEY": "x" * 20
    + "-production-check-key-with-enough-entropy-0123456789",
    "DJANGO_ALLOWED_HOSTS": "lms.example.go.th",
    "DATABASE_URL": os.environ.get(
        "DATABASE_URL", f"sqlite:///{ROOT / 'prod-check.sqlite3'}"
    ),
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    # The Open Badges issuer key (certificates/openbadges): given, never generated.
    "CERTIFICATES_SIGNING_KEY": ed25519.Ed25519PrivateKey.generate()
    .private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    .decode(),
}


def _manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={"PATH": os.environ.get("PATH", ""), **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_settings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_requires_the_open_badges_signing_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "CERTIFICATES_SIGNING_KEY"}
    result = _manage("check", "--deploy", env=env)
    assert result.returncode != 0
    assert "certificates.E001" in result.stdout + result.stderr


def test_production_settings_require_a_secret_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "DJANGO_SECRET_KEY"}
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_health_check_reports_database_ok(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
