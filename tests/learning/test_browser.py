"""A volunteer on a phone: enrol, read a lesson to its end, carry on, see the dashboard."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from courses import services
from courses.models import Enrollment, StepCompletion
from tests import factories

from .conftest import lessons_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(os.environ.get("LEARNING_SHOTS", "/tmp/shots-learning"))


def shoot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_enrol_read_to_the_end_and_see_progress(live_server, phone_page, sign_in):
    catalogue = factories.make_catalogue(factories.ensure_site())
    d1 = factories.make_competency(
        code="D1", name_th="การรู้ดิจิทัล", name_en="Digital literacy"
    )
    done_course = factories.make_course(
        catalogue,
        title="ใช้สมาร์ตโฟนอย่างปลอดภัย",
        modules=1,
        lessons=1,
        competencies=[(d1, 2)],
    )
    course = factories.make_course(
        catalogue, title="รู้ทันข่าวปลอม", slug="fake-news", modules=2, lessons=2
    )
    learner = factories.make_user()
    services.enrollment_create(user=learner, course=done_course)
    services.step_complete(user=learner, page=lessons_of(done_course)[0])
    page = phone_page
    sign_in(page, learner)

    page.goto(f"{live_server.url}{course.url}")
    shoot(page, "course-not-enrolled")
    page.get_by_role("button", name="ลงทะเบียนเรียนหลักสูตรนี้").click()
    first, second = lessons_of(course)[:2]
    expect(page).to_have_url(f"{live_server.url}{first.url}")
    assert Enrollment.objects.filter(user=learner, course=course).exists()

    # Reading to the end of the lesson completes it and reveals the next step.
    next_link = page.locator("[data-next-link] a")
    expect(next_link).to_be_hidden()
    page.locator("[data-lesson-end]").scroll_into_view_if_needed()
    # It waits a few seconds on the page first: a short lesson is not read the
    # instant it opens.
    expect(page.locator("[data-lesson-end]")).to_have_attribute("data-learning", "todo")
    expect(page.locator("[data-lesson-end]")).to_have_attribute(
        "data-learning", "done", timeout=10_000
    )
    expect(next_link).to_be_visible()
    shoot(page, "lesson-completed")
    assert StepCompletion.objects.filter(user=learner, page=first).count() == 1
    next_link.click()
    expect(page).to_have_url(f"{live_server.url}{second.url}")

    page.goto(f"{live_server.url}/th/learn/")
    card = page.locator(".progress-card", has_text="รู้ทันข่าวปลอม")
    # The second lesson may have completed itself while open: read the truth.
    done = StepCompletion.objects.filter(user=learner, course=course).count()
    assert done in (1, 2)
    expect(card.get_by_role("progressbar")).to_have_attribute(
        "aria-valuenow", str(25 * done)
    )
    expect(
        page.locator(".progress-card.is-complete", has_text="ใช้สมาร์ตโฟนอย่างปลอดภัย")
    ).to_be_visible()
    expect(page.locator(".competencies")).to_contain_text("D1")
    # Nothing sticks out sideways on a 360 px screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    shoot(page, "dashboard")

    # Resume from the dashboard lands on the next unfinished lesson.
    card.get_by_role("link", name="เรียนต่อ").click()
    expect(page).to_have_url(f"{live_server.url}{lessons_of(course)[done].url}")

    # Leaving asks first, then keeps what was done.
    page.goto(f"{live_server.url}{course.url}")
    shoot(page, "course-enrolled")
    page.get_by_role("link", name="ออกจากหลักสูตรนี้").click()
    shoot(page, "unenrol-confirm")
    page.get_by_role("button", name="ออกจากหลักสูตร").click()
    expect(page).to_have_url(f"{live_server.url}{course.url}")
    assert not Enrollment.objects.filter(user=learner, course=course).exists()
    assert StepCompletion.objects.filter(user=learner, page=first).exists()


def test_locked_step_and_course_say_what_opens_them(live_server, phone_page, sign_in):
    from courses.models import CoursePrerequisite

    from .conftest import add_quiz, modules_of

    catalogue = factories.make_catalogue(factories.ensure_site())
    course = factories.make_course(
        catalogue,
        title="ความปลอดภัยออนไลน์",
        modules=2,
        lessons=1,
        require_quiz_pass=True,
    )
    quiz = add_quiz(modules_of(course)[0], title="แบบทดสอบบทที่ 1")
    advanced = factories.make_course(catalogue, title="ขั้นสูง", modules=1, lessons=1)
    CoursePrerequisite.objects.create(page=advanced, prerequisite=course)
    learner = factories.make_user()
    services.enrollment_create(user=learner, course=course)
    page = phone_page
    sign_in(page, learner)

    page.goto(f"{live_server.url}{lessons_of(course)[-1].url}")
    actions = page.locator(".lesson-actions")
    expect(actions).to_have_attribute("data-learning", "locked")
    expect(actions.get_by_role("link")).to_have_attribute("href", quiz.url)
    expect(page.get_by_role("button", name="ทำเครื่องหมายว่าเรียนจบ")).to_have_count(0)
    shoot(page, "lesson-locked")

    page.goto(f"{live_server.url}{advanced.url}")
    expect(page.locator(".course-actions")).to_have_attribute("data-learning", "locked")
    expect(
        page.locator(".course-actions").get_by_role("link", name="ความปลอดภัยออนไลน์")
    ).to_be_visible()
    shoot(page, "course-locked")
