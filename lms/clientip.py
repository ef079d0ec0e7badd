"""The client's address, the same for every limit that counts clients.

Behind ``LMS_PROXY_COUNT`` reverse proxies (the ``DJANGO_PROXY_COUNT``
variable) each proxy appends the address it received the request from to
``X-Forwarded-For``, and the last proxy is ``REMOTE_ADDR``. The client is
therefore the address that many hops from the right; anything further left
was written by the client and is ignored, so a forged header cannot dodge a
limit. With 0 (the default: no proxy) the header is ignored altogether.

Used by django-axes (``AXES_CLIENT_IP_CALLABLE``), the API throttles and the
certificate verification limit, and by the sign-up limit.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _valid(address: str) -> bool:
    try:
        ipaddress.ip_address(address)
    except ValueError:
        return False
    return True


def client_ip(request: HttpRequest) -> str:
    remote = request.META.get("REMOTE_ADDR", "") or ""
    proxies = int(getattr(settings, "LMS_PROXY_COUNT", 0) or 0)
    if proxies <= 0:
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "") or ""
    chain = [hop.strip() for hop in forwarded.split(",") if hop.strip()] + [remote]
    # chain[-1] is our last proxy, chain[-1 - proxies] the client. A shorter
    # chain reached us past some proxy: its first entry is the best we know.
    address = chain[-1 - proxies] if len(chain) > proxies else chain[0]
    return address if _valid(address) else remote
