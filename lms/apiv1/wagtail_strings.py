"""Wagtail 8's API-token admin ships without Thai. Naming its strings here
lets `makemessages` carry them into our catalogue, which Django consults
before Wagtail's own; nothing imports this module."""

from django.utils.translation import gettext_noop

WAGTAIL_API_TOKEN_STRINGS = (
    gettext_noop("API tokens"),
    gettext_noop("API token"),
    gettext_noop("Token"),
    gettext_noop("Created"),
    gettext_noop("Last used"),
    gettext_noop("Are you sure you want to revoke this API token?"),
    gettext_noop("API token '%(name)s' revoked."),
)
