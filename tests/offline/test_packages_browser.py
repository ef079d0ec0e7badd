"""A saved package step opens without a connection, with its Thai note."""

import re
import shutil

import pytest
from django.conf import settings
from playwright.sync_api import expect

from courses import services
from tests import factories
from tests.elearning import packages
from tests.elearning.helpers import make_package_step

from .test_browser import _save_course

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def saved(live_server):
    shutil.rmtree(settings.ELEARNING_ROOT, ignore_errors=True)
    catalogue = factories.make_catalogue(factories.ensure_site())
    course = factories.make_course(
        catalogue, title="รู้ทันข่าวปลอม", slug="fake-news", modules=1, lessons=1
    )
    step = make_package_step(course, packages.scorm12_zip(mastery=80))
    learner = factories.make_user()
    services.enrollment_create(user=learner, course=course)
    yield {"course": course, "step": step, "learner": learner}
    shutil.rmtree(settings.ELEARNING_ROOT, ignore_errors=True)


def test_saved_package_step_opens_offline(live_server, phone_page, sign_in, saved):
    page = phone_page
    sign_in(page, saved["learner"])
    _save_course(page, live_server, saved["course"], lessons=2)

    page.context.set_offline(True)
    page.goto(f"{live_server.url}{saved['step'].url}")
    expect(page.get_by_role("heading", level=1)).to_have_text(saved["step"].title)
    expect(page.get_by_text("คุณออฟไลน์อยู่", exact=True)).to_be_visible()
    frame = page.frame_locator("[data-package-offline-frame]")
    # The package's own page and script ran from the phone.
    expect(frame.locator("body")).to_contain_text(re.compile(r"\S"))
    page.screenshot(path="/tmp/h20c-offline-package.png")
    page.context.set_offline(False)
