from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import translate_url
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from courses.models import CourseIndexPage
from courses.selectors import breadcrumbs, catalogue_for
from lms.pagecache import per_generation, with_csrf_token, without_csrf_token

register = template.Library()


def _prefixed(path: str) -> bool:
    return any(path.startswith(f"/{code}/") for code, _label in settings.LANGUAGES)


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """One link per site language, to this page's translation when it has one.

    Pages: the live translation sharing the page's translation_key (one
    query), else that language's home page. Other views: Django's URL
    translation of the current path.
    """
    request = context.get("request")
    current = (get_language() or settings.LANGUAGE_CODE)[:2]
    page = context.get("page")
    by_language = {}
    if isinstance(page, Page):
        by_language = _translation_urls(request, page)
    links = []
    for code, label in settings.LANGUAGES:
        if code in by_language:
            url = by_language[code]
        elif request is not None and not isinstance(page, Page):
            url = translate_url(request.get_full_path(), code)
            if url == request.get_full_path() and not _prefixed(request.path):
                # A path outside the language prefix (/verify/…): the view
                # reads the language from ?lang= instead.
                query = request.GET.copy()
                query["lang"] = code
                url = f"{request.path}?{query.urlencode()}"
        else:
            url = f"/{code}/"
        links.append(
            {"code": code, "label": label, "url": url, "current": code == current}
        )
    return links


# (page id, content generation) -> {language code: URL}; cleared when full.
_TRANSLATIONS: dict[tuple[int, int], dict[str, str]] = {}


def _translation_urls(request, page: Page) -> dict[str, str]:
    """The URLs of the page's live translations (one query), kept per process
    for the content generation of the request (``lms.pagecache``)."""
    generation = getattr(request, "content_generation", None)
    key = (page.pk, generation)
    if generation is not None and key in _TRANSLATIONS:
        return _TRANSLATIONS[key]
    urls = {
        translation.locale.language_code: translation.get_url(request)
        for translation in page.get_translations(inclusive=True)
        .live()
        .select_related("locale")
    }
    if generation is not None:
        if len(_TRANSLATIONS) > 10000:
            _TRANSLATIONS.clear()
        _TRANSLATIONS[key] = urls
    return urls


def _ancestors(context, page: Page) -> list[Page]:
    """The page's ancestors from the home page down, fetched once per request
    and shared by the breadcrumbs and the catalogue link."""
    request = context.get("request")
    memo = getattr(request, "_lms_ancestors", None)
    if memo is None:
        memo = {}
        if request is not None:
            request._lms_ancestors = memo
    if page.pk not in memo:
        memo[page.pk] = breadcrumbs(page=page)
    return memo[page.pk]


@register.simple_tag(takes_context=True)
def page_breadcrumbs(context, page) -> list[Page]:
    """The page's ancestors below the tree root (one query)."""
    return _ancestors(context, page) if isinstance(page, Page) else []


@register.simple_tag(takes_context=True)
def site_menu(context) -> str:
    """The menu (includes/site_menu.html): the same for every reader of a
    language, signed in or not, so it is rendered once per process and
    content generation, and each response gets its own CSRF token."""
    request = context.get("request")
    if request is None:
        return render_to_string("includes/site_menu.html", context.flatten())
    signed_in = request.user.is_authenticated
    html = per_generation(
        ("site-menu", get_language(), signed_in, request.get_host()),
        lambda: without_csrf_token(
            render_to_string("includes/site_menu.html", context.flatten(), request)
        ),
    )
    return mark_safe(with_csrf_token(html, request))  # nosec B308 B703 (our template)


@register.simple_tag(takes_context=True)
def catalogue_url(context) -> str:
    """The URL of the course catalogue in the active language.

    Found without a query on the home page (its context has the catalogue)
    and on pages inside the catalogue (an ancestor, fetched once with the
    breadcrumbs); elsewhere one query. Falls back to the language's home page.
    """
    request = context.get("request")
    language = (get_language() or settings.LANGUAGE_CODE)[:2]
    known = context.get("catalogue")  # the home page already looked it up
    if isinstance(known, CourseIndexPage):
        return known.get_url(request)
    page = context.get("page")
    if isinstance(page, Page):
        # Wagtail serves /th/… from the Thai tree and /en/… from the English
        # one, so a page's own catalogue is in the active language.
        for candidate in [*_ancestors(context, page), page]:
            if candidate.specific_class is CourseIndexPage:
                return candidate.get_url(request)
    try:
        locale = Locale.objects.get_for_language(language)
    except Locale.DoesNotExist:
        return f"/{language}/"
    catalogue = catalogue_for(locale=locale)
    return catalogue.get_url(request) if catalogue else f"/{language}/"
