"""Anonymous readers get pages from the cache (lms/pagecache.py); what is
published shows at once, signed-in readers get no anonymous page (the home
page and the menu, which show nothing of them, are kept with each response's
own CSRF token), and no two responses share a CSP nonce."""

import re

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import PageViewRestriction, Site
from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_KEY

from courses.models import (
    CourseCompetency,
    CoursePage,
    CoursePrerequisite,
    LessonPage,
    ModulePage,
)
from lms import pagecache
from lms.pagecache import PageCacheMiddleware
from tests import factories

pytestmark = pytest.mark.django_db


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response, len(queries)


def test_an_anonymous_page_comes_from_the_cache(client, catalogue):
    factories.make_course(catalogue, title="หลักสูตรแรก")
    client.get("/th/courses/")
    response, queries = _queries(client, "/th/courses/")
    assert queries == 0
    assert "หลักสูตรแรก" in response.content.decode()


def test_publishing_shows_the_new_content_at_once(client, catalogue):
    course = factories.make_course(catalogue, title="ชื่อเดิม")
    assert "ชื่อเดิม" in client.get("/th/courses/").content.decode()
    assert "ชื่อเดิม" in client.get(course.url).content.decode()

    course = CoursePage.objects.get(pk=course.pk)
    course.title = "ชื่อใหม่"
    course.save_revision().publish()
    for url in ["/th/courses/", course.url, "/th/"]:
        html = client.get(url).content.decode()
        assert "ชื่อใหม่" in html, url
        assert "ชื่อเดิม" not in html, url


def test_unpublishing_and_moving_clear_the_cache(client, catalogue):
    course = factories.make_course(catalogue, title="จะถอนออก")
    assert "จะถอนออก" in client.get("/th/courses/").content.decode()
    course.unpublish()
    assert "จะถอนออก" not in client.get("/th/courses/").content.decode()
    assert client.get(course.url).status_code == 404


def test_signed_in_readers_get_a_fresh_page(client, catalogue):
    factories.make_course(catalogue, title="หลักสูตรแรก")
    client.force_login(factories.make_user())
    client.get("/th/courses/")
    _response, queries = _queries(client, "/th/courses/")
    assert queries > 0


def test_a_query_string_is_not_cached(client, catalogue, monkeypatch):
    # Rendered without a query by now (route, site and cards are kept), so
    # what tells is that no page is stored.
    stored = []
    monkeypatch.setattr(cache, "set", lambda key, *a, **k: stored.append(key))
    for _ in range(2):
        assert client.get("/th/courses/?topic=ecommerce").status_code == 200
    assert not [key for key in stored if key.startswith("lms:page:")]
    client.get("/th/courses/")
    assert [key for key in stored if key.startswith("lms:page:")]


def test_two_anonymous_responses_never_share_a_csp_nonce(client, catalogue):
    factories.make_course(catalogue)
    policies = []
    for url in ["/th/", "/th/", "/th/courses/", "/th/courses/", "/th/accounts/login/"]:
        response = client.get(url)
        policies.append(response["Content-Security-Policy"])
    nonces = [n for p in policies for n in re.findall(r"'nonce-([^']+)'", p)]
    assert len(nonces) == len(set(nonces))
    # A cached page needs no nonce: its policy names none.
    assert "nonce-" not in policies[1]


def test_a_page_that_uses_a_nonce_is_never_stored(rf, catalogue):

    calls = []

    def view(request):
        calls.append(1)
        request._csp_nonce = "made-for-this-response"
        return HttpResponse("<script nonce='made-for-this-response'></script>")

    middleware = PageCacheMiddleware(view)
    for _ in range(2):
        middleware(rf.get("/th/with-a-script/"))
    assert len(calls) == 2


def test_a_signed_in_page_reads_the_content_generation_once(
    client, catalogue, monkeypatch
):
    """Each cache read is a round trip to Redis in production: the locale
    lookups, the site and the cached cards share the one read of the content
    generation at the request's start, and the sites' root paths (every page
    URL) are kept per process for the generation."""

    course = factories.make_course(catalogue, title="หลักสูตรแรก")
    client.force_login(factories.make_user())
    for url in [course.url, "/th/courses/", "/th/"]:
        client.get(url)
    reads = []
    original = cache.get

    def counting(key, *args, **kwargs):
        reads.append(key)
        return original(key, *args, **kwargs)

    monkeypatch.setattr(cache, "get", counting)
    for url in [course.url, "/th/courses/", "/th/"]:
        reads.clear()
        assert client.get(url).status_code == 200
        assert reads.count(pagecache.GENERATION_KEY) == 1, (url, reads)
        assert SITE_ROOT_PATHS_CACHE_KEY not in reads, (url, reads)


def test_a_new_site_root_shows_in_page_urls_at_once(client, catalogue):
    """The per-process root paths follow a site's change of root page."""

    course = factories.make_course(catalogue, title="หลักสูตรแรก")
    assert client.get(course.url).status_code == 200
    site = Site.objects.get(is_default_site=True)
    site.hostname = "lms.example"
    site.save()
    fresh = CoursePage.objects.get(pk=course.pk)  # Wagtail keeps them per object
    assert fresh.get_full_url().startswith("http://lms.example/")


def test_a_signed_in_reader_sees_course_changes_at_once(client, catalogue):
    """A course's outline, competencies and prerequisites are kept per process
    for the content generation: publishing a lesson, linking a competency or a
    prerequisite shows on the next request."""

    course = factories.make_course(catalogue, title="หลักสูตรหลัก")
    other = factories.make_course(catalogue, title="หลักสูตรพื้นฐาน")
    client.force_login(factories.make_user())
    before = client.get(course.url).content.decode()
    assert "บทเรียนใหม่ล่าสุด" not in before and "หลักสูตรพื้นฐาน" not in before

    module = ModulePage.objects.child_of(course).first()
    lesson = module.add_child(instance=LessonPage(title="บทเรียนใหม่ล่าสุด", slug="newest"))
    lesson.save_revision().publish()
    assert "บทเรียนใหม่ล่าสุด" in client.get(course.url).content.decode()

    competency = factories.make_competency(name_th="สมรรถนะที่เพิ่งผูก")
    CourseCompetency.objects.create(page=course, competency=competency, proficiency=1)
    assert "สมรรถนะที่เพิ่งผูก" in client.get(course.url).content.decode()

    CoursePrerequisite.objects.create(page=course, prerequisite=other)
    assert "หลักสูตรพื้นฐาน" in client.get(course.url).content.decode()

    lesson.unpublish()
    assert "บทเรียนใหม่ล่าสุด" not in client.get(course.url).content.decode()


def test_the_generation_moves_again_when_the_change_is_committed(
    django_capture_on_commit_callbacks,
):
    """A process that read the new number before the commit may have kept
    what it read then: the commit starts yet another generation."""

    first = pagecache.generation()
    with django_capture_on_commit_callbacks(execute=True):
        pagecache.bump()
        during = pagecache.generation()
    assert first < during < pagecache.generation()


def test_a_lesson_body_shows_its_new_version_at_once_and_a_preview_its_draft(
    client, catalogue
):
    """Rendered lesson bodies are kept per process for the content
    generation: a published change shows on the next request, and a preview
    always renders the draft (never stored, never served from the store)."""

    course = factories.make_course(catalogue, lessons=1)
    lesson = LessonPage.objects.descendant_of(course).get()
    client.force_login(factories.make_user())
    assert "เนื้อหาบทเรียน 1.1" in client.get(lesson.url).content.decode()

    lesson.body = [("paragraph_block", "<p>ฉบับร่างที่ยังไม่เผยแพร่</p>")]
    revision = lesson.save_revision()
    live = client.get(lesson.url).content.decode()  # stored for this generation
    assert "เนื้อหาบทเรียน 1.1" in live and "ฉบับร่าง" not in live
    preview = revision.as_object().make_preview_request()
    assert "ฉบับร่างที่ยังไม่เผยแพร่" in preview.content.decode()
    live = client.get(lesson.url).content.decode()
    assert "เนื้อหาบทเรียน 1.1" in live and "ฉบับร่าง" not in live

    revision.publish()
    live = client.get(lesson.url).content.decode()
    assert "ฉบับร่างที่ยังไม่เผยแพร่" in live and "เนื้อหาบทเรียน 1.1" not in live


def test_a_view_restriction_applies_at_once(client, catalogue):
    """A page's view restrictions are kept per process for the content
    generation: one added above a lesson closes it on the next request, to
    anonymous readers (whose page came from the cache) and to signed-in ones
    alike; removing it opens the lesson again."""

    course = factories.make_course(catalogue, lessons=1)
    lesson = LessonPage.objects.descendant_of(course).get()
    assert client.get(lesson.url).status_code == 200
    assert client.get(lesson.url).status_code == 200  # from the cache

    restriction = PageViewRestriction.objects.create(
        page=course, restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get(lesson.url)
    assert response.status_code == 302 and "login" in response["Location"]

    client.force_login(factories.make_user())
    assert client.get(lesson.url).status_code == 200
    restriction.restriction_type = PageViewRestriction.PASSWORD
    restriction.password = "รหัสลับ"
    restriction.save()
    response = client.get(lesson.url)
    assert response.status_code == 200
    assert "เนื้อหาบทเรียน 1.1" not in response.content.decode()
    assert 'name="password"' in response.content.decode()

    restriction.delete()
    assert "เนื้อหาบทเรียน 1.1" in client.get(lesson.url).content.decode()


def test_a_signed_in_reader_follows_a_lesson_retitled_moved_or_unpublished(
    client, catalogue
):
    """The route of a URL and the page it serves are kept per process for the
    content generation: a lesson retitled, given a new slug or unpublished
    shows so on the next request."""

    course = factories.make_course(catalogue, lessons=1)
    lesson = LessonPage.objects.descendant_of(course).get()
    client.force_login(factories.make_user())
    old_url = lesson.url
    assert client.get(old_url).status_code == 200
    assert client.get(old_url).status_code == 200  # from the kept route

    lesson.title = "ชื่อบทเรียนใหม่"
    lesson.save_revision().publish()
    assert "ชื่อบทเรียนใหม่" in client.get(old_url).content.decode()

    lesson = LessonPage.objects.get(pk=lesson.pk)
    lesson.slug = "new-slug"
    lesson.save_revision().publish()
    lesson = LessonPage.objects.get(pk=lesson.pk)
    assert client.get(old_url).status_code == 404
    assert "ชื่อบทเรียนใหม่" in client.get(lesson.url).content.decode()

    lesson.unpublish()
    assert client.get(lesson.url).status_code == 404


def test_values_kept_one_per_url_never_crowd_out_the_rest(monkeypatch):
    """Routes and the pages they serve have their own store, emptied when
    full; a course's shared reads stay kept however many URLs are served."""

    monkeypatch.setattr(pagecache, "MANY_MAX", 3)
    pagecache.bump()
    assert pagecache.per_generation("outline", lambda: "kept") == "kept"
    for n in range(10):
        assert pagecache.per_generation(("route", n), lambda n=n: n, many=True) == n
    assert len(pagecache._many) <= 3
    assert pagecache.per_generation("outline", lambda: "read again") == "kept"
    assert pagecache.per_generation(("route", 9), lambda: "read again", many=True) == 9


def _main(html: str) -> str:
    return html[html.index("<main") : html.index("</main>")]


def _token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]


def test_signed_in_readers_share_the_home_page_but_not_its_csrf_token(
    catalogue, django_assert_max_num_queries
):
    """The home page shows nothing of the reader: kept per process for the
    generation, with each response's own token in the sign-out form."""
    factories.make_course(catalogue, title="หลักสูตรแรก")
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.force_login(factories.make_user())
    second.force_login(factories.make_user())
    made = first.get("/th/").content.decode()
    # Session and user: nothing of the page is read or rendered again.
    with django_assert_max_num_queries(2):
        response = second.get("/th/")
    assert response.templates == []
    kept = response.content.decode()
    assert _main(kept) == _main(made)
    assert "หลักสูตรแรก" in kept
    assert _token(kept) != _token(made)
    # The token in the kept page is the reader's own: signing out works.
    response = second.post(
        "/th/accounts/logout/", {"csrfmiddlewaretoken": _token(kept)}
    )
    assert response.status_code == 302
    assert "_auth_user_id" not in second.session


def test_the_signed_in_home_page_follows_publishing_and_language(client, catalogue):
    client.force_login(factories.make_user())
    assert "ชื่อเดิม" not in client.get("/th/").content.decode()
    course = factories.make_course(catalogue, title="ชื่อเดิม")
    assert "ชื่อเดิม" in client.get("/th/").content.decode()
    course.title = "ชื่อใหม่"
    course.save_revision().publish()
    html = client.get("/th/").content.decode()
    assert "ชื่อใหม่" in html and "ชื่อเดิม" not in html
    with translation.override("th"):  # the test thread stays in Thai after
        english = client.get("/en/").content.decode()
    assert 'lang="en"' in english and "Courses" in english


def test_a_signed_in_reader_with_a_message_waiting_sees_it(client, rf, catalogue):
    client.force_login(factories.make_user())
    client.get("/th/")  # kept
    storage = CookieStorage(rf.get("/"))
    client.cookies["messages"] = storage._encode(
        [Message(constants.SUCCESS, "บันทึกการตั้งค่าแล้ว")]
    )
    html = client.get("/th/").content.decode()
    assert "บันทึกการตั้งค่าแล้ว" in html
    assert "บันทึกการตั้งค่าแล้ว" not in client.get("/th/").content.decode()


def test_the_menu_is_made_once_a_generation_with_each_readers_own_token(catalogue):
    reader, other = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    reader.force_login(factories.make_user())
    other.force_login(factories.make_user())
    made = reader.get("/th/courses/")
    assert "includes/site_menu.html" in [t.name for t in made.templates]
    kept = other.get("/th/courses/")
    assert "includes/site_menu.html" not in [t.name for t in kept.templates]
    html = kept.content.decode()
    assert "ออกจากระบบ" in html and "การเรียนของฉัน" in html
    assert _token(html) != _token(made.content.decode())
    response = other.post("/th/accounts/logout/", {"csrfmiddlewaretoken": _token(html)})
    assert response.status_code == 302
    assert "_auth_user_id" not in other.session
    # Signed out, and in English: menus of their own.
    signed_out = other.get("/th/courses/?topic=x").content.decode()
    assert "เข้าสู่ระบบ" in signed_out and "/accounts/logout/" not in signed_out
    with translation.override("th"):  # the test thread stays in Thai after
        english = reader.get("/en/").content.decode()
    assert "Sign out" in english and "ออกจากระบบ" not in english
