"""At sign-in, note in the session whether the person owes an acceptance."""

from .selectors import notice_due
from .services import SESSION_KEY


def on_user_logged_in(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    due = notice_due(user=user)
    if due is not None:
        request.session[SESSION_KEY] = due.version
    else:
        request.session.pop(SESSION_KEY, None)
