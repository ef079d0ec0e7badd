"""The catalogue and course detail: public content, with ETags."""

from django.db.models import Max
from django.shortcuts import get_object_or_404
from django.utils.html import strip_tags
from ninja import Field, Query, Router, Schema
from ninja.decorators import decorate_view
from ninja.pagination import paginate
from wagtail.models import Locale, Page
from wagtail.rich_text import expand_db_html

from courses.choices import Topic
from courses.models import CoursePage
from courses.selectors import (
    course_competencies,
    course_list,
    course_outline,
    course_prerequisites,
)

from ..core import Id, Pages, Text, anonymous, conditional, public_errors
from .common import StepKind, content_url, step_kind, web_url

router = Router(tags=["catalogue"], auth=anonymous)


class CompetencyRef(Schema):
    code: str
    name: str
    proficiency: int
    proficiency_name: str = ""


class CourseCard(Schema):
    id: int
    title: str
    topic: str
    topic_label: str
    summary: str
    estimated_minutes: int
    cover_url: str | None
    competencies: list[CompetencyRef]
    web_url: str
    content_url: str


class StepOut(Schema):
    id: int
    title: str
    kind: StepKind
    content_url: str


class ModuleOut(Schema):
    id: int
    title: str
    steps: list[StepOut]


class CourseRef(Schema):
    id: int
    title: str


class CourseDetail(CourseCard):
    language: str
    description_html: str
    description_text: str
    require_quiz_pass: bool
    prerequisites: list[CourseRef]
    modules: list[ModuleOut]


class CatalogueFilters(Schema):
    topic: Topic | None = None
    competency: Text | None = Field(None, max_length=32)


def _cover(course: CoursePage) -> str | None:
    if course.cover_image is None:
        return None
    # The catalogue page's own rendition, prefetched by course_list.
    return course.cover_image.get_rendition("fill-640x360|format-webp").url


def card(request, course: CoursePage, links=None) -> dict:
    links = links if links is not None else course.competency_links.all()
    return {
        "id": course.pk,
        "title": course.title,
        "topic": course.topic,
        "topic_label": str(course.get_topic_display()),
        "summary": course.summary,
        "estimated_minutes": course.estimated_minutes,
        "cover_url": _cover(course),
        "competencies": [
            {
                "code": link.competency.code,
                "name": link.competency.name,
                "proficiency": link.proficiency,
                "proficiency_name": getattr(getattr(link, "level", None), "name", "")
                or "",
            }
            for link in links
        ],
        "web_url": web_url(request, course),
        "content_url": content_url(request, course.pk),
    }


def _catalogue_modified(request, **kwargs):
    return (
        CoursePage.objects.live()
        .filter(locale=Locale.get_active())
        .aggregate(stamp=Max("last_published_at"))["stamp"]
    )


def _course_modified(request, course_id: int, **kwargs):
    course = Page.objects.filter(pk=course_id).first()
    if course is None:
        return None
    return (
        Page.objects.descendant_of(course, inclusive=True)
        .live()
        .aggregate(stamp=Max("last_published_at"))["stamp"]
    )


@router.get(
    "/courses",
    response={200: list[CourseCard], **public_errors()},
    summary="Catalogue: live courses in the request's language",
)
@decorate_view(conditional(_catalogue_modified))
@paginate(Pages)
def course_catalogue(request, filters: Query[CatalogueFilters]):
    """Live courses in the language of ``Accept-Language`` (Thai by default),
    by title; ``topic`` and ``competency`` (a code such as D1) filter them.
    Send the ETag back as ``If-None-Match`` to get 304 when nothing changed."""
    courses = course_list(
        locale=Locale.get_active(),
        topic=filters.topic,
        competency_code=filters.competency,
    )
    # Cards are built per page of results, not for the whole catalogue.
    return _LazyCards(request, courses)


class _LazyCards:
    """A queryset that ninja's paginator slices; each slice becomes cards."""

    def __init__(self, request, queryset):
        self.request, self.queryset = request, queryset

    def __len__(self):
        return self.queryset.count()

    def count(self):
        return self.queryset.count()

    def __getitem__(self, window):
        return [card(self.request, course) for course in self.queryset[window]]


@router.get(
    "/courses/{course_id}",
    response={200: CourseDetail, **public_errors(404)},
    summary="A course: description, competencies, prerequisites and outline",
)
@decorate_view(conditional(_course_modified))
def course_detail(request, course_id: Id):
    """A live course with its modules and steps, in the reader's language
    when translated (``course_id`` may name either language's page). Lesson bodies come from Wagtail's API v2
    (``content_url``). Progress is per person: see ``/enrolments/{id}``."""
    course = get_object_or_404(
        CoursePage.objects.live().public().select_related("cover_image"), pk=course_id
    )
    # The same course in the reader's language, when it is translated.
    translated = (
        CoursePage.objects.live()
        .public()
        .select_related("cover_image")
        .filter(translation_key=course.translation_key, locale=Locale.get_active())
        .first()
    )
    course = translated or course
    data = card(request, course, links=course_competencies(course=course))
    description = expand_db_html(course.description)
    data.update(
        language=course.locale.language_code,
        description_html=description,
        description_text=strip_tags(description).strip(),
        require_quiz_pass=course.require_quiz_pass,
        prerequisites=[
            {"id": p.pk, "title": p.title} for p in course_prerequisites(course=course)
        ],
        modules=[
            {
                "id": item["module"].pk,
                "title": item["module"].title,
                "steps": [
                    {
                        "id": step.pk,
                        "title": step.title,
                        "kind": step_kind(step),
                        "content_url": content_url(request, step.pk),
                    }
                    for step in item["steps"]
                ],
            }
            for item in course_outline(course=course)
        ],
    )
    return data
