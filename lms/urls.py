from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib.staticfiles.urls import staticfiles_urlpatterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from certificates.openbadges import views as openbadges_views
from courses import urls as courses_urls

from . import audit_views, slugs
from .accounts import urls as accounts_urls
from .api import api_router
from .apiv1 import views as apiv1_views
from .apiv1.api import api as api_v1
from .apiv1.core import json_not_found
from .health import health
from .home import completion, learning
from .offline import views as offline_views
from .search import views as search_views

urlpatterns = [
    # Before Wagtail's own: the audit log limited by role (lms/audit_views.py).
    path("admin/reports/site-history/", audit_views.site_history),
    path("admin/reports/site-history/results/", audit_views.site_history_results),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("api/v1/", api_v1.urls),
    re_path(r"^api/v1/", json_not_found),
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", health, name="health"),
    # The service worker at the root: its scope is the whole site.
    path("sw.js", offline_views.service_worker, name="service_worker"),
    path("verify/", include("certificates.verify_urls")),
    # Open Badges 3.0 issuer identity and the competencies badges align to.
    path(".well-known/did.json", openbadges_views.did_json, name="openbadges_did"),
    path(".well-known/jwks.json", openbadges_views.jwks_json, name="openbadges_jwks"),
    path(
        "competencies/<str:code>.json",
        openbadges_views.competency_json,
        name="competency_public",
    ),
    path("elearning/run/", include("elearning.run_urls")),
]

if settings.DEBUG:
    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# The accounts pages, plus the profile's API-token revoke (the API sits above accounts).
accounts_patterns = accounts_urls.urlpatterns + [
    path(
        "api-tokens/<int:token_id>/revoke/",
        apiv1_views.token_revoke,
        name="api_token_revoke",
    ),
]

# The course layer's learner URLs, with *My learning* drawn by the integration
# layer (it reads certificates too); its name stays ``courses:dashboard``.
courses_patterns = [
    path("", learning.my_learning_view, name="dashboard"),
    *courses_urls.urlpatterns,
]

# Public pages carry the language prefix: /th/… and /en/…
urlpatterns += i18n_patterns(
    path("accounts/", include((accounts_patterns, accounts_urls.app_name))),
    path("learn/done/<int:course_id>/", completion.course_done, name="course_done"),
    path("learn/", include((courses_patterns, courses_urls.app_name))),
    path("quiz/", include("courses.quiz.urls")),
    path("elearning/", include("elearning.urls")),
    path("certificates/", include("certificates.urls")),
    path("privacy/", include("lms.dataprotection.urls")),
    path("privacy/my-data/", include("lms.privacy.urls")),
    path("search/", search_views.search, name="search"),
    path("manifest.webmanifest", offline_views.manifest, name="web_manifest"),
    path("offline/", include("lms.offline.urls")),
    # Before Wagtail's own, which does not match Thai vowels and tone marks.
    re_path(slugs.SERVE_PATTERN, wagtail_views.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
