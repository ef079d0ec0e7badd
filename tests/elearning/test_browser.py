"""A volunteer plays SCORM and H5P packages on a phone: fails the package's
quiz (the step stays open), passes it (the step completes and evidence is
written), and resumes a half-done package in a new browser where it left off."""

import os
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from competencies.models import CompetencyEvidence
from courses import services as course_services
from courses.models import StepCompletion
from elearning.models import PackageAttempt
from tests import factories

from . import packages
from .helpers import make_package_step

SHOTS = Path(os.environ.get("ELEARNING_SHOTS", "/tmp/shots-elearning"))
PASSWORD = "pass-1234-word"

pytestmark = pytest.mark.browser


def shoot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _sign_in(page, base, phone):
    page.goto(f"{base}/th/accounts/login/")
    page.get_by_label("โทรศัพท์หรืออีเมล").fill(phone)
    page.get_by_label("รหัสผ่าน").fill(PASSWORD)
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    page.wait_for_load_state()


def _setup(data: bytes, name="package.zip", phone="0819990101"):
    factories.ensure_site()
    competency = factories.make_competency()
    course = factories.make_course(factories.make_catalogue(), modules=1, lessons=1)
    step = make_package_step(course, data, name=name, competencies=[(competency, 2)])
    volunteer = factories.make_user(phone=phone, password=PASSWORD)
    course_services.enrollment_create(user=volunteer, course=course)
    return step, volunteer, competency


def _stored(user, step, ready, seconds=15):
    """The learner's attempt once the server has what the browser sent."""
    deadline = time.monotonic() + seconds
    while True:
        attempt = PackageAttempt.objects.get(user=user, page=step, closed=False)
        if ready(attempt) or time.monotonic() > deadline:
            return attempt
        time.sleep(0.2)


def _answer(frame, first: str, second: str):
    frame.get_by_label(first, exact=True).check()
    frame.get_by_label(second, exact=True).check()
    frame.get_by_role("button", name="ส่งคำตอบ").click()


@pytest.mark.parametrize(
    "build, label",
    [(packages.scorm12_zip, "scorm12"), (packages.scorm2004_zip, "scorm2004")],
)
def test_fail_then_pass_a_scorm_quiz(live_server, phone_page, build, label):
    step, volunteer, competency = _setup(build())
    page = phone_page
    _sign_in(page, live_server.url, "0819990101")
    page.goto(f"{live_server.url}{step.url}")
    page.get_by_role("button", name="เริ่ม").click()
    frame = page.frame_locator("[data-package-frame]")
    frame.get_by_role("button", name="ต่อไป").click()
    # One right of two: 50 %, below the package's mastery score of 80 %.
    _answer(frame, "น่าสงสัย", "กลุ่มไลน์ครอบครัว")
    expect(frame.get_by_role("status")).to_have_text("คะแนน 50%")
    status = page.locator("[data-package-status]")
    expect(status).to_contain_text("ไม่ผ่าน")
    shoot(page, f"{label}-1-failed")
    assert not StepCompletion.objects.filter(user=volunteer, page=step).exists()
    failed = PackageAttempt.objects.get(user=volunteer, page=step)
    assert (failed.completed, failed.passed, failed.closed, failed.score) == (
        True,
        False,
        True,
        50.0,
    )
    assert not CompetencyEvidence.objects.filter(user=volunteer).exists()

    page.get_by_role("button", name="ทำใหม่อีกครั้ง").click()
    frame = page.frame_locator("[data-package-frame]")
    frame.get_by_role("button", name="ต่อไป").click()
    _answer(frame, "น่าสงสัย", "ศูนย์ต่อต้านข่าวปลอม")
    expect(status).to_contain_text("เรียนจบและผ่าน")
    expect(page.locator("[data-next-link]").first).to_be_visible()
    shoot(page, f"{label}-2-passed")
    assert StepCompletion.objects.filter(user=volunteer, page=step).exists()
    passed = PackageAttempt.objects.get(user=volunteer, page=step, number=2)
    assert (passed.completed, passed.passed, passed.score) == (True, True, 100.0)
    evidence = CompetencyEvidence.objects.get(user=volunteer, competency=competency)
    assert (evidence.source, evidence.proficiency) == ("package", 2)

    page.reload()
    expect(page.locator(".lesson-actions")).to_contain_text("จบแล้ว")
    shoot(page, f"{label}-3-done")


def test_resume_a_half_done_package_in_another_browser(
    live_server, browser, phone_page
):
    step, volunteer, _competency = _setup(packages.scorm12_zip(), phone="0819990102")
    page = phone_page
    _sign_in(page, live_server.url, "0819990102")
    page.goto(f"{live_server.url}{step.url}")
    page.get_by_role("button", name="เริ่ม").click()
    frame = page.frame_locator("[data-package-frame]")
    frame.get_by_role("button", name="ต่อไป").click()
    frame.get_by_label("น่าสงสัย", exact=True).check()
    # The answer is committed and stored on the server.
    expect(page.locator("[data-package-status]")).to_have_text("บันทึกความก้าวหน้าแล้ว")
    attempt = _stored(volunteer, step, lambda a: a.suspend_data == "q1=a")
    assert attempt.location == "question"

    other = browser.new_context(
        viewport={"width": 360, "height": 740},
        locale="th-TH",
        is_mobile=True,
        has_touch=True,
    )
    try:
        second = other.new_page()
        _sign_in(second, live_server.url, "0819990102")
        second.goto(f"{live_server.url}{step.url}")
        frame = second.frame_locator("[data-package-frame]")
        expect(frame.get_by_text("ยินดีต้อนรับกลับ")).to_be_visible()
        expect(frame.get_by_label("น่าสงสัย", exact=True)).to_be_checked()
        expect(frame.get_by_role("button", name="ส่งคำตอบ")).to_be_visible()
        shoot(second, "resume-other-phone")
    finally:
        other.close()


def test_h5p_fail_then_pass(live_server, phone_page):
    step, volunteer, competency = _setup(
        packages.h5p_zip(), name="quiz.h5p", phone="0819990103"
    )
    step.pass_mark = 100
    step.save_revision().publish()
    page = phone_page
    _sign_in(page, live_server.url, "0819990103")
    page.goto(f"{live_server.url}{step.url}")
    page.get_by_role("button", name="เริ่ม").click()
    content = page.frame_locator("[data-package-frame]")
    content.get_by_role("button", name="ไม่น่าสงสัย").click()
    status = page.locator("[data-package-status]")
    expect(status).to_contain_text("ไม่ผ่าน")
    assert not StepCompletion.objects.filter(user=volunteer, page=step).exists()
    shoot(page, "h5p-1-failed")
    content.get_by_role("button", name="น่าสงสัย", exact=True).click()
    expect(status).to_contain_text("เรียนจบและผ่าน")
    expect(page.get_by_role("button", name="ทำใหม่อีกครั้ง")).to_be_hidden()
    shoot(page, "h5p-2-passed")
    assert StepCompletion.objects.filter(user=volunteer, page=step).exists()
    assert CompetencyEvidence.objects.filter(
        user=volunteer, competency=competency, source="package"
    ).exists()
    assert list(
        PackageAttempt.objects.filter(user=volunteer)
        .order_by("number")
        .values_list("passed", flat=True)
    ) == [False, True]
