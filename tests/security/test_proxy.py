"""Behind a real reverse proxy (Debian's nginx, started here on a free
loopback port in front of the live test server), every limit counts the real
client: django-axes, the API's sign-in throttle and the verification limit.

Clients connect from different loopback addresses (127.0.0.2, 127.0.0.3), so
nginx sees two machines; Django sees only nginx (127.0.0.1) plus the
``X-Forwarded-For`` nginx appends to. A client that forges that header gains
nothing: ``DJANGO_PROXY_COUNT=1`` reads one hop from the right.
"""

import http.client
import json
import re
import shutil
import socket
import subprocess
import time
import urllib.parse
from http.cookies import SimpleCookie
from pathlib import Path

import pytest
from django.http import HttpRequest
from django.test import override_settings

from lms.clientip import client_ip
from tests import factories

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

A, B = "127.0.0.2", "127.0.0.3"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def proxy(live_server, tmp_path):
    """nginx on a free port, forwarding to the live server as a TLS proxy
    would: Host kept, X-Forwarded-For appended."""
    if not Path(NGINX).exists():
        pytest.skip("nginx is not installed (.ci/run installs it)")
    upstream = urllib.parse.urlsplit(live_server.url).netloc
    port = _free_port()
    for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (tmp_path / name).mkdir()
    conf = tmp_path / "nginx.conf"
    conf.write_text(
        f"""
master_process off;
daemon off;
pid {tmp_path}/nginx.pid;
error_log {tmp_path}/error.log warn;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {tmp_path}/body;
    proxy_temp_path {tmp_path}/proxy;
    fastcgi_temp_path {tmp_path}/fastcgi;
    uwsgi_temp_path {tmp_path}/uwsgi;
    scgi_temp_path {tmp_path}/scgi;
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://{upstream};
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
        }}
    }}
}}
"""
    )
    process = subprocess.Popen(
        [NGINX, "-p", str(tmp_path), "-c", str(conf)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            break
        except OSError:
            if process.poll() is not None:
                pytest.fail(f"nginx did not start: {process.stderr.read().decode()}")
            time.sleep(0.05)
    try:
        with override_settings(LMS_PROXY_COUNT=1):
            yield port
    finally:
        process.terminate()
        process.wait(timeout=10)


class Machine:
    """An HTTP client on its own loopback address, with a cookie jar."""

    def __init__(self, port: int, address: str):
        self.port, self.address, self.cookies = port, address, SimpleCookie()

    def request(self, method, path, body=None, headers=None):
        connection = http.client.HTTPConnection(
            "127.0.0.1", self.port, timeout=30, source_address=(self.address, 0)
        )
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(
                f"{k}={v.value}" for k, v in self.cookies.items()
            )
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        content = response.read().decode()
        for value in response.headers.get_all("Set-Cookie") or []:
            self.cookies.load(value)
        connection.close()
        return response.status, content

    def verify(self, forged=None):
        headers = {"X-Forwarded-For": forged} if forged else {}
        return self.request("GET", "/verify/?code=not-a-code", headers=headers)[0]

    def token(self, login, forged=None):
        headers = {"Content-Type": "application/json"}
        if forged:
            headers["X-Forwarded-For"] = forged
        body = json.dumps({"login": login, "password": "wrong-password"})
        return self.request("POST", "/api/v1/auth/token", body, headers)[0]

    def sign_in(self, login, password, forged=None):
        status, page = self.request("GET", "/th/accounts/login/")
        assert status == 200, page
        csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        if forged:
            headers["X-Forwarded-For"] = forged
        body = urllib.parse.urlencode(
            {"username": login, "password": password, "csrfmiddlewaretoken": csrf}
        )
        return self.request("POST", "/th/accounts/login/", body, headers)[0]


def test_the_verification_limit_counts_the_real_client(proxy, settings):
    settings.CERTIFICATES_VERIFY_RATE = 3
    a, b = Machine(proxy, A), Machine(proxy, B)
    assert [a.verify(forged=f"203.0.113.{n}") for n in range(3)] == [200] * 3
    assert a.verify(forged="203.0.113.99") == 429  # a forged header buys nothing
    assert a.verify(forged=B) == 429  # nor does pretending to be the other one
    assert b.verify() == 200


def test_the_api_sign_in_throttle_counts_the_real_client(proxy, settings):
    settings.LMS_API_THROTTLE_RATES = {
        "sign_in": "3/min",
        "user": "600/min",
        "anon": "300/min",
    }
    a, b = Machine(proxy, A), Machine(proxy, B)
    statuses = [
        a.token(f"x{n}@example.org", forged=f"198.51.100.{n}") for n in range(3)
    ]
    assert statuses == [401] * 3
    assert a.token("y@example.org", forged="198.51.100.77") == 429
    assert b.token("z@example.org") == 401


def test_axes_locks_the_real_client_and_account_pair(proxy, settings, transactional_db):
    settings.AXES_ENABLED = True
    factories.ensure_site()
    user = factories.make_user(phone="0816660001")
    a, b = Machine(proxy, A), Machine(proxy, B)
    for n in range(settings.AXES_FAILURE_LIMIT - 1):
        assert a.sign_in(user.phone, "wrong", forged=f"192.0.2.{n}") == 200
    assert a.sign_in(user.phone, "wrong", forged="192.0.2.200") == 429
    assert a.sign_in(user.phone, "pass-1234-word", forged=B) == 429
    # The real person elsewhere still signs in.
    assert b.sign_in(user.phone, "pass-1234-word") == 302


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.1", "10.0.0.1"),  # no proxy: the header is ignored
        (1, "203.0.113.1", "203.0.113.1"),
        (1, "6.6.6.6, 203.0.113.1", "203.0.113.1"),  # forged left part ignored
        (2, "6.6.6.6, 203.0.113.1, 10.1.1.1", "203.0.113.1"),
        (2, "203.0.113.1", "203.0.113.1"),  # past the first proxy: best known
        (1, "", "10.0.0.1"),
        (1, "not-an-address", "10.0.0.1"),
    ],
)
def test_client_ip_reads_a_fixed_number_of_hops_from_the_right(
    settings, proxies, forwarded, expected
):
    settings.LMS_PROXY_COUNT = proxies
    request = HttpRequest()
    request.META = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": forwarded}
    assert client_ip(request) == expected
