"""axe-core on every learner page, on a 360×740 phone in Thai: no serious or
critical violation, and headings in order.

axe-core is vendored (``make axe-vendor``) under ``tests/accessibility/vendor``
and evaluated in the page by Playwright (an evaluation is not a page script,
so the strict Content-Security-Policy stays as it is and the fixture's check
that nothing was refused still holds). The site never serves the file.
"""

import json
import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from competencies.models import LevelRequirement, VolunteerLevel
from courses.models import LessonPage
from courses.services import enrollment_create, step_complete
from lms.accounts.roles import sync_roles
from tests import factories
from tests.certificates.conftest import make_award
from tests.quiz.helpers import make_question, make_quiz

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()
SHOTS = Path(os.environ.get("SHOTS_DIR", "/tmp/shots-axe"))
# Failing impacts, plus rules we hold whatever axe's impact says.
FAILING_IMPACTS = {"serious", "critical"}
ALWAYS = {"heading-order", "page-has-heading-one", "landmark-one-main"}
PASSWORD = "pass-1234-word"


def _audit(page, name: str) -> list[str]:
    """axe's findings on the page as shown, as readable lines; a screenshot too."""
    page.wait_for_load_state("load")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE)
    result = page.evaluate(
        """async () => {
          const r = await axe.run(document, {resultTypes: ['violations']});
          return r.violations.map(v => ({id: v.id, impact: v.impact,
            help: v.help, nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' +
              (n.failureSummary || '').replace(/\\s+/g, ' ')).slice(0, 5)}));
        }"""
    )
    return [
        f"{name}: [{v['impact']}] {v['id']} ({v['help']}): {json.dumps(v['nodes'], ensure_ascii=False)}"
        for v in result
        if v["impact"] in FAILING_IMPACTS or v["id"] in ALWAYS
    ]


@pytest.fixture
def journey(catalogue):
    """A course with a lesson and a final quiz, its award, a level ladder."""
    sync_roles()
    literacy = factories.make_competency(
        code="D1", name_th="การรู้ดิจิทัล", name_en="Digital literacy"
    )
    problems = factories.make_competency(code="D2", name_th="แก้ปัญหาด้วยดิจิทัล")
    village = VolunteerLevel.objects.create(
        code="village", rank=1, name_th="อาสาสมัครดิจิทัลระดับหมู่บ้าน"
    )
    LevelRequirement.objects.create(
        level=village, competency=literacy, min_proficiency=2
    )
    subdistrict = VolunteerLevel.objects.create(
        code="subdistrict", rank=2, name_th="อาสาสมัครดิจิทัลระดับตำบล"
    )
    LevelRequirement.objects.create(
        level=subdistrict, competency=problems, min_proficiency=1
    )
    course = factories.make_course(
        catalogue,
        title="การค้าออนไลน์อย่างปลอดภัย",
        slug="safe-selling",
        modules=2,
        lessons=1,
        competencies=[(literacy, 2)],
    )
    factories.make_course(
        catalogue,
        title="ใช้ดิจิทัลแก้ปัญหาชุมชน",
        slug="community",
        competencies=[(problems, 1)],
    )
    make_award(courses=[course])
    question = make_question(course)
    quiz = make_quiz(course, [question], pass_mark=100, title="แบบทดสอบท้ายหลักสูตร")
    volunteer = factories.make_user(
        first_name="สมหญิง", last_name="ใจงาม", phone="0812345678"
    )
    return {"course": course, "quiz": quiz, "volunteer": volunteer}


def test_learner_pages_have_no_serious_violations(
    live_server, phone_page, journey, sign_in, settings
):
    settings.CERTIFICATES_BASE_URL = live_server.url
    base = live_server.url
    page = phone_page
    course, quiz, volunteer = journey["course"], journey["quiz"], journey["volunteer"]
    lesson = LessonPage.objects.descendant_of(course).order_by("path").first()
    found: list[str] = []

    # Anonymous pages.
    for name, path in (
        ("home", "/th/"),
        ("catalogue", course.get_parent().url),
        ("course-anonymous", course.url),
        ("lesson-anonymous", lesson.url),
        ("sign-in", "/th/accounts/login/"),
        ("sign-up", "/th/accounts/signup/"),
        ("reset", "/th/accounts/password/reset/"),
        ("not-found", "/th/no-such-page/"),
    ):
        page.goto(base + path)
        found += _audit(page, name)

    # A new volunteer's home, then studying.
    sign_in(page, volunteer)
    page.goto(base + "/th/learn/")
    expect(page.locator("[data-home-state=new]")).to_be_visible()
    found += _audit(page, "my-learning-new")
    enrollment_create(user=volunteer, course=course)
    step_complete(user=volunteer, page=lesson)
    page.goto(base + "/th/learn/")
    found += _audit(page, "my-learning-studying")
    page.goto(base + course.url)
    expect(page.locator("[data-step-state=done]")).to_be_visible()
    found += _audit(page, "course-studying")
    page.goto(base + lesson.url)
    found += _audit(page, "lesson")
    for other in LessonPage.objects.descendant_of(course).exclude(pk=lesson.pk):
        step_complete(user=volunteer, page=other)

    # The quiz: fail once (the result page), then pass (the completion screen).
    page.goto(base + quiz.url)
    found += _audit(page, "quiz-start")
    page.get_by_role("button", name="เริ่มทำแบบทดสอบ").click()
    expect(page.get_by_label("มีแหล่งที่มาชัดเจน")).to_be_visible()
    found += _audit(page, "quiz-questions")
    page.get_by_label("มีแหล่งที่มาชัดเจน").check()
    page.get_by_role("button", name="ส่งคำตอบ").click()
    expect(page.get_by_text("ไม่ผ่าน").first).to_be_visible()
    found += _audit(page, "quiz-result")
    page.get_by_role("button", name="ทำใหม่อีกครั้ง").click()
    page.get_by_label("พาดหัวเร้าอารมณ์").check()
    page.get_by_role("button", name="ส่งคำตอบ").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("เรียนจบหลักสูตรแล้ว!")
    found += _audit(page, "completion")

    for name, path in (
        ("my-learning-between", "/th/learn/"),
        ("my-certificates", "/th/certificates/"),
        ("my-competencies", "/th/learn/competencies/"),
    ):
        page.goto(base + path)
        found += _audit(page, name)
    certificate = volunteer.certificates.get()
    page.goto(f"{base}/verify/{certificate.code}/")
    found += _audit(page, "verify")

    assert found == [], "\n".join(found)


def test_signed_in_header_is_one_row_with_a_menu(
    live_server, phone_page, desktop_page, catalogue, sign_in
):
    volunteer = factories.make_user(phone="0812345679")
    page = phone_page
    sign_in(page, volunteer)
    page.goto(live_server.url + "/th/learn/")
    header = page.locator(".site-header").bounding_box()
    # One row: the page's own content starts within the top tenth of a 740-px screen.
    assert header["height"] <= 64, header
    nav = page.get_by_role("navigation", name="หลัก")
    expect(nav.get_by_role("link", name="เกียรติบัตรของฉัน")).to_be_hidden()
    nav.get_by_text("เมนู").click()
    expect(nav.get_by_role("link", name="เกียรติบัตรของฉัน")).to_be_visible()
    assert _audit(page, "menu-open") == []
    nav.get_by_role("link", name="เกียรติบัตรของฉัน").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("เกียรติบัตรของฉัน")

    # A wide screen shows the links in the row, no menu to open.
    sign_in(desktop_page, volunteer)
    desktop_page.goto(live_server.url + "/th/learn/")
    wide = desktop_page.get_by_role("navigation", name="หลัก")
    expect(wide.get_by_role("link", name="การเรียนของฉัน")).to_be_visible()
    expect(wide.get_by_text("เมนู")).to_be_hidden()
    desktop_page.screenshot(path=str(SHOTS / "header-desktop.png"))
