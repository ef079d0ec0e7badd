"""Small helpers shared by the endpoint modules."""

from typing import Literal

from django.http import HttpRequest
from wagtail.models import Page

from courses.progress_selectors import graded_content_type_ids, quiz_content_type_ids

# What a client shows for a step: a reading ("lesson"), a quiz it can take
# through the API, or an e-learning package (SCORM/H5P) that plays on the web.
StepKind = Literal["lesson", "quiz", "package"]


def step_kind(page: Page) -> str:
    if page.content_type_id in quiz_content_type_ids():
        return "quiz"
    # Other graded steps are packages: completed by their own result, on the web.
    if page.content_type_id in graded_content_type_ids():
        return "package"
    return "lesson"


def content_url(request: HttpRequest, page_id: int) -> str:
    """The page's content (title, StreamField body…) in Wagtail's API v2."""
    return request.build_absolute_uri(f"/api/v2/pages/{page_id}/")


def web_url(request: HttpRequest, page: Page) -> str:
    return page.get_full_url(request) or ""


def step_ref(request: HttpRequest, page: Page | None) -> dict | None:
    if page is None:
        return None
    return {
        "id": page.pk,
        "title": page.title,
        "kind": step_kind(page),
        "content_url": content_url(request, page.pk),
    }
