"""A database that drops out mid-request gives a clean 503, not a 500."""

import pytest
from django.db import OperationalError

from tests import factories

pytestmark = pytest.mark.django_db


def _broken(*args, **kwargs):
    raise OperationalError("terminating connection due to administrator command")


def test_pages_answer_503_with_retry_after(client, home_page, monkeypatch):
    client.force_login(factories.make_user())
    monkeypatch.setattr("courses.views.dashboard_data", _broken)
    response = client.get("/th/learn/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "ลองใหม่" in response.content.decode()


def test_api_answers_503_as_json():
    from lms.middleware import DatabaseUnavailableMiddleware

    class Request:
        path = "/api/v1/courses"

    response = DatabaseUnavailableMiddleware(lambda r: None).process_exception(
        Request(), OperationalError("gone")
    )
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert b'"code": "unavailable"' in response.content


def test_other_errors_are_left_alone():
    from lms.middleware import DatabaseUnavailableMiddleware

    assert (
        DatabaseUnavailableMiddleware(lambda r: None).process_exception(
            None, ValueError()
        )
        is None
    )
