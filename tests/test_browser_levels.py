"""A volunteer passes a demo quiz and sees their level and what comes next."""

import pytest
from playwright.sync_api import expect

from competencies.demo import load_demo_ladder
from courses import services as course_services
from courses.models import CoursePage
from courses.quiz.demo import load_demo_quizzes
from lms.accounts.roles import sync_roles
from lms.demo import loader
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_passing_a_quiz_raises_the_level_shown(live_server, phone_page, site_sign_in):
    factories.ensure_site()
    sync_roles()
    loader.load_framework()
    _home, catalogue = loader.load_site()
    loader.load_courses(catalogue)
    load_demo_quizzes()
    load_demo_ladder()
    volunteer = factories.make_user(phone="0819990000", password="pass-1234-word")
    course = CoursePage.objects.get(
        slug="spotting-fake-news", locale__language_code="th"
    )
    course_services.enrollment_create(user=volunteer, course=course)

    page = phone_page
    site_sign_in(page, "0819990000", "pass-1234-word")

    page.goto(f"{live_server.url}/th/learn/competencies/")
    expect(page.locator(".level-card")).to_contain_text("ยังไม่มีระดับ")

    page.goto(f"{live_server.url}/th/courses/spotting-fake-news/staying-safe/quiz/")
    page.get_by_role("button", name="เริ่มทำแบบทดสอบ").click()
    page.get_by_label("พาดหัวว่า ด่วน! แชร์ด่วน!").check()
    page.get_by_label("ค้นหาภาพย้อนกลับ").check()
    page.get_by_label("ตรวจกับศูนย์ต่อต้านข่าวปลอม").check()
    page.get_by_label("เท็จ").check()
    page.locator("input[type=text]").fill("1111")
    page.get_by_role("button", name="ส่งคำตอบ").click()
    expect(page.locator(".score")).to_contain_text(", 100 %")

    page.goto(f"{live_server.url}/th/learn/competencies/")
    expect(page.locator(".level-badge")).to_contain_text("อาสาสมัครดิจิทัลระดับหมู่บ้าน/ชุมชน")
    needs = page.locator("#next-h").locator("..")
    expect(needs).to_contain_text("อาสาสมัครดิจิทัลระดับตำบล")
    expect(needs).to_contain_text("เรียนจบอีก 1 หลักสูตร")
