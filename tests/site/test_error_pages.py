"""Error pages in the site's layout and the URL's language, with DEBUG off."""

import pytest
from django.test import Client, RequestFactory
from django.utils import translation
from django.views import defaults

pytestmark = pytest.mark.django_db


def _is_site_page(html: str, language: str) -> None:
    assert f'<html lang="{language}">' in html
    assert 'name="viewport"' in html
    assert "/static/css/site.css" in html
    assert f'href="/{language}/"' in html  # a way back home


class TestErrorPages:
    def test_404_in_thai(self, client, home_page, settings):
        assert settings.DEBUG is False
        response = client.get("/th/no-such-page/")
        assert response.status_code == 404
        html = response.content.decode()
        _is_site_page(html, "th")
        assert "ไม่พบหน้านี้" in html and "กลับหน้าแรก" in html

    def test_404_in_english(self, client, home_page):
        response = client.get("/en/no-such-page/")
        assert response.status_code == 404
        html = response.content.decode()
        _is_site_page(html, "en")
        assert "Page not found" in html and "ไม่พบหน้านี้" not in html

    @pytest.mark.parametrize(
        ("view", "status", "thai"),
        [
            (defaults.bad_request, 400, "คำขอไม่ถูกต้อง"),
            (defaults.permission_denied, 403, "ไม่มีสิทธิ์"),
            (defaults.server_error, 500, "เกิดข้อผิดพลาด"),
        ],
    )
    def test_400_403_500_in_both_languages(self, view, status, thai):
        for language in ("th", "en"):
            request = RequestFactory().get(f"/{language}/x/")
            with translation.override(language):
                response = (
                    view(request)
                    if view is defaults.server_error
                    else view(request, exception=Exception())
                )
            assert response.status_code == status
            html = response.content.decode()
            _is_site_page(html, language)
            assert (thai in html) == (language == "th")

    def test_csrf_failure_page(self, home_page):
        client = Client(enforce_csrf_checks=True)
        response = client.post("/th/accounts/login/", {"username": "x"})
        assert response.status_code == 403
        html = response.content.decode()
        _is_site_page(html, "th")
        assert "แบบฟอร์มหมดอายุ" in html
        response = client.post("/en/accounts/login/", {"username": "x"})
        assert "The form expired" in response.content.decode()
