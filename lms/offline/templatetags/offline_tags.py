from django import template
from django.utils.crypto import salted_hmac

register = template.Library()


@register.simple_tag(takes_context=True)
def offline_user_key(context) -> str:
    """An opaque key per account: saved courses and queued marks are kept
    under it on the phone, so one account never opens another's."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if not user or not user.is_authenticated:
        return ""
    return salted_hmac("lms.offline.user", str(user.pk)).hexdigest()[:20]
