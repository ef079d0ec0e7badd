"""The "Apps signed in" panel of the profile page."""

from django import template

from ..selectors import api_tokens_for_user

register = template.Library()


@register.inclusion_tag("apiv1/token_panel.html", takes_context=True)
def api_token_panel(context):
    """The signed-in person's active app tokens, each with a Revoke button."""
    request = context["request"]
    tokens = list(
        api_tokens_for_user(user=request.user).filter(revoked_at__isnull=True)
    )
    return {
        "tokens": tokens,
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }
