from collections.abc import Callable

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import HttpRequest
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.blocks import StreamValue, StructValue
from wagtail.fields import RichTextField, StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, Page
from wagtail.rich_text import RichText
from wagtail.search import index

from lms.search.thai import segment
from lms.slugs import ThaiSlugPageForm

from .. import registry
from ..blocks import LessonStreamBlock
from ..choices import Topic

# What a page adds to its template context (the outline, the reader's progress)
# is read by ``courses.page_context``, whose selectors and services import these
# models; ``CoursesConfig.ready`` plugs those readers in here by model label, so
# the models never import the modules that read them.
PAGE_CONTEXTS: dict[str, Callable[[Page, HttpRequest], dict]] = {}


def reader_context(page: Page, request: HttpRequest) -> dict:
    """The context ``courses.page_context`` gives this page for this reader."""
    return PAGE_CONTEXTS[page._meta.label_lower](page, request)


class CompetencyLinkSerializer(serializers.Serializer):
    """A course's target competency as the content API shows it."""

    code = serializers.CharField(source="competency.code")
    name_th = serializers.CharField(source="competency.name_th")
    name_en = serializers.CharField(source="competency.name_en")
    proficiency = serializers.IntegerField()


class CourseIndexPage(Page):
    """The catalogue: lists live courses, filtered by topic and competency."""

    base_form_class = ThaiSlugPageForm

    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link"]
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(reader_context(self, request))
        return context


class CoursePage(Page):
    """A self-paced course: modules of lessons and quizzes, mapped to competencies.

    Learner data (enrolment, progress, attempts) is kept in plain models keyed
    to the course's page in the default language, so a Thai and an English
    reader of the same course share one record.
    """

    base_form_class = ThaiSlugPageForm

    topic = models.CharField(
        _("topic"), max_length=32, choices=Topic.choices, db_index=True
    )
    summary = models.TextField(
        _("summary"),
        max_length=500,
        help_text=_("One or two sentences shown in the catalogue."),
    )
    description = RichTextField(_("description"), blank=True)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("cover image"),
    )
    estimated_minutes = models.PositiveIntegerField(
        _("estimated time (minutes)"), default=60, validators=[MinValueValidator(1)]
    )
    require_quiz_pass = models.BooleanField(
        _("modules in order"),
        default=False,
        help_text=_(
            "Learners must pass a module's quizzes before the next module opens."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("topic"),
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        FieldPanel("estimated_minutes"),
        FieldPanel("description"),
        MultiFieldPanel(
            [InlinePanel("competency_links", label=_("competency"))],
            heading=_("target competencies"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("require_quiz_pass"),
                InlinePanel("prerequisite_links", label=_("prerequisite")),
            ],
            heading=_("prerequisites and order"),
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("search_text"),
        index.SearchField("summary"),
        index.SearchField("description"),
        index.FilterField("topic"),
        index.FilterField("locale_id"),
    ]

    api_fields = [
        APIField("topic"),
        APIField("summary"),
        APIField("description"),
        APIField("estimated_minutes"),
        APIField(
            "competencies",
            serializer=CompetencyLinkSerializer(source="competency_links", many=True),
        ),
        APIField(
            "cover",
            serializer=ImageRenditionField(
                "fill-640x360|format-webp", source="cover_image"
            ),
        ),
    ]

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(reader_context(self, request))
        return context

    def search_text(self) -> str:
        """Title, summary and description cut into words, for Thai full-text search."""
        return segment(
            " ".join([self.title, self.summary, strip_tags(self.description)])
        )


class CourseCompetency(Orderable):
    """A competency a course develops, and to what proficiency."""

    page = ParentalKey(
        CoursePage, on_delete=models.CASCADE, related_name="competency_links"
    )
    competency = models.ForeignKey(
        "competencies.Competency",
        on_delete=models.PROTECT,
        related_name="course_links",
        verbose_name=_("competency"),
    )
    proficiency = models.PositiveSmallIntegerField(
        _("proficiency"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(9)],
    )

    panels = [FieldPanel("competency"), FieldPanel("proficiency")]

    class Meta(Orderable.Meta):
        verbose_name = _("target competency")
        verbose_name_plural = _("target competencies")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "competency"], name="courses_course_competency_unique"
            )
        ]


class CoursePrerequisite(Orderable):
    """A course that must be completed before this one can be started."""

    page = ParentalKey(
        CoursePage, on_delete=models.CASCADE, related_name="prerequisite_links"
    )
    prerequisite = models.ForeignKey(
        CoursePage,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("prerequisite course"),
    )

    panels = [FieldPanel("prerequisite")]

    class Meta(Orderable.Meta):
        verbose_name = _("prerequisite")
        verbose_name_plural = _("prerequisites")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "prerequisite"],
                name="courses_course_prerequisite_unique",
            )
        ]


class ModulePage(Page):
    """A chapter of a course, holding lessons (and, later, quizzes) in order."""

    base_form_class = ThaiSlugPageForm

    intro = models.TextField(_("introduction"), blank=True, default="")

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["courses.CoursePage"]
    # Lessons and quizzes, plus the step types other apps register.
    subpage_types = registry.MODULE_CHILD_TYPES

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(reader_context(self, request))
        return context


class LessonPage(Page):
    """One sitting of study: text, pictures, video, documents, callouts and code."""

    base_form_class = ThaiSlugPageForm

    estimated_minutes = models.PositiveIntegerField(
        _("estimated time (minutes)"), default=10, validators=[MinValueValidator(1)]
    )
    body = StreamField(LessonStreamBlock(), verbose_name=_("lesson body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("estimated_minutes"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("search_text"),
        index.SearchField("body"),
        index.FilterField("locale_id"),
    ]
    api_fields = [APIField("estimated_minutes"), APIField("body")]

    parent_page_types = ["courses.ModulePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(reader_context(self, request))
        # The rendered body is the same for every reader of the live page:
        # kept per process for the content generation, never for a preview.
        context["body_cache_seconds"] = (
            0 if getattr(request, "is_preview", False) else 3600
        )
        return context

    def search_text(self) -> str:
        """Title and the words of every block cut into words, for Thai search.

        Blocks are read, not rendered, so indexing never fetches an embed.
        """
        return segment(" ".join([self.title, *_block_text(self.body)]))


def _block_text(value) -> list[str]:
    """The plain text inside a stream value (rich text, struct fields, strings)."""
    if isinstance(value, StreamValue):
        return [text for child in value for text in _block_text(child.value)]
    if isinstance(value, StructValue):
        return [text for child in value.values() for text in _block_text(child)]
    if isinstance(value, RichText):
        return [strip_tags(value.source)]
    if isinstance(value, str):
        return [value]
    return []
