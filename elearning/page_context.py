"""What a package step page shows its reader, registered in ``PAGE_CONTEXTS``
by ``ElearningConfig.ready`` like the course layer's own pages."""

from django.http import HttpRequest

from courses.page_context import step_context

from .models import PackagePage
from .selectors import offline_launch_url, player_context, preview_launch_url


def package_context(page: PackagePage, request: HttpRequest) -> dict:
    context = step_context(page, request.user, request=request)
    context.update(player_context(page=page, user=request.user))
    if context["package"] is not None and request.user.is_authenticated:
        # Opened when a saved course is studied without a connection.
        context["offline_url"] = offline_launch_url(package=context["package"])
    if getattr(request, "is_preview", False):
        # A draft (in moderation) plays its own package; nothing is saved.
        context["preview_url"] = preview_launch_url(page=page)
    return context
