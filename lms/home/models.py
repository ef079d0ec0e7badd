from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from courses.choices import Topic
from courses.selectors import catalogue_for, latest_courses


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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            latest_courses=latest_courses(locale=self.locale, limit=6),
            topics=Topic.choices,
            catalogue=catalogue_for(locale=self.locale),
        )
        return context
