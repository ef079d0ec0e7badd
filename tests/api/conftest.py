"""Fixtures for the learner API: people, tokens and a client that sends them."""

import json
import shutil
import tempfile

import pytest
from django.test import override_settings

from tests import factories


class ApiClient:
    """Django's test client speaking JSON to /api/v1/ with a bearer token."""

    def __init__(self, client, token=None, language="th"):
        self.client, self.token, self.language = client, token, language

    def headers(self, extra=None):
        headers = {"Accept-Language": self.language}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        headers.update(extra or {})
        return headers

    def _call(self, method, path, data=None, headers=None):
        kwargs = {"headers": self.headers(headers)}
        if data is not None:
            kwargs.update(data=json.dumps(data), content_type="application/json")
        return getattr(self.client, method)(f"/api/v1{path}", **kwargs)

    def get(self, path, headers=None, **params):
        return self.client.get(f"/api/v1{path}", params, headers=self.headers(headers))

    def post(self, path, data=None, headers=None):
        return self._call("post", path, data if data is not None else {}, headers)

    def put(self, path, data=None, headers=None):
        return self._call("put", path, data, headers)

    def patch(self, path, data=None, headers=None):
        return self._call("patch", path, data, headers)

    def delete(self, path, headers=None):
        return self._call("delete", path, None, headers)

    def sign_in(self, login, password="pass-1234-word", name="Android"):
        response = self.post(
            "/auth/token", {"login": login, "password": password, "name": name}
        )
        assert response.status_code == 201, response.content
        self.token = response.json()["token"]
        return response.json()


@pytest.fixture(autouse=True)
def _media_root():
    path = tempfile.mkdtemp(prefix="api-media-")
    with override_settings(MEDIA_ROOT=path):
        yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def volunteer(db):
    return factories.make_user(
        first_name="สมหญิง", last_name="ใจงาม", phone="0812345678"
    )


@pytest.fixture
def other(db):
    return factories.make_user(first_name="สมปอง", last_name="รักดี", phone="0899999999")


@pytest.fixture
def anon(client):
    return ApiClient(client)


@pytest.fixture
def api(client, volunteer):
    """Signed in as ``volunteer`` through the API itself."""
    api = ApiClient(client)
    api.sign_in("0812345678")
    return api


@pytest.fixture
def other_api(db, other):
    from django.test import Client

    api = ApiClient(Client())
    api.sign_in("0899999999")
    return api


@pytest.fixture
def course(catalogue):
    return factories.make_course(catalogue, title="รู้ทันข่าวปลอม", modules=2, lessons=2)
