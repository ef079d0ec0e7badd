"""The Content-Security-Policy middleware, with one exception for Wagtail's admin.

Public pages (what volunteers and anonymous visitors load, where text from
other people appears) run under the strict policy: scripts from this site or
with the request's nonce only. Wagtail 8's own admin templates still write a
few inline scripts (InlinePanel, date pickers, multiple choosers) without a
nonce, so under ``/admin/`` inline scripts are allowed. Everything else of the
policy (no other origins, no plugins, no framing by others) holds there too,
and the admin is open only to staff; its output is escaped like everywhere
else (tests/security/test_xss.py).
"""

from csp.constants import SELF
from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from csp.middleware import PolicyParts

ADMIN_PREFIX = "/admin/"
ADMIN_SCRIPTS = {"script-src": [SELF, "'unsafe-inline'"]}


class CSPMiddleware(BaseCSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if request.path.startswith(ADMIN_PREFIX):
            # A nonce would make browsers ignore 'unsafe-inline': leave it out.
            parts.replace = {**(parts.replace or {}), **ADMIN_SCRIPTS}
            parts.nonce = None
        return parts
