"""Fixtures shared by the whole suite.

Tests build the small page tree they need (``home_page``, ``make_course``…)
rather than loading the demo curriculum, except the demo loader's own tests.
"""

import os
import shutil

import pytest
from django.conf import settings
from django.core.cache import caches
from django.test import Client

from lms import pagecache
from tests import factories


@pytest.fixture(autouse=True)
def _clear_caches():
    # Wagtail caches the site root paths; a flushed database (transactional
    # and live-server tests) would otherwise see a stale Site.
    for alias in settings.CACHES:  # the shared one and the per-process ones
        caches[alias].clear()
    pagecache.bump()  # and the per-process site and locale lookups
    yield
    for alias in settings.CACHES:
        caches[alias].clear()


@pytest.fixture
def home_page(db):
    return factories.ensure_site()


@pytest.fixture
def catalogue(home_page):
    return factories.make_catalogue(home_page)


@pytest.fixture
def roles(db):
    from lms.accounts.roles import sync_roles

    sync_roles()


# --- Browser tests -------------------------------------------------------

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def _chromium_available() -> bool:
    return bool(shutil.which(CHROMIUM) or os.path.exists(CHROMIUM))


@pytest.fixture(scope="session")
def browser():
    if not _chromium_available():
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but Chromium was not found at {CHROMIUM}")
        pytest.skip("Debian's chromium is not installed; browser tests skipped")
    # Playwright's sync API runs an event loop in this thread; Django's ORM
    # calls from the test body are still synchronous and safe.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import expect, sync_playwright

    # A loaded 2-core CI machine can take more than Playwright's default 5 s.
    expect.set_options(timeout=15_000)

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
            ],
        )
        yield _Browser(browser)
        browser.close()


class _Browser:
    """Chromium whose contexts never send the Wagtail editor's "editing session
    released" beacon. The editor sends it as its page closes, that is while the
    test tears down, and the live server's write then races the test database's
    flush ("database table is locked" on SQLite). No test is about it."""

    def __init__(self, browser):
        self._browser = browser

    def __getattr__(self, name):
        return getattr(self._browser, name)

    def new_context(self, **kwargs):
        context = self._browser.new_context(**kwargs)
        context.route("**/admin/editing-sessions/release/**", lambda r: r.abort())
        close = context.close

        def quiet_close(*args, **kw):
            # Pages send last requests as they close (the offline queue's sync,
            # beacons): refused here, they cannot race the database's flush.
            context.route("**/*", lambda r: r.abort())
            return close(*args, **kw)

        context.close = quiet_close
        return context


def _refusals(page) -> list[str]:
    """Collects what the browser refused under the Content-Security-Policy:
    a page that needs an inline script or a CDN breaks for real users."""
    refused: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    return refused


@pytest.fixture
def phone_page(browser):
    """A page at a cheap Android phone's viewport, in Thai."""
    context = browser.new_context(
        viewport={"width": 360, "height": 740},
        locale="th-TH",
        is_mobile=True,
        has_touch=True,
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    refused = _refusals(page)
    yield page
    context.close()
    assert refused == [], "blocked by the Content-Security-Policy"


@pytest.fixture
def desktop_page(browser):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="th-TH"
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    refused = _refusals(page)
    yield page
    context.close()
    assert refused == [], "blocked by the Content-Security-Policy"


# --- Signing in from a browser test ------------------------------------------


@pytest.fixture
def sign_in(live_server):
    """``sign_in(page, user)``: reuse a server-side session (the sign-in form is
    the accounts tests' job)."""

    def sign_in(page, user):
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        page.context.add_cookies(
            [{"name": cookie.key, "value": cookie.value, "url": live_server.url}]
        )

    return sign_in


@pytest.fixture
def admin_sign_in(live_server):
    """``admin_sign_in(page, username, password)``: the Wagtail admin's login form,
    typed in as a person would, until the admin home opens."""

    def admin_sign_in(page, username, password):
        page.goto(f"{live_server.url}/admin/login/")
        page.locator("#id_username").fill(username)
        page.locator("#id_password").fill(password)
        page.locator("button[type=submit]").click()
        page.wait_for_url("**/admin/")

    return admin_sign_in


@pytest.fixture
def site_sign_in(live_server):
    """``site_sign_in(page, login, password)``: the site's Thai sign-in form
    (phone number or e-mail, then the password)."""

    def site_sign_in(page, login, password):
        page.goto(f"{live_server.url}/th/accounts/login/")
        page.get_by_label("โทรศัพท์หรืออีเมล").fill(login)
        page.get_by_label("รหัสผ่าน").fill(password)
        page.get_by_role("button", name="เข้าสู่ระบบ").click()

    return site_sign_in
