"""Studying offline on a phone: save a course, lose the connection, study,
come back and find the marks on the server once; what is not saved, quizzes,
sign-out and what the worker must never keep."""

import re

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from courses import services
from courses.models import LessonPage, StepCompletion
from lms.offline.models import OfflineMark
from tests import factories
from tests.quiz.helpers import make_question, make_quiz

from .conftest import add_pictures

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def studied(media):
    """Three lessons (two pictures in the first, a long third one) and a quiz."""
    catalogue = factories.make_catalogue(factories.ensure_site())
    course = factories.make_course(
        catalogue, title="รู้ทันข่าวปลอม", slug="fake-news", modules=1, lessons=3
    )
    lessons = list(LessonPage.objects.descendant_of(course).order_by("path"))
    add_pictures(lessons[0])
    long = lessons[2]
    long.body = [
        ("paragraph_block", f"<p>ย่อหน้าที่ {n} ของบทเรียนยาว</p>") for n in range(60)
    ]
    long.save_revision().publish()
    quiz = make_quiz(course, [make_question(course)], title="แบบทดสอบท้ายบท")
    quiz.save_revision().publish()
    another = factories.make_course(catalogue, title="ขายของออนไลน์", slug="selling")
    learner = factories.make_user()
    services.enrollment_create(user=learner, course=course)
    return {
        "course": course,
        "lessons": lessons,
        "quiz": quiz,
        "another": another,
        "learner": learner,
    }


def _controlled(page):
    """Wait until the service worker is active and controls the page."""
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    if not page.evaluate("!!navigator.serviceWorker.controller"):
        page.reload()
    page.wait_for_function("!!navigator.serviceWorker.controller")


def _cached_urls(page) -> list[str]:
    return page.evaluate(
        """async () => {
          const urls = [];
          for (const name of await caches.keys()) {
            const cache = await caches.open(name);
            for (const request of await cache.keys()) urls.push(request.url);
          }
          return urls;
        }"""
    )


def _save_course(page, live_server, course, lessons=3):
    page.goto(f"{live_server.url}{course.url}")
    _controlled(page)
    panel = page.locator("[data-offline-save]")
    panel.get_by_role("button", name="บันทึกไว้เรียนออฟไลน์").click()
    # The size first, then the download with its progress.
    expect(panel).to_contain_text(re.compile(rf"{lessons} บทเรียน ประมาณ \d+ KB"))
    panel.get_by_role("button", name="ดาวน์โหลด").click()
    expect(panel).to_contain_text("บันทึกไว้เรียนออฟไลน์แล้ว")
    expect(panel.get_by_role("button", name="ลบออกจากโทรศัพท์เครื่องนี้")).to_be_visible()


def test_save_study_offline_and_sync_once(live_server, phone_page, sign_in, studied):
    page = phone_page
    course, lessons, learner = studied["course"], studied["lessons"], studied["learner"]
    sign_in(page, learner)
    _save_course(page, live_server, course)
    page.screenshot(path="/tmp/h17-saved.png")

    page.context.set_offline(True)
    page.goto(f"{live_server.url}{course.url}")  # the course page itself is saved
    outline = page.locator(".outline")
    for lesson in lessons:
        outline.get_by_role("link", name=lesson.title).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(lesson.title)
        if lesson == lessons[0]:
            pictures = page.locator(".figure img")
            expect(pictures).to_have_count(2)
            for n in range(2):
                pictures.nth(n).scroll_into_view_if_needed()
                page.wait_for_function(
                    "img => img.complete && img.naturalWidth > 0",
                    arg=pictures.nth(n).element_handle(),
                )
            # Marked by the button, while offline.
            page.get_by_role("button", name="ทำเครื่องหมายว่าเรียนจบ").click()
            expect(page.get_by_text("เรียนบทนี้จบแล้ว")).to_be_visible()
            expect(page.locator("[data-offline-status]")).to_have_text(
                "1 บทเรียนรอส่งข้อมูล"
            )
        elif lesson == lessons[1]:
            # Marked by reading to the end, while offline.
            page.locator("#lesson-end").scroll_into_view_if_needed()
            expect(page.get_by_text("เรียนบทนี้จบแล้ว")).to_be_visible()
            expect(page.locator("[data-offline-status]")).to_have_text(
                "2 บทเรียนรอส่งข้อมูล"
            )
        page.go_back()
    page.screenshot(path="/tmp/h17-offline-course.png")
    assert not StepCompletion.objects.filter(user=learner).exists()

    # A page that is not saved: the offline page in Thai, listing what is.
    page.goto(f"{live_server.url}{studied['another'].url}")
    expect(page.get_by_role("heading", level=1)).to_have_text("คุณออฟไลน์อยู่")
    saved = page.locator("[data-offline-saved]")
    expect(saved.get_by_role("link", name="รู้ทันข่าวปลอม")).to_be_visible()
    page.screenshot(path="/tmp/h17-offline-page.png")

    # A quiz says it needs a connection.
    page.goto(f"{live_server.url}{studied['quiz'].url}")
    expect(page.get_by_role("alert")).to_contain_text("แบบทดสอบนี้ต้องใช้อินเทอร์เน็ต")
    page.screenshot(path="/tmp/h17-offline-quiz.png")

    # Back online: the two marks reach the server, once each.
    page.context.set_offline(False)
    # The page open when the connection returns sends the marks and says so.
    expect(page.locator("[data-offline-notice]")).to_have_text(
        "บันทึก 2 บทเรียนที่คุณเรียนจบขณะออฟไลน์แล้ว"
    )
    page.goto(f"{live_server.url}/th/learn/")
    expect(page.locator("[data-offline-status]")).to_be_hidden()
    expect(
        page.locator("[data-offline-saved]").get_by_role("link", name="รู้ทันข่าวปลอม")
    ).to_be_visible()
    page.screenshot(path="/tmp/h17-my-learning.png")
    done = StepCompletion.objects.filter(user=learner)
    assert sorted(done.values_list("page_id", flat=True)) == sorted(
        [lessons[0].pk, lessons[1].pk]
    )
    assert OfflineMark.objects.filter(user=learner, outcome="recorded").count() == 2
    page.reload()
    page.evaluate("window.lmsOffline.sync()")
    assert StepCompletion.objects.filter(user=learner).count() == 2
    assert OfflineMark.objects.count() == 2


def test_quiz_page_open_when_the_connection_drops(
    live_server, phone_page, sign_in, studied
):
    page = phone_page
    sign_in(page, studied["learner"])
    page.goto(f"{live_server.url}{studied['quiz'].url}")
    _controlled(page)
    start = page.get_by_role("button", name="เริ่มทำแบบทดสอบ")
    page.context.set_offline(True)
    expect(page.get_by_role("alert")).to_contain_text("แบบทดสอบนี้ต้องใช้อินเทอร์เน็ต")
    expect(start).to_be_disabled()
    page.context.set_offline(False)
    expect(start).to_be_enabled()
    expect(page.get_by_role("alert")).to_be_hidden()


def test_never_cached_and_sign_out_clears(live_server, phone_page, sign_in, studied):
    page = phone_page
    sign_in(page, studied["learner"])
    _save_course(page, live_server, studied["course"])
    # Quiz attempt, admin, API: visited online, never kept.
    page.goto(f"{live_server.url}{studied['quiz'].url}")
    page.get_by_role("button", name="เริ่มทำแบบทดสอบ").click()
    expect(page).to_have_url(re.compile(r"/th/quiz/"))
    page.goto(f"{live_server.url}/admin/")
    page.goto(f"{live_server.url}/api/v1/catalogue/courses")
    page.goto(f"{live_server.url}/th/learn/")
    cached = _cached_urls(page)
    assert any(url.endswith(studied["lessons"][0].url) for url in cached)
    assert not [u for u in cached if re.search(r"/(admin|api|quiz|accounts)/", u)], (
        cached
    )
    assert not [u for u in cached if u.endswith("/th/learn/")], (
        "a page kept only because it was visited"
    )

    page.get_by_role("navigation", name="หลัก").get_by_text("เมนู").click()
    page.get_by_role("button", name="ออกจากระบบ").click()
    expect(page.get_by_text("ออกจากระบบแล้ว")).to_be_visible()
    # Clear-Site-Data emptied the phone; the worker registered again after it
    # keeps only the site's files and the offline page.
    names = page.evaluate("caches.keys()")
    assert not [n for n in names if n.startswith("lms-saved-")], names
    lesson_url = studied["lessons"][0].url
    assert not [u for u in _cached_urls(page) if u.endswith(lesson_url)]
    # The page's deferred scripts (idb among them) run after its text shows.
    page.wait_for_load_state("load")
    assert (
        page.evaluate("idb.openDB('lms-offline', 1).then(db => db.getAll('courses'))")
        == []
    )
    page.context.set_offline(True)
    try:
        page.goto(f"{live_server.url}{lesson_url}")
    except PlaywrightError:
        return  # no worker yet: the browser's own offline error, nothing shown
    expect(page.get_by_role("heading", level=1)).to_have_text("คุณออฟไลน์อยู่")


def test_two_tabs_sync_the_same_mark_once(live_server, phone_page, sign_in, studied):
    page = phone_page
    learner, lessons = studied["learner"], studied["lessons"]
    sign_in(page, learner)
    _save_course(page, live_server, studied["course"])
    page.context.set_offline(True)
    page.goto(f"{live_server.url}{lessons[0].url}")
    page.get_by_role("button", name="ทำเครื่องหมายว่าเรียนจบ").click()
    expect(page.locator("[data-offline-status]")).to_have_text("1 บทเรียนรอส่งข้อมูล")
    second = page.context.new_page()
    second.goto(f"{live_server.url}{lessons[1].url}")
    expect(second.locator("[data-offline-status]")).to_have_text("1 บทเรียนรอส่งข้อมูล")
    queued = page.evaluate(
        "idb.openDB('lms-offline', 1).then(db => db.getAll('marks'))"
    )
    assert len(queued) == 1
    # Both tabs see the connection return and send the same queued mark.
    page.context.set_offline(False)
    page.evaluate("Promise.all([window.lmsOffline.sync(), window.lmsOffline.sync()])")
    second.evaluate("window.lmsOffline.sync()")
    expect(page.locator("[data-offline-status]")).to_be_hidden()
    second.reload()
    expect(second.locator("[data-offline-status]")).to_be_hidden()
    # The same mark replayed by the other tab (a retry after a lost answer).
    replay = second.evaluate(
        """mark => fetch("/th/offline/sync/", {
             method: "POST", credentials: "same-origin",
             headers: {"Content-Type": "application/json",
                       "X-CSRFToken": document.cookie.match(/csrftoken=([^;]+)/)[1]},
             body: JSON.stringify({marks: [{id: mark.id, page: mark.page, at: mark.at}]})
           }).then(r => r.json())""",
        queued[0],
    )
    assert replay["results"][0]["status"] == "duplicate"
    assert StepCompletion.objects.filter(user=learner, page=lessons[0]).count() == 1
    assert OfflineMark.objects.filter(user=learner).count() == 1


def test_a_changed_lesson_is_refreshed_and_the_learner_told(
    live_server, phone_page, sign_in, studied
):
    page = phone_page
    lessons = studied["lessons"]
    sign_in(page, studied["learner"])
    _save_course(page, live_server, studied["course"])
    page.context.set_offline(True)
    changed = LessonPage.objects.get(pk=lessons[1].pk)
    changed.title = "บทเรียน 1.2 ฉบับปรับปรุง"
    changed.save_revision().publish()
    # The next connection: the saved copy is downloaded again, and the learner told.
    page.context.set_offline(False)
    expect(page.locator("[data-offline-notice]")).to_contain_text(
        "บทเรียนที่บันทึกไว้มีการแก้ไข"
    )
    expect(page.locator("[data-offline-notice]")).to_contain_text(
        "บทเรียน 1.2 ฉบับปรับปรุง"
    )
    page.context.set_offline(True)
    page.goto(f"{live_server.url}{lessons[1].url}")
    expect(page.get_by_role("heading", level=1)).to_have_text("บทเรียน 1.2 ฉบับปรับปรุง")
