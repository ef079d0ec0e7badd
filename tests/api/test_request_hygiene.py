"""Bodies the API refuses cleanly: not an object (422), too large (413 in
the API's JSON shape), not JSON at all (415)."""

import json

import pytest

pytestmark = pytest.mark.django_db


def patch_me(client, token, body, content_type="application/json"):
    return client.patch(
        "/api/v1/me",
        data=body,
        content_type=content_type,
        headers={"Authorization": f"Bearer {token}", "Accept-Language": "th"},
    )


@pytest.mark.parametrize(
    "body", ["[]", '"x"', "null", "1", "true", '[{"village": "x"}]']
)
def test_a_body_that_is_not_an_object_is_a_422(client, api, volunteer, body):
    response = patch_me(client, api.token, body)
    assert response.status_code == 422
    data = response.json()
    assert data["code"] == "validation_error"
    assert data["fields"] == {"body": ["เนื้อหาคำขอต้องเป็นออบเจ็กต์ JSON"]}


def test_a_token_request_that_is_not_an_object_is_a_422(client, db):
    response = client.post(
        "/api/v1/auth/token", data="[]", content_type="application/json"
    )
    assert response.status_code == 422


@pytest.mark.parametrize("path", ["/api/v1/me", "/api/v1/auth/token"])
def test_a_body_over_the_limit_gets_the_apis_json_error(client, api, settings, path):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    body = json.dumps({"village": "ก" * 2000, "login": "x", "password": "y"})
    method = client.patch if path.endswith("/me") else client.post
    response = method(
        path,
        data=body,
        content_type="application/json",
        headers={"Authorization": f"Bearer {api.token}"},
    )
    assert response.status_code == 413
    assert response["Content-Type"] == "application/json"
    assert response.json()["code"] == "payload_too_large"


def test_a_body_without_a_length_that_is_too_big_gets_json_too(api, settings):
    """Chunked bodies carry no Content-Length; reading them hits the limit."""
    from django.core.exceptions import RequestDataTooBig
    from django.test import RequestFactory

    from lms.apiv1.api import api as learner_api

    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10
    request = RequestFactory().patch("/api/v1/me")
    response = learner_api.on_exception(request, RequestDataTooBig("too big"))
    assert response.status_code == 413
    assert json.loads(response.content)["code"] == "payload_too_large"


@pytest.mark.parametrize(
    "content_type",
    [
        "application/x-www-form-urlencoded",
        "text/plain",
        "multipart/form-data; boundary=x",
        "",
    ],
)
def test_a_write_that_is_not_json_is_a_415(client, api, volunteer, content_type):
    response = patch_me(client, api.token, '{"village": "x"}', content_type)
    assert response.status_code == 415
    assert response.json()["code"] == "unsupported_media_type"
    assert "JSON" in response.json()["message"]
    volunteer.profile.refresh_from_db()
    assert volunteer.profile.village == ""


def test_json_with_a_charset_or_a_json_suffix_is_accepted(client, api):
    for content_type in (
        "application/json; charset=utf-8",
        "application/merge-patch+json",
    ):
        response = patch_me(client, api.token, '{"village": "บ้านใหม่"}', content_type)
        assert response.status_code == 200, (content_type, response.content)


def test_writes_without_a_body_need_no_content_type(client, api):
    response = client.delete(
        "/api/v1/auth/token", headers={"Authorization": f"Bearer {api.token}"}
    )
    assert response.status_code == 204
