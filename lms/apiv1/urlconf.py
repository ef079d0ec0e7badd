"""A urlconf without language prefixes, set on API 404 responses.

``LocaleMiddleware`` redirects a 404 to ``/th/<path>`` when the urlconf
uses ``i18n_patterns`` (the Wagtail catch-all would then serve an HTML
page). Pointing ``request.urlconf`` here keeps the API's JSON 404 a 404.
"""

from django.urls import path

urlpatterns = [path("api/v1/", lambda request: None)]
