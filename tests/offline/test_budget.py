"""The data budget of the learner pages on a phone (bench/page_bytes.py)."""

import os

import pytest

from bench.page_bytes import BUDGET, Recorder, totals
from courses import services
from courses.models import LessonPage
from tests import factories

from .conftest import add_pictures

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def pages(media):
    catalogue = factories.make_catalogue(factories.ensure_site())
    course = factories.make_course(
        catalogue, title="รู้ทันข่าวปลอม", slug="fake-news", modules=2, lessons=2
    )
    for n in range(5):
        factories.make_course(catalogue, title=f"หลักสูตรที่ {n}", slug=f"course-x{n}")
    lesson = LessonPage.objects.descendant_of(course).order_by("path").first()
    add_pictures(lesson)
    learner = factories.make_user()
    services.enrollment_create(user=learner, course=course)
    return {
        "learner": learner,
        "paths": {
            "home": "/th/",
            "catalogue": catalogue.url,
            "course": course.url,
            "lesson (2 pictures)": lesson.url,
            "My learning": "/th/learn/",
        },
    }


def test_learner_pages_stay_within_the_data_budget(
    browser, live_server, sign_in, pages
):
    table = []
    for name, path in pages["paths"].items():
        context = browser.new_context(
            viewport={"width": 360, "height": 740},
            locale="th-TH",
            is_mobile=True,
            has_touch=True,
        )
        recorder = Recorder(context)
        page = context.new_page()
        sign_in(page, pages["learner"])
        page.goto(f"{live_server.url}{path}", wait_until="networkidle")
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        page.wait_for_timeout(500)  # the worker's install fetches
        rows = recorder.take()
        first = totals(rows, repeat=False)
        page.goto(f"{live_server.url}{path}", wait_until="networkidle")
        page.wait_for_timeout(300)
        rows = recorder.take()
        repeat = totals(rows, repeat=True)
        context.close()
        table.append((name, first, repeat))
    if os.environ.get("PAGE_BYTES_PRINT"):
        print("\n| page | first visit KB (pictures) | repeat visit KB |")  # noqa: T201
        print("| --- | --- | --- |")  # noqa: T201
        for name, first, repeat in table:
            pictures = f" (+{first['images']:.1f} pictures)" if first["images"] else ""
            row = f"| {name} | {first['budgeted']:.1f}{pictures} | {repeat['budgeted']:.1f} |"
            print(row)  # noqa: T201
    for name, first, repeat in table:
        assert first["budgeted"] <= BUDGET["first"], (name, first)
        assert repeat["budgeted"] <= BUDGET["repeat"], (name, repeat)
