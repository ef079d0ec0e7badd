"""CSRF: no view of ours opts out, and a form posted without its token is refused."""

import uuid

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from tests import factories

pytestmark = pytest.mark.django_db

# Views that may be exempt, and why. Nothing of ours so far: the API (token
# auth, no cookies) is added here when it is mounted.
EXEMPT_ALLOWED: set[str] = set()


def _walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry.callback


def _ours(callback) -> bool:
    module = getattr(callback, "__module__", "") or ""
    return module.split(".")[0] in {"lms", "courses", "competencies", "certificates"}


def test_no_view_of_ours_is_csrf_exempt():
    exempt = sorted(
        f"{route} ({callback.__module__}.{callback.__name__})"
        for route, callback in _walk(get_resolver().url_patterns)
        if _ours(callback)
        and getattr(callback, "csrf_exempt", False)
        and callback.__name__ not in EXEMPT_ALLOWED
    )
    assert exempt == []


@pytest.fixture
def forms(home_page, catalogue):
    course = factories.make_course(catalogue)
    lesson = factories.LessonPage.objects.descendant_of(course).first()
    return [
        "/th/accounts/login/",
        "/th/accounts/signup/",
        "/th/accounts/logout/",
        "/th/accounts/profile/",
        "/th/accounts/password/",
        f"/th/learn/enrol/{course.pk}/",
        f"/th/learn/unenrol/{course.pk}/",
        f"/th/learn/complete/{lesson.pk}/",
        f"/th/quiz/attempt/{uuid.uuid4()}/submit/",
        f"/th/quiz/attempt/{uuid.uuid4()}/save/",
        "/admin/certificates/issue/",
    ]


def test_every_form_refuses_a_post_without_its_token(forms):
    user = factories.make_user(role="Administrator")
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    refused = {url: client.post(url, {"x": "1"}).status_code for url in forms}
    assert refused == dict.fromkeys(forms, 403)
