"""What every page asks for and rarely changes, cached with one counter.

The *content generation* is a number in Django's cache (Redis in
production) bumped whenever something a reader sees may change: a page
published, unpublished, moved, saved or deleted; a site, locale, competency
(framework, area, proficiency level), volunteer level or its requirements,
target competency or image changed. Everything cached here is keyed by it,
so one increment invalidates all of it in every process at once.

- :class:`PageCacheMiddleware` serves anonymous readers' pages from the
  cache: GET, no query string, under a language prefix (``/th/``,
  ``/en/``), no session or messages cookie. A response is stored only when
  it is a plain 200 that set no cookie, used no CSRF token and no CSP nonce
  (a page that needs a nonce is never cached, so two responses never share
  one: the CSP middleware, outside this one, writes a fresh header on every
  response, cached or not), and said nothing against caching. Signed-in
  readers never get a page from it (``same_for_signed_in`` keeps the few
  pages that show nothing of them).
- The site of a request (``Site.find_for_request``) is kept per process for
  the current generation; so are the sites' root paths that every page URL
  is built from (``Site.get_site_root_paths``, which Wagtail keeps in Redis:
  a round trip or two a request), and the locales (``Locale.get_default`` and
  ``get_active``, which Wagtail and the courses ask for several times a
  request), which are also cleared when a locale is saved or deleted.
- A page's view restrictions (``Page.get_view_restrictions``, which Wagtail
  reads before serving every page: two queries) are read once per process
  and generation; a restriction saved or deleted, or a page moved, bumps it.
  Whether the reader passes them (signed in, in a group, the password given)
  is still decided on every request.
- ``page_url`` keeps page URLs and ``per_generation`` any read that every
  reader shares (the catalogue's facts, the level ladder...) per process for
  the generation, which is read once a request (the middleware hands it on
  through a context variable; a bump in this process drops it).
- ``same_for_signed_in`` keeps a whole page that every signed-in reader sees
  alike (the home page) per process for the generation and language: only
  the CSRF token of the menu's sign-out form differs, and each response gets
  its own.
- ``per_reader`` keeps one person's own fragment (their *My learning*) in
  the shared cache under a *stamp* of their rows (``rows_stamp``: how many
  there are, the highest id, the latest change...), read in one query and
  compared on every view: any write to those rows, through a model, a
  queryset update or a bulk insert, changes the stamp, so nothing has to
  remember to clear it.
"""

import copy
import re
import threading
import time
import zlib
from collections.abc import Callable
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache, caches
from django.db import connection, transaction
from django.db.models import CharField, Count, OuterRef, Subquery, Value
from django.db.models.functions import Cast, Coalesce, Concat
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site
from wagtail.models.i18n import LocaleManager
from wagtail.signals import page_published, page_unpublished, post_page_move

GENERATION_KEY = "lms:content-generation"
PAGE_TIMEOUT = 60 * 60
# Models whose rows show on public pages without being pages themselves.
CONTENT_MODELS = {
    "wagtailcore.site",
    "wagtailcore.locale",
    "wagtailcore.pageviewrestriction",
    "wagtailimages.image",
    "competencies.competencyframework",
    "competencies.competencyarea",
    "competencies.competency",
    "competencies.proficiencylevel",
    "competencies.volunteerlevel",
    "competencies.levelrequirement",
    "courses.coursecompetency",
    "courses.courseprerequisite",
}
# Cookies that do not change what an anonymous reader is shown.
NEUTRAL_COOKIES = {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}

_lock = threading.Lock()
_sites: dict[tuple[str, int], tuple[int, Site | None]] = {}
_locales: dict[str, tuple[int, int, str]] = {}
_root_paths: list = []  # [(generation, Wagtail's site root paths)]
_shared: dict = {}  # what per_generation keeps, for _shared_generation[0]
_shared_generation: list = [None]
SHARED_MAX = 2000
# What per_generation keeps of a kind with one value per URL (the routes and
# the pages they serve): in a store of its own, emptied when full, so they
# never crowd out the rest. A few thousand pages at most a process.
_many: dict = {}
MANY_MAX = 2000
# (page id, generation, language, site id) -> the page's URL; cleared when full.
_urls: dict[tuple, str | None] = {}
_wagtail_site_root_paths = Site.get_site_root_paths
_wagtail_clear_site_root_paths = Site.clear_site_root_paths_cache
_wagtail_view_restrictions = Page.get_view_restrictions
# The generation read at the start of the request being served: the locale
# lookups, the site and the cached fragments ask for it several times a request
# (None outside a request, and once this process bumps it).
_request_generation: ContextVar[int | None] = ContextVar(
    "lms_content_generation", default=None
)


def generation() -> int:
    """The current content generation (one cache read, once per request)."""
    known = _request_generation.get()
    if known is not None:
        return known
    value = cache.get(GENERATION_KEY)
    if value is None:
        # Starts from the clock: a flushed cache never reuses an old number
        # that a process still holds lookups for.
        cache.add(GENERATION_KEY, time.time_ns() // 1000, timeout=None)
        value = cache.get(GENERATION_KEY) or 1
    return value


def bump(**_kwargs) -> None:
    """Something public changed: every cached page and lookup is stale.

    Once now and once more when the change is committed: a process that read
    the new number before the commit may have kept what it read then."""
    _increment()
    if connection.in_atomic_block:
        transaction.on_commit(_increment)


def _increment() -> None:
    # The rest of this request reads the new number.
    _request_generation.set(None)
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, time.time_ns() // 1000, timeout=None)
    with _lock:
        _sites.clear()
        _locales.clear()
        _root_paths.clear()
        _shared.clear()
        _many.clear()
        _urls.clear()


def per_generation(key, build, *, many: bool = False):
    """``build()``'s value, made once per process and content generation: for
    what every reader of a page sees alike (a course's outline, competencies
    and prerequisites), so a page view reads none of it again. The value is
    shared by every request of the process: callers hand out copies of lists
    they may change (``fresh_copy`` of model instances). ``many``: one of
    many values of a kind, one per URL (routes, the pages they serve)."""
    current = generation()
    store = _many if many else _shared
    with _lock:
        if _shared_generation[0] != current:
            _shared.clear()
            _many.clear()
            _shared_generation[0] = current
        if key in store:
            return store[key]
    value = build()
    with _lock:
        if _shared_generation[0] == current:
            if many and len(store) >= MANY_MAX:
                store.clear()
            if len(store) < (MANY_MAX if many else SHARED_MAX):
                store[key] = value
    return value


# How long a person's fragment is kept when they do not come back.
READER_TIMEOUT = 6 * 60 * 60


def rows_stamp(queryset, *aggregates, person: str = "user") -> Subquery:
    """One text value that changes whenever a person's rows in ``queryset``
    do: their count and ``aggregates`` (``Max("pk")``, ``Max("updated_at")``,
    ``Count("revoked_at")``...), for a query over people (``OuterRef("pk")``).
    Like a collection's cache key in Rails (count and latest update), with
    whatever else a row can change in place that the page shows."""
    parts = []
    for aggregate in (Count("pk"), *aggregates):
        parts += [Coalesce(Cast(aggregate, CharField()), Value("-")), Value(":")]
    return Subquery(
        queryset.filter(**{person: OuterRef("pk")})
        .order_by()
        .values(person)
        .annotate(stamp=Concat(*parts, output_field=CharField()))
        .values("stamp")[:1],
        output_field=CharField(),
    )


# The names of what ``per_reader`` keeps, registered by the apps that keep
# them (``ready``), so every process can forget a person's (erasure).
_reader_fragments: set[str] = set()


def reader_fragment(name: str) -> None:
    _reader_fragments.add(name)


def _reader_key(name: str, user_id: int) -> str:
    return f"lms:reader:{name}:{user_id}"


def per_reader(
    name: str, user_id: int, stamp: tuple, build: Callable[[], SafeString]
) -> SafeString:
    """The HTML ``build()`` makes for one person, kept in the shared cache
    (compressed: Thai text shrinks to about a fifth) while ``stamp`` (their
    rows, read first, so what is kept is never older than its stamp), the
    content generation and the language stay the same."""
    key = _reader_key(name, user_id)
    version = (generation(), translation.get_language(), *stamp)
    kept = cache.get(key)
    if kept is not None and kept[0] == version:
        # Made by build() from our templates, escaped then.
        return mark_safe(zlib.decompress(kept[1]).decode())  # nosec B308 B703
    html = build()
    cache.set(key, (version, zlib.compress(html.encode(), 1)), READER_TIMEOUT)
    return html


def forget_reader(user_id: int) -> None:
    """Drop everything kept for one person (their data erased)."""
    cache.delete_many([_reader_key(name, user_id) for name in _reader_fragments])


def _site_root_paths():
    """``Site.get_site_root_paths`` read once per process and generation."""
    current = generation()
    known = _root_paths[0] if _root_paths else None
    if known is not None and known[0] == current:
        return known[1]
    paths = _wagtail_site_root_paths()
    with _lock:
        _root_paths[:] = [(current, paths)]
    return paths


def _clear_site_root_paths():
    """Wagtail clears its copy when a site or a page's URL changes (the page's
    after its ``post_save``): a new generation after that, so no process keeps
    the copy it may have read in between."""
    _wagtail_clear_site_root_paths()
    bump()


def _saved_or_deleted(sender, **kwargs) -> None:
    if issubclass(sender, Page) or sender._meta.label_lower in CONTENT_MODELS:
        bump()


def _view_restrictions(self):
    """``Page.get_view_restrictions``: the same queryset, its rows read once
    per process and generation (each call gets its own copies); narrowing it
    (``order_by``, ``filter``) reads the database as before."""
    if self.pk is None:
        return _wagtail_view_restrictions(self)
    queryset, rows = per_generation(
        ("view_restrictions", self.pk), lambda: _read_view_restrictions(self)
    )
    queryset = queryset.all()
    queryset._result_cache = [fresh_copy(row) for row in rows]
    queryset._prefetch_done = True
    return queryset


def _read_view_restrictions(page):
    queryset = _wagtail_view_restrictions(page)
    return queryset, list(queryset)


def _locale_for_language(self, language_code):
    """``LocaleManager.get_for_language`` without a query once a locale is known."""
    code = get_supported_content_language_variant(language_code)
    current = generation()
    known = _locales.get(code)
    # Checked against the shared generation, like the sites: a locale deleted
    # or re-created in another process (or a flushed test database) is re-read.
    if known is not None and known[0] == current:
        return Locale.from_db(self.db, ["id", "language_code"], known[1:])
    locale = self.get(language_code=code)
    with _lock:
        _locales[code] = (current, locale.pk, locale.language_code)
    return locale


def install() -> None:
    """Connect the invalidation signals and the locale lookups (``HomeConfig.ready``)."""
    page_published.connect(bump, dispatch_uid="lms_pagecache_published")
    page_unpublished.connect(bump, dispatch_uid="lms_pagecache_unpublished")
    post_page_move.connect(bump, dispatch_uid="lms_pagecache_moved")
    post_save.connect(_saved_or_deleted, dispatch_uid="lms_pagecache_saved")
    post_delete.connect(_saved_or_deleted, dispatch_uid="lms_pagecache_deleted")
    LocaleManager.get_for_language = _locale_for_language
    Site.get_site_root_paths = staticmethod(_site_root_paths)
    Site.clear_site_root_paths_cache = staticmethod(_clear_site_root_paths)
    Page.get_view_restrictions = _view_restrictions


def fresh_copy(instance):
    """A shallow copy with its own model state: what one request may touch
    of an instance kept for the generation (``per_generation``)."""
    clone = copy.copy(instance)
    clone._state = copy.copy(instance._state)
    clone._state.fields_cache = dict(instance._state.fields_cache)
    return clone


def _site_for(request, current: int) -> Site | None:
    """The request's site, read once per process and generation; each
    request gets its own copy (its root page is read by the request)."""
    # The raw host, as Wagtail matches it (ALLOWED_HOSTS is checked later).
    key = (request._get_raw_host(), request.get_port())
    known = _sites.get(key)
    if known is None or known[0] != current:
        site = Site._find_for_request(request)
        with _lock:
            if len(_sites) > 100:  # any Host header can be sent: stay small
                _sites.clear()
            _sites[key] = known = (current, site)
    site = known[1]
    if site is None:
        return None
    return fresh_copy(site)


def page_url(request, page: Page) -> str | None:
    """``page.get_url(request)``, kept per process for the request's content
    generation (a page moved, renamed or published bumps it): a list of a
    hundred courses links them without a hundred URL reversals."""
    current = getattr(request, "content_generation", None)
    if current is None:
        return page.get_url(request)
    site = getattr(request, "_wagtail_site", None)
    key = (page.pk, current, translation.get_language(), site.pk if site else None)
    url = _urls.get(key, False)
    if url is False:
        url = page.get_url(request)
        with _lock:
            if len(_urls) > 20000:
                _urls.clear()
            _urls[key] = url
    return url


def _language_prefixed(path: str) -> bool:
    return any(path.startswith(f"/{code}/") for code, _label in settings.LANGUAGES)


_CSRF_INPUT = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")')
_CSRF_MARK = "\x00csrf-token\x00"


def without_csrf_token(html: str) -> str:
    """HTML to keep for many readers: its CSRF tokens marked, to be put back."""
    return _CSRF_INPUT.sub(lambda m: m[1] + _CSRF_MARK + m[2], html)


def with_csrf_token(html: str, request) -> str:
    """Kept HTML with this request's own CSRF token (as ``{% csrf_token %}``)."""
    if _CSRF_MARK not in html:
        return html
    return html.replace(_CSRF_MARK, get_token(request))


def same_for_signed_in(request, key, serve: Callable[[], HttpResponse]):
    """``serve()``'s response, for a signed-in reader of a page that shows
    nothing of them: its HTML kept in the process's fragments for the content
    generation, language and host, with each response's own CSRF token put
    in. Never for a query string, a preview, a reader with messages waiting,
    or a response the anonymous cache would not keep either (a nonce, a
    cookie, a status other than 200)."""
    if (
        not getattr(settings, "LMS_PAGE_CACHE", True)
        or request.method != "GET"
        or request.META.get("QUERY_STRING")
        or getattr(request, "is_preview", False)
        or len(getattr(request, "_messages", ()))
    ):
        return serve()
    store = caches["fragments"]
    full_key = (
        f"lms:signed-in:{key}:{generation()}:{translation.get_language()}:"
        f"{request.get_host()}"
    )
    kept = store.get(full_key)
    if kept is not None:
        content_type, html = kept
        return HttpResponse(with_csrf_token(html, request), content_type=content_type)
    response = serve()
    if hasattr(response, "render"):
        response.render()
    if _storable(request, response, token_put_back=True):
        html = without_csrf_token(response.content.decode(response.charset))
        store.set(full_key, (response["Content-Type"], html), PAGE_TIMEOUT)
    return response


def _anonymous_get(request) -> bool:
    return (
        getattr(settings, "LMS_PAGE_CACHE", True)
        and request.method == "GET"
        and not request.META.get("QUERY_STRING")
        and _language_prefixed(request.path)
        and not (set(request.COOKIES) - NEUTRAL_COOKIES)
    )


def _storable(request, response, *, token_put_back: bool = False) -> bool:
    """A response that may serve other readers: a plain 200 that set no
    cookie, used no CSP nonce and said nothing against caching, and used no
    CSRF token unless ``token_put_back`` (``same_for_signed_in`` gives each
    response its own)."""
    control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and (
            token_put_back
            or not (
                request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
                or request.META.get("CSRF_COOKIE_USED")
            )
        )
        # The nonce is made only when a template asks for it.
        and getattr(request, "_csp_nonce", None) is None
        and not any(word in control for word in ("private", "no-store", "no-cache"))
    )


class PageCacheMiddleware:
    """Right after the CSP middleware (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        current = generation()
        token = _request_generation.set(current)
        try:
            return self._serve(request, current)
        finally:
            _request_generation.reset(token)

    def _serve(self, request, current: int):
        request.content_generation = current
        request._wagtail_site = _site_for(request, current)
        if not _anonymous_get(request):
            return self.get_response(request)
        key = f"lms:page:{current}:{request.get_host()}:{request.path}"
        cached = cache.get(key)
        if cached is not None:
            return cached
        response = self.get_response(request)
        if _storable(request, response):
            cache.set(key, response, PAGE_TIMEOUT)
        return response
