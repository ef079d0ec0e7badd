"""The Thai admin speaks Thai: a walk through the main screens, as an
administrator whose interface is Thai, that fails on English left showing.

Wagtail 8's Thai catalogue lacks many of its newer strings (dashboard
counters, the page editor's autosave and validation messages, workflow
buttons, site history labels…); our catalogue (LOCALE_PATHS, consulted
before Wagtail's own) fills them in, and ``lms/wagtail_strings.py`` names
them so they survive ``makemessages``. The walk reads what a person sees:
the text of each page, its placeholders, titles and labels, the menu and the
strings Wagtail's scripts show (``wagtail-config``), and complains about
every English word that is not on ``ALLOWED`` (names of things that stay
English: product names, file formats, codes, people's and demo data).
"""

import json
import re

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page, Site, Task, Workflow

from courses.models import CoursePage, LessonPage
from courses.quiz.models import QuizPage
from lms.accounts.models import User

pytestmark = pytest.mark.django_db

#: English words that may show in the Thai admin: names, formats and codes.
ALLOWED = {
    # product, format and standard names
    "wagtail", "scorm", "h5p", "csv", "excel", "xlsx", "pdf", "json", "xml",
    "html", "url", "urls", "api", "id", "sms", "otp", "gift", "aiken",
    "moodle", "open", "badges", "ob", "youtube", "vimeo", "oembed", "png",
    "jpg", "jpeg", "gif", "webp", "svg", "mp4", "utf", "pdpa", "dopa",
    "http", "https", "www", "localhost", "testserver", "com", "org", "th",
    "en", "ok", "ai", "iframe", "x", "px", "kb", "mb", "gb",
    # language names in their own language, shown in language pickers
    "english",
    # demo people, usernames and e-mail addresses
    "admin", "administrator", "trainer", "volunteer", "demo", "example",
    "lms", "local", "slug", "e", "g", "mooc", "moocs", "python",
}  # fmt: skip

#: Wagtail 8 writes these without gettext (column labels taken from its own
#: models' English verbose names, screen-reader-only labels in its templates),
#: so no catalogue can translate them; overriding the templates would freeze
#: copies of Wagtail's markup. Each is checked to still be the only English.
WAGTAIL_HARDCODED = {
    "Search",  # the dashboard's and header's hidden submit buttons
    "Actions",  # aria-label of the header's action buttons
    "True",  # screen-reader text of the users list's status icon
    "None",  # the side-panel toggle's hidden counter
    "Port", "Site name", "page",  # the sites list's columns
    "Requested by",  # the workflow report's filter, from a model field
    "2 locales",  # the locales list's pager
}  # fmt: skip

#: The only English the walk tolerates: runs of allowed words.
PLACEHOLDER = re.compile(
    r"%\(\w+\)[sd]|\{\w*\}|https?://\S+|\b[A-Z0-9]{4}(?:-[A-Z0-9]{4})+\b"
)
WORD = re.compile(r"[A-Za-z][A-Za-z'’]+")


def english_words(text: str) -> list[str]:
    return [w for w in WORD.findall(text) if w.lower().strip("'’") not in ALLOWED]


def visible_strings(html: str) -> list[str]:
    """Text a person reads on the page, in and out of the scripts' strings."""
    soup = BeautifulSoup(html, "lxml")
    found = []
    for script in soup.find_all("script"):
        if script.get("id") in ("wagtail-config", "wagtail-sidebar-props"):
            found.extend(_json_strings(json.loads(script.string or "{}")))
        script.decompose()
    # Time zones are names (Asia/Bangkok), not words to translate.
    for tag in soup.select("select[name$=time_zone] option"):
        tag.decompose()
    for tag in soup.find_all(["style", "code", "pre", "noscript"]):
        tag.decompose()
    for tag in soup.find_all(True):
        for attr in ("placeholder", "title", "aria-label", "alt"):
            if tag.get(attr):
                found.append(tag[attr])
        if tag.name == "input" and tag.get("type") in ("submit", "button"):
            found.append(tag.get("value", ""))
    found.extend(s for s in soup.stripped_strings)
    return found


SKIPPED_KEYS = {"url", "icon_name", "icon", "name", "classnames", "attrs", "method"}


def _json_strings(value, key=""):
    if isinstance(value, dict):
        for k, v in value.items():
            if k.startswith("_") or k in SKIPPED_KEYS or "CSRF" in k:
                continue
            yield from _json_strings(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from _json_strings(v, key)
    elif isinstance(value, str) and not value.strip().startswith(("/", "<")):
        yield value


def untranslated(html: str, ignore=()) -> list[str]:
    problems = []
    for text in visible_strings(html):
        for part in ignore:
            text = text.replace(part, " ")
        # Placeholders a script fills in (%(count)s, {label}), addresses
        # and certificate codes are not words.
        text = PLACEHOLDER.sub(" ", text)
        if text.strip() in WAGTAIL_HARDCODED or text.lstrip().startswith("<"):
            continue
        for label in WAGTAIL_HARDCODED:
            text = text.replace(f"'{label}'", " ")
        words = english_words(text)
        if words:
            problems.append(text.strip()[:120])
    return sorted(set(problems))


@pytest.fixture
def demo(db):
    # Inside the test's transaction: a flush afterwards would also wipe what
    # the migrations made (root page, site, locales, groups) for later tests.
    call_command("load_demo", verbosity=0)


def screens():
    lesson = LessonPage.objects.filter(locale__language_code="th").first()
    course = CoursePage.objects.filter(locale__language_code="th").first()
    quiz = QuizPage.objects.filter(locale__language_code="th").first()
    home = Page.objects.get(depth=2, locale__language_code="th")
    trainer = User.objects.get(username="trainer")
    return [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{home.pk}/",
        f"/admin/pages/{course.pk}/",
        f"/admin/pages/{lesson.pk}/edit/",
        f"/admin/pages/{quiz.pk}/edit/",
        f"/admin/pages/{course.pk}/edit/",
        f"/admin/pages/{course.pk}/history/",
        "/admin/pages/search/?q=ออนไลน์",
        "/admin/users/",
        reverse("wagtailusers_users:edit", args=[trainer.pk]),
        "/admin/groups/",
        "/admin/workflows/list/",
        "/admin/workflows/tasks/index/",
        "/admin/reports/site-history/",
        "/admin/reports/locked/",
        "/admin/reports/aging-pages/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/snippets/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/media/",
        "/admin/sites/",
        "/admin/locales/",
        "/admin/redirects/",
        "/admin/account/",
        reverse("reports_index"),
        reverse("quiz_marking"),
        reverse("competencies_assess"),
    ]


def data_strings() -> list[str]:
    """What people typed (page titles, names): shown as typed, in any language."""

    values = [
        *Page.objects.values_list("title", flat=True),
        *Workflow.objects.values_list("name", flat=True),
        *Task.objects.values_list("name", flat=True),
        *Site.objects.values_list("site_name", flat=True),
        *User.objects.values_list("username", flat=True),
    ]
    return sorted({v for v in values if v}, key=len, reverse=True)


@pytest.fixture
def admin_client(client, demo):
    client.force_login(User.objects.get(username="admin"))
    return client


def test_the_main_admin_screens_are_thai(admin_client):
    report = {}
    ignore = data_strings()
    for url in screens():
        response = admin_client.get(url, HTTP_ACCEPT_LANGUAGE="th")
        assert response.status_code == 200, url
        found = untranslated(response.content.decode(), ignore)
        if found:
            report[url] = found
    assert report == {}, json.dumps(report, ensure_ascii=False, indent=1)
