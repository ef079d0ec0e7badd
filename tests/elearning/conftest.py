import shutil

import pytest
from django.conf import settings

from courses import services as course_services
from tests import factories


@pytest.fixture(autouse=True)
def _package_root():
    """A clean package directory for each test."""
    shutil.rmtree(settings.ELEARNING_ROOT, ignore_errors=True)
    yield settings.ELEARNING_ROOT
    shutil.rmtree(settings.ELEARNING_ROOT, ignore_errors=True)


@pytest.fixture
def course(catalogue):
    return factories.make_course(catalogue, modules=1, lessons=1)


@pytest.fixture
def learner(course):
    user = factories.make_user()
    course_services.enrollment_create(user=user, course=course)
    return user


@pytest.fixture
def english():
    from django.utils import translation

    with translation.override("en"):
        yield
