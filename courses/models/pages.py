from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, Page
from wagtail.search import index

from lms.slugs import ThaiSlugPageForm

from ..blocks import LessonStreamBlock
from ..choices import Topic


class CompetencyLinkSerializer(serializers.Serializer):
    """A course's target competency as the content API shows it."""

    code = serializers.CharField(source="competency.code")
    name_th = serializers.CharField(source="competency.name_th")
    name_en = serializers.CharField(source="competency.name_en")
    proficiency = serializers.IntegerField()


class CourseIndexPage(Page):
    """The catalogue: lists live courses, filtered by topic and competency."""

    base_form_class = ThaiSlugPageForm

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        from competencies.selectors import competency_choices

        from ..selectors import course_list

        context = super().get_context(request, *args, **kwargs)
        topic = request.GET.get("topic") or None
        if topic not in Topic.values:
            topic = None
        competency = request.GET.get("competency") or None
        context.update(
            courses=course_list(locale=self.locale, topic=topic, competency_code=competency),
            topics=Topic.choices,
            selected_topic=topic,
            competencies=competency_choices(),
            selected_competency=competency,
        )
        return context


class CoursePage(Page):
    """A self-paced course: modules of lessons and quizzes, mapped to competencies.

    Learner data (enrolment, progress, attempts) is kept in plain models keyed
    to the course's page in the default language, so a Thai and an English
    reader of the same course share one record.
    """

    base_form_class = ThaiSlugPageForm

    topic = models.CharField(_("topic"), max_length=32, choices=Topic.choices, db_index=True)
    summary = models.TextField(
        _("summary"), max_length=500, help_text=_("One or two sentences shown in the catalogue.")
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
        help_text=_("Learners must pass a module's quizzes before the next module opens."),
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
        APIField("competencies", serializer=CompetencyLinkSerializer(source="competency_links", many=True)),
        APIField(
            "cover",
            serializer=ImageRenditionField("fill-640x360|format-webp", source="cover_image"),
        ),
    ]

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def get_context(self, request, *args, **kwargs):
        from ..progress_selectors import course_progress, missing_prerequisites
        from ..selectors import (
            course_competencies,
            course_outline,
            course_prerequisites,
        )
        from ..services import canonical_page

        context = super().get_context(request, *args, **kwargs)
        outline = course_outline(course=self)

        canonical = canonical_page(self)
        context.update(
            progress=course_progress(user=request.user, course=canonical),
            missing_prerequisites=missing_prerequisites(user=request.user, course=canonical),
            canonical=canonical,
            outline=outline,
            first_step=next((s for m in outline for s in m["steps"]), None),
            competency_links=course_competencies(course=self),
            prerequisites=course_prerequisites(course=self),
        )
        return context

    def search_text(self) -> str:
        """Title, summary and description cut into words, for Thai full-text search."""
        from lms.search.thai import segment

        return segment(" ".join([self.title, self.summary, strip_tags(self.description)]))


class CourseCompetency(Orderable):
    """A competency a course develops, and to what proficiency."""

    page = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="competency_links")
    competency = models.ForeignKey(
        "competencies.Competency",
        on_delete=models.PROTECT,
        related_name="course_links",
        verbose_name=_("competency"),
    )
    proficiency = models.PositiveSmallIntegerField(
        _("proficiency"), default=1, validators=[MinValueValidator(1), MaxValueValidator(9)]
    )

    panels = [FieldPanel("competency"), FieldPanel("proficiency")]

    class Meta(Orderable.Meta):
        verbose_name = _("target competency")
        verbose_name_plural = _("target competencies")
        constraints = [
            models.UniqueConstraint(fields=["page", "competency"], name="courses_course_competency_unique")
        ]


class CoursePrerequisite(Orderable):
    """A course that must be completed before this one can be started."""

    page = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="prerequisite_links")
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
                fields=["page", "prerequisite"], name="courses_course_prerequisite_unique"
            )
        ]


class ModulePage(Page):
    """A chapter of a course, holding lessons (and, later, quizzes) in order."""

    base_form_class = ThaiSlugPageForm

    intro = models.TextField(_("introduction"), blank=True, default="")

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["courses.LessonPage", "quiz.QuizPage"]

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def get_context(self, request, *args, **kwargs):
        from ..selectors import step_pages

        context = super().get_context(request, *args, **kwargs)
        context["steps"] = step_pages(course=self)
        return context


class LessonPage(Page):
    """One sitting of study: text, pictures, video, documents, callouts and code."""

    base_form_class = ThaiSlugPageForm

    estimated_minutes = models.PositiveIntegerField(
        _("estimated time (minutes)"), default=10, validators=[MinValueValidator(1)]
    )
    body = StreamField(LessonStreamBlock(), verbose_name=_("lesson body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("estimated_minutes"), FieldPanel("body")]
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
        context.update(step_context(self, request.user))
        return context

    def search_text(self) -> str:
        """Title and the words of every block cut into words, for Thai search.

        Blocks are read, not rendered, so indexing never fetches an embed.
        """
        from lms.search.thai import segment

        return segment(" ".join([self.title, *_block_text(self.body)]))


def _block_text(value) -> list[str]:
    """The plain text inside a stream value (rich text, struct fields, strings)."""
    from wagtail.blocks import StreamValue, StructValue
    from wagtail.rich_text import RichText

    if isinstance(value, StreamValue):
        return [text for child in value for text in _block_text(child.value)]
    if isinstance(value, StructValue):
        return [text for child in value.values() for text in _block_text(child)]
    if isinstance(value, RichText):
        return [strip_tags(value.source)]
    if isinstance(value, str):
        return [value]
    return []


def step_context(page: Page, user=None) -> dict:
    """Context every step page (lesson, quiz) shares: its course, neighbours and
    the reader's progress (enrolled, done, locked)."""
    from ..progress_selectors import course_progress, locked_step_ids
    from ..selectors import adjacent_steps, course_for_page, step_pages
    from ..services import canonical_page

    course = course_for_page(page=page)
    steps = step_pages(course=course) if course else []
    previous, following = adjacent_steps(page=page, steps=steps)
    context = {
        "course": course,
        "steps": steps,
        "step_number": next((i for i, s in enumerate(steps, 1) if s.pk == page.pk), None),
        "previous_step": previous,
        "next_step": following,
        "enrolled": False,
        "step_done": False,
        "step_locked": False,
    }
    if course is not None and user is not None and user.is_authenticated:
        canonical_course = canonical_page(course)
        canonical_step = canonical_page(page)
        progress = course_progress(user=user, course=canonical_course)
        context.update(
            canonical_course=canonical_course,
            canonical_step=canonical_step,
            enrolled=progress.enrollment is not None,
            step_done=canonical_step.pk in progress.done,
            step_locked=canonical_step.pk
            in locked_step_ids(course=canonical_course, steps=progress.steps, done=progress.done),
        )
    return context
