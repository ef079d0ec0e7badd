"""The learner API, version 1, for the volunteer mobile app: /api/v1/.

Schema at /api/v1/openapi.json, interactive docs at /api/v1/docs. Content
(lesson bodies, images) stays in Wagtail's API v2 at /api/v2/; this API links
to it. Language follows ``Accept-Language`` (th or en).
"""

from ninja import NinjaAPI

from .core import (
    ObjectParser,
    PersonThrottle,
    Renderer,
    TokenAuth,
    install_error_handlers,
)
from .endpoints import accounts, achievements, catalogue, learning, quizzes


class LearnerAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation) -> str:
        # Short, stable ids (``attempt_submit``) for generated app clients.
        return operation.view_func.__name__

    def create_response(self, request, data, *, status=None, temporal_response=None):
        response = super().create_response(
            request, data, status=status, temporal_response=temporal_response
        )
        if response.status_code == 404:
            # Keep a JSON 404 a 404: see lms/apiv1/urlconf.py.
            request.urlconf = "lms.apiv1.urlconf"
        return response


api = LearnerAPI(
    title="Digital Volunteer LMS: learner API",
    version="1",
    # In English: the schema is read by developers, and is built once.
    description=(
        "For the volunteer mobile app. Get a token from POST /auth/token and send "
        "it as `Authorization: Bearer <token>`. Errors are "
        '`{"code", "message", "fields"}`; lists are paginated with `?page=` and '
        "`?page_size=`; send `Accept-Language: th` or `en`. Lesson content is in "
        "Wagtail's API v2 (`/api/v2/pages/<id>/`)."
    ),
    urls_namespace="api-v1",
    auth=TokenAuth(),
    throttle=[PersonThrottle()],
    renderer=Renderer(),
    parser=ObjectParser(),
    docs_url="/docs",
    openapi_url="/openapi.json",
)
install_error_handlers(api)

api.add_router("/auth", accounts.auth_router)
api.add_router("/", accounts.profile_router)
api.add_router("/", catalogue.router)
api.add_router("/", learning.router)
api.add_router("/", quizzes.router)
api.add_router("/", achievements.router)
