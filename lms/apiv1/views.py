"""The profile page's "Revoke" button for an app token."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import selectors, services


@login_required
@require_POST
def token_revoke(request, token_id: int):
    """Revoke one of the person's own tokens; anyone else's is a 404."""
    token = selectors.api_tokens_for_user(user=request.user).filter(pk=token_id).first()
    if token is None:
        raise Http404
    services.api_token_revoke(token=token, by=request.user)
    messages.success(
        request,
        _("“%(name)s” is signed out: its token no longer works.")
        % {"name": token.name},
    )
    return HttpResponseRedirect(reverse("accounts:profile") + "#app-tokens")
