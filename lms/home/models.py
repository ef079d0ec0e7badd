from django.db import models
from django.http import Http404
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from courses.choices import Topic
from courses.models import CoursePage, ModulePage
from courses.selectors import catalogue_for, latest_courses
from lms.pagecache import fresh_copy, per_generation, same_for_signed_in

WHOLE_UNITS = (CoursePage, ModulePage)


class _NotAllPages(Exception):
    """Some segment of the path is no page (a 404, or a page's own sub-URL)."""

    def __init__(self, found: dict):
        super().__init__()
        self.found = found


class HomePage(Page):
    """The site's front page: what the programme is and where to start."""

    hero_title = models.CharField(
        _("hero title"), max_length=200, blank=True, default=""
    )
    hero_text = models.TextField(_("hero text"), blank=True, default="")
    body = RichTextField(_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("hero_title"),
        FieldPanel("hero_text"),
        FieldPanel("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CourseIndexPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """Wagtail's routing in two queries instead of two per URL segment,
        and none once the path has been served in this process and content
        generation (``lms.pagecache``: a page saved, published, moved or
        deleted starts a new one). Each request gets its own copies.

        Every page on the path is read at once by ``url_path``; the last one
        is then made specific. Same answer as ``Page.route``: only the last
        page must be live, and a page type that routes its own sub-URLs
        (one that overrides ``route``) gets the rest of the path.

        One rule more than Wagtail's: a course or module that is not live
        serves none of its steps, even one approved or published on its own
        (the reviewers' dashboard approves a single page): a course goes live
        as a whole.
        """
        if not path_components:
            return super().route(request, path_components)
        wanted = [
            self.url_path + "/".join(path_components[: i + 1]) + "/"
            for i in range(len(path_components))
        ]
        try:
            # Kept only when every segment is a page (never for a 404).
            shared = per_generation(
                ("route", self.pk, *path_components),
                lambda: self._pages_on(wanted),
                many=True,
            )
        except _NotAllPages as missing:
            shared = missing.found
        found = {url_path: fresh_copy(p) for url_path, p in shared.items()}
        for i, url_path in enumerate(wanted):
            page = found.get(url_path)
            if page is None:
                raise Http404
            if page.specific_class is None:
                raise Http404
            if not page.live and issubclass(page.specific_class, WHOLE_UNITS):
                raise Http404
            if page.specific_class.route is not Page.route:
                return page.specific.route(request, path_components[i + 1 :])
        page = fresh_copy(
            per_generation(("route_specific", page.pk), page.get_specific, many=True)
        )
        if not page.live:
            raise Http404
        # The breadcrumbs' ancestors, read with the route (lms_tags).
        request.__dict__.setdefault("_lms_ancestors", {})[page.pk] = [
            self,
            *(found[url_path] for url_path in wanted[:-1]),
        ]
        return RouteResult(page)

    def _pages_on(self, wanted: list[str]) -> dict[str, Page]:
        """The pages at ``wanted`` URL paths under this one (one query)."""
        found = {
            p.url_path: p
            for p in Page.objects.filter(
                path__startswith=self.path,
                depth__gt=self.depth,
                depth__lte=self.depth + len(wanted),
                url_path__in=wanted,
            ).only(
                "id",
                "path",
                "depth",
                "url_path",
                "content_type",
                "live",
                "title",
                "slug",
                "locale",
                "translation_key",
            )
        }
        if len(found) < len(wanted):
            raise _NotAllPages(found)
        return found

    def serve(self, request, *args, **kwargs):
        """The same page for every reader: signed-in readers get it from the
        process's fragments, anonymous ones from the page cache."""
        if not request.user.is_authenticated:
            return super().serve(request, *args, **kwargs)
        return same_for_signed_in(
            request,
            f"home:{self.pk}",
            lambda: super(HomePage, self).serve(request, *args, **kwargs),
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            # Read only when the template's cached cards are not kept.
            latest_courses=SimpleLazyObject(
                lambda: latest_courses(locale=self.locale, limit=6)
            ),
            topics=Topic.choices,
            catalogue=catalogue_for(locale=self.locale),
        )
        return context
