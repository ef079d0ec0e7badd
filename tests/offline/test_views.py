"""The service worker's headers, the manifests, the course download list, the
sync of offline marks (each once) and what sign-out tells the browser."""

import json
import uuid

import pytest
from django.test import Client

from courses.models import StepCompletion
from lms.offline.models import OfflineMark
from tests import factories

from .conftest import lessons_of


def _sync(client, marks, lang="th"):
    return client.post(
        f"/{lang}/offline/sync/",
        data=json.dumps({"marks": marks}),
        content_type="application/json",
    )


def _mark(page, mark_id=None):
    return {
        "id": str(mark_id or uuid.uuid4()),
        "page": page.pk,
        "at": "2026-12-01T10:00:00+07:00",
    }


@pytest.fixture
def signed_in(client, learner):
    client.force_login(learner)
    return client


class TestServiceWorker:
    def test_served_at_the_root_with_scope_and_no_cache(self, client, db):
        response = client.get("/sw.js")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/javascript")
        assert response["Service-Worker-Allowed"] == "/"
        assert "no-cache" in response["Cache-Control"]
        body = response.content.decode()
        assert (
            "importScripts(" in body and "/static/js/offline/vendor/workbox.js" in body
        )
        assert '"th": "/th/offline/"' in body

    def test_keeps_the_strict_csp(self, client, db):
        policy = client.get("/sw.js")["Content-Security-Policy"]
        script_src = next(p for p in policy.split(";") if "script-src" in p)
        assert "unsafe-inline" not in script_src and "'self'" in script_src

    def test_the_worker_never_caches_the_admin_the_api_or_quiz_attempts(self):
        # The worker's own rules, as shipped: the admin and the API are never
        # answered by it; quiz, sign-in and sync pages only from the network.
        from django.contrib.staticfiles import finders

        code = open(finders.find("js/offline/sw-main.js"), encoding="utf-8").read()
        assert "admin|django-admin|api|" in code
        assert "accounts|quiz|privacy|offline\\/(sync|course)" in code


class TestManifest:
    @pytest.mark.parametrize(
        ("lang", "name", "start"),
        [
            ("th", "ห้องเรียนอาสาสมัครดิจิทัล", "/th/learn/"),
            ("en", "Digital Volunteer Learning", "/en/learn/"),
        ],
    )
    def test_per_language(self, client, db, lang, name, start):
        response = client.get(f"/{lang}/manifest.webmanifest")
        assert response["Content-Type"].startswith("application/manifest+json")
        data = json.loads(response.content)
        assert data["name"] == name and data["lang"] == lang
        assert data["start_url"].startswith(start)
        assert data["display"] == "standalone" and data["theme_color"] == "#0b5cad"
        sizes = {(i["sizes"], i.get("purpose", "any")) for i in data["icons"]}
        assert {
            ("192x192", "any"),
            ("512x512", "any"),
            ("512x512", "maskable"),
        } <= sizes

    def test_pages_link_it_with_icons(self, client, home_page):
        html = client.get("/th/").content.decode()
        assert '<link rel="manifest" href="/th/manifest.webmanifest">' in html
        assert 'rel="icon"' in html and 'rel="apple-touch-icon"' in html
        assert '<meta name="theme-color" content="#0b5cad">' in html


class TestCourseDownload:
    def test_lists_lessons_with_versions_and_image_renditions(self, signed_in, course):
        response = signed_in.get(f"/th/offline/course/{course.pk}.json")
        assert response.status_code == 200
        assert "no-cache" in response["Cache-Control"]
        data = response.json()
        lessons = lessons_of(course)
        assert [entry["url"] for entry in data["lessons"]] == [
            lesson.url for lesson in lessons
        ]
        first = data["lessons"][0]
        assert len(first["images"]) == 2
        widths = [c["width"] for c in first["images"][0]["candidates"]]
        assert widths == [360, 720]
        assert all(
            c["url"].endswith(".webp") and c["bytes"] > 0
            for c in first["images"][0]["candidates"]
        )
        assert data["course"]["url"] == course.url

    def test_version_changes_when_republished(self, signed_in, course):
        lesson = lessons_of(course)[1]
        before = signed_in.get(f"/th/offline/course/{course.pk}.json").json()
        lesson.title = "บทเรียนที่แก้แล้ว"
        lesson.save_revision().publish()
        after = signed_in.get(f"/th/offline/course/{course.pk}.json").json()
        assert before["lessons"][1]["version"] != after["lessons"][1]["version"]
        assert before["lessons"][0]["version"] == after["lessons"][0]["version"]

    def test_sign_in_required_and_unknown_course(self, client, signed_in, course):
        assert Client().get(f"/th/offline/course/{course.pk}.json").status_code == 401
        assert signed_in.get("/th/offline/course/999999.json").status_code == 404


class TestSync:
    def test_records_a_mark_once_however_often_it_is_sent(
        self, signed_in, course, learner
    ):
        lesson = lessons_of(course)[0]
        mark = _mark(lesson)
        first = _sync(signed_in, [mark]).json()["results"]
        second = _sync(signed_in, [mark, mark]).json()["results"]
        assert first == [{"id": mark["id"], "status": "recorded", "note": ""}]
        assert [r["status"] for r in second] == ["duplicate", "duplicate"]
        assert StepCompletion.objects.filter(user=learner, page=lesson).count() == 1
        assert OfflineMark.objects.get().outcome == "recorded"

    def test_from_two_tabs(self, course, learner):
        lesson = lessons_of(course)[0]
        mark = _mark(lesson)
        tabs = [Client(), Client()]
        for tab in tabs:
            tab.force_login(learner)
        answers = [_sync(tab, [mark]).json()["results"][0]["status"] for tab in tabs]
        assert sorted(answers) == ["duplicate", "recorded"]
        assert StepCompletion.objects.filter(user=learner, page=lesson).count() == 1

    def test_a_lesson_unpublished_since_is_dropped_with_a_note(
        self, signed_in, course, learner
    ):
        lesson = lessons_of(course)[2]
        lesson.unpublish()
        result = _sync(signed_in, [_mark(lesson)]).json()["results"][0]
        assert result["status"] == "dropped"
        assert "ไม่ได้เผยแพร่แล้ว" in result["note"]
        assert not StepCompletion.objects.filter(user=learner, page=lesson).exists()

    def test_another_accounts_mark_id_changes_nothing(self, signed_in, course, learner):
        lesson = lessons_of(course)[0]
        other = factories.make_user()
        mark = _mark(lesson)
        OfflineMark.objects.create(
            client_id=mark["id"], user=other, page_id=lesson.pk, outcome="recorded"
        )
        assert _sync(signed_in, [mark]).json()["results"][0]["status"] == "duplicate"
        assert not StepCompletion.objects.filter(user=learner).exists()

    @pytest.mark.parametrize(
        "body",
        [
            b"not json",
            b"[]",
            b'{"marks": 3}',
            b'{"marks": [{"id": "x", "page": 1}]}',
            b'{"marks": [{"id": "00000000-0000-0000-0000-000000000001", "page": "a"}]}',
            b'{"marks": [null]}',
        ],
    )
    def test_bad_input_gets_a_clear_answer(self, signed_in, course, body):
        response = signed_in.post(
            "/th/offline/sync/", data=body, content_type="application/json"
        )
        assert response.status_code in (200, 400)
        if response.status_code == 200:
            assert response.json()["results"][0]["status"] == "invalid"
        assert not StepCompletion.objects.exists()

    def test_needs_sign_in_and_csrf(self, course, learner):
        assert _sync(Client(), []).status_code == 401
        strict = Client(enforce_csrf_checks=True)
        strict.force_login(learner)
        assert _sync(strict, [_mark(lessons_of(course)[0])]).status_code == 403
        assert not StepCompletion.objects.exists()


def test_sign_out_clears_the_phones_caches_and_storage(signed_in):
    response = signed_in.post("/th/accounts/logout/")
    assert response["Clear-Site-Data"] == '"cache", "storage"'


def test_lesson_images_come_as_webp_srcset_lazy(client, course):
    html = client.get(lessons_of(course)[0].url).content.decode()
    assert html.count('loading="lazy"') == 2
    assert "srcset=" in html and ".width-360.format-webp.webp 360w" in html
    assert ".width-720.format-webp.webp 720w" in html


def test_offline_page_in_thai(client, db):
    html = client.get("/th/offline/").content.decode()
    assert "คุณออฟไลน์อยู่" in html
