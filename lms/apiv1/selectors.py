"""Reads for API tokens."""

from django.db.models import F, QuerySet
from wagtail.models import APIToken


def api_tokens_for_user(*, user) -> QuerySet[APIToken]:
    """A person's tokens: active ones first, newest first."""
    return APIToken.objects.filter(user=user).order_by(
        F("revoked_at").desc(nulls_first=True), "-created", "-pk"
    )
