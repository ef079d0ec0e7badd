"""What a package step page shows its reader, registered in ``PAGE_CONTEXTS``
by ``ElearningConfig.ready`` like the course layer's own pages."""

from django.http import HttpRequest

from courses.page_context import step_context

from .models import PackagePage
from .selectors import player_context, preview_launch_url


def package_context(page: PackagePage, request: HttpRequest) -> dict:
    context = step_context(page, request.user, request=request)
    context.update(player_context(page=page, user=request.user))
    if getattr(request, "is_preview", False):
        # A draft (in moderation) plays its own package; nothing is saved.
        context["preview_url"] = preview_launch_url(page=page)
    return context
