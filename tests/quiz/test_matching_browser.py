"""On a phone: a volunteer answers a matching and a numerical question; the
answers are saved as chosen, graded on the server, and the review shows the pairs."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from courses import services as course_services
from courses.quiz.models import Attempt
from tests import factories

from .helpers import make_question, make_quiz
from .test_matching_numerical import make_matching

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(os.environ.get("QUIZ_SHOTS", "/tmp/shots-quiz"))


def test_matching_and_numerical_on_a_phone(live_server, phone_page, site_sign_in):
    factories.ensure_site()
    course = factories.make_course(factories.make_catalogue(), modules=1, lessons=1)
    matching = make_matching(course)
    numerical = make_question(
        course,
        kind="numerical",
        text="สายด่วนศูนย์ต่อต้านข่าวปลอมคือหมายเลขใด",
        options=(),
        numeric_answer=1111,
    )
    quiz = make_quiz(course, [matching, numerical], pass_mark=50, title="จับคู่คำศัพท์")
    volunteer = factories.make_user(phone="0819990002", password="pass-1234-word")
    course_services.enrollment_create(user=volunteer, course=course)
    page = phone_page
    site_sign_in(page, "0819990002", "pass-1234-word")
    page.wait_for_load_state()
    page.goto(f"{live_server.url}{quiz.url}")
    page.get_by_role("button", name="เริ่มทำแบบทดสอบ").click()
    pairs = {o.text_th: o.match_th for o in matching.options.all()}
    for item, answer in pairs.items():
        chosen = answer if item != "สแปม" else pairs["ฟิชชิง"]
        page.get_by_label(item).select_option(label=chosen)
    with page.expect_response(lambda r: r.url.endswith("/save/")):
        page.get_by_label("คำตอบของคุณ (ตัวเลข)").fill("๑,๑๑๑")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "matching-take.png"), full_page=True)
    assert Attempt.objects.get(user=volunteer).draft[str(matching.pk)]
    page.get_by_role("button", name="ส่งคำตอบ").click()
    # matching 3 of 4 (0.75) + numerical 1 = 87.5 %.
    expect(page.locator(".score")).to_contain_text("87.5 %")
    expect(page.get_by_text("สแปม → การหลอกขอรหัสผ่าน")).to_be_visible()
    page.screenshot(path=str(SHOTS / "matching-result.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
