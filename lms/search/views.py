from django.template.response import TemplateResponse
from wagtail.models import Locale

from courses.selectors import course_search, lesson_search


def search(request):
    """Search live courses and lessons in the reader's language (Thai-aware)."""
    query = (request.GET.get("q") or "").strip()[:200]
    page_obj = None
    lessons = []
    if query:
        locale = Locale.get_active()
        page_obj = course_search(
            locale=locale, query=query, page_number=request.GET.get("page")
        )
        if page_obj.number == 1:
            lessons = lesson_search(locale=locale, query=query)
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "query": query,
            "results": page_obj.object_list if page_obj else [],
            "page_obj": page_obj,
            "lessons": lessons,
        },
    )
