"""The production settings, served by gunicorn, on real PostgreSQL and Redis.

Runs in the PostgreSQL pass of CI (``DATABASE_URL`` set); with
``REQUIRE_SERVICES=1`` a missing PostgreSQL or Redis fails instead of skipping.
Builds its own database, migrates it and collects static files with the
production settings, starts gunicorn with ``lms/gunicorn.py`` and checks what
a deployment depends on: health check, HTTPS redirect and security headers,
compressed static files from WhiteNoise, sessions in Redis.
"""

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
import requests

ROOT = Path(__file__).resolve().parent.parent
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15")


def _skip(reason):
    if os.environ.get("REQUIRE_SERVICES") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def services():
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        _skip("needs DATABASE_URL pointing at PostgreSQL")
    import psycopg
    import redis

    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except redis.RedisError:
        _skip(f"needs Redis at {REDIS_URL}")
    parts = urlsplit(url)
    admin = urlunsplit(parts._replace(path="/postgres"))
    name = "lms_production_check"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    yield urlunsplit(parts._replace(path=f"/{name}")), redis.Redis.from_url(REDIS_URL)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(services, tmp_path_factory):
    database_url, redis_client = services
    redis_client.flushdb()
    port = _free_port()
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "lms.settings.production",
        "DJANGO_SECRET_KEY": "production-check-" + "k" * 50,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,lms.example.go.th",
        "DATABASE_URL": database_url,
        "REDIS_URL": REDIS_URL,
        "DJANGO_STATIC_ROOT": str(tmp_path_factory.mktemp("static")),
        "DJANGO_MEDIA_ROOT": str(tmp_path_factory.mktemp("media")),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "2",
    }
    for args in (
        ["migrate", "--noinput"],
        ["collectstatic", "--noinput"],
        [
            "createsuperuser",
            "--noinput",
            "--username",
            "ops",
            "--email",
            "ops@example.org",
        ],
    ):
        done = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env={**env, "DJANGO_SUPERUSER_PASSWORD": "ops-password-2026"},
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stdout + done.stderr
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "python:lms.gunicorn", "lms.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            requests.get(base + "/healthz", timeout=1)
            break
        except requests.ConnectionError:
            time.sleep(0.2)
    yield base, redis_client
    process.terminate()
    process.wait(timeout=30)


HTTPS = {"X-Forwarded-Proto": "https"}


def test_health_check_sees_database_and_cache(server):
    base, _redis = server
    response = requests.get(base + "/healthz", headers=HTTPS, timeout=5)
    assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_plain_http_is_redirected_to_https(server):
    base, _redis = server
    response = requests.get(base + "/th/", allow_redirects=False, timeout=5)
    assert response.status_code == 301
    assert response.headers["Location"].startswith("https://")


def test_pages_carry_the_security_headers(server):
    base, _redis = server
    response = requests.get(base + "/th/", headers=HTTPS, timeout=10)
    assert response.status_code == 200
    headers = response.headers
    assert "max-age=31536000" in headers["Strict-Transport-Security"]
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"


def test_static_files_are_hashed_compressed_and_cached_for_long(server):
    base, _redis = server
    page = requests.get(base + "/th/", headers=HTTPS, timeout=10).text
    css = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', page)
    assert css, "the page links a hashed stylesheet"
    response = requests.get(
        base + css.group(1), headers={**HTTPS, "Accept-Encoding": "gzip"}, timeout=5
    )
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == "gzip"
    assert "max-age=315360000" in response.headers["Cache-Control"]


def test_sessions_live_in_redis(server):
    base, redis_client = server
    session = requests.Session()
    session.headers.update(HTTPS)
    login = session.get(base + "/th/accounts/login/", timeout=10)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text).group(
        1
    )
    signed_in = session.post(
        base + "/th/accounts/login/",
        data={
            "csrfmiddlewaretoken": token,
            "username": "ops",
            "password": "ops-password-2026",
        },
        # Secure cookies: requests would not send them over the test's plain
        # HTTP, as a browser behind the TLS proxy would.
        cookies={"csrftoken": login.cookies["csrftoken"]},
        headers={
            "Referer": base.replace("http://", "https://") + "/th/accounts/login/"
        },
        allow_redirects=False,
        timeout=10,
    )
    assert signed_in.status_code == 302, signed_in.text[:500]
    keys = [k.decode() for k in redis_client.keys("*")]
    assert any("django.contrib.sessions.cache" in k for k in keys), keys
