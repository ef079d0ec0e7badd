"""The CSRF failure page in the site's layout (``CSRF_FAILURE_VIEW``).

Django's own is an English developer page; a volunteer whose form expired
gets a translated page with a way back instead. The 400/403/404/500 pages are
the ``templates/<code>.html`` that Django's default handlers render.
"""

from django.template.response import TemplateResponse


def csrf_failure(request, reason: str = ""):
    response = TemplateResponse(request, "403_csrf.html", status=403)
    return response.render()
