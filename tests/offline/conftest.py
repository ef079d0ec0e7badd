"""A course with two pictures in its first lesson, and an enrolled learner."""

import pytest
from django.conf import settings
from django.urls import clear_url_caches, re_path
from django.views.static import serve
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from courses import services
from courses.models import LessonPage
from lms import urls
from tests import factories


def lessons_of(course) -> list[LessonPage]:
    return list(LessonPage.objects.descendant_of(course).order_by("path"))


def add_pictures(lesson, count=2):
    body = [("paragraph_block", "<p>ดูภาพประกอบ</p>")]
    for n in range(count):
        image = Image.objects.create(
            title=f"ภาพ {n}",
            file=get_test_image_file(filename=f"pic{n}.png", size=(1200, 800)),
        )
        body.append(("image_block", {"image": image, "caption": f"ภาพที่ {n + 1}"}))
    lesson.body = body
    lesson.save_revision().publish()
    return lesson


@pytest.fixture
def course(catalogue):
    course = factories.make_course(
        catalogue, title="รู้ทันข่าวปลอม", slug="fake-news", modules=1, lessons=3
    )
    add_pictures(lessons_of(course)[0])
    return course


@pytest.fixture
def learner(db, course):
    user = factories.make_user()
    services.enrollment_create(user=user, course=course)
    return user


@pytest.fixture
def media(live_server):
    """The live server serves uploaded images (production: the web server)."""
    pattern = re_path(
        r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}
    )
    urls.urlpatterns.append(pattern)
    clear_url_caches()
    yield
    urls.urlpatterns.remove(pattern)
    clear_url_caches()
