"""Reads for the public course pages. Each runs a fixed number of queries,
whatever the number of courses, modules or lessons."""

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q, QuerySet
from wagtail.models import Locale, Page

from competencies.models import ProficiencyLevel
from lms.pagecache import per_generation
from lms.search.substring import substring_ids
from lms.search.thai import segment

from .models import (
    CourseCompetency,
    CourseIndexPage,
    CoursePage,
    LessonPage,
    ModulePage,
)
from .progress_selectors import STEP_FIELDS, step_content_type_ids, step_models


def _with_cards(qs: QuerySet[CoursePage]) -> QuerySet[CoursePage]:
    """What a course card shows: cover rendition and competency codes, prefetched."""
    return qs.select_related("cover_image").prefetch_related(
        "cover_image__renditions",
        Prefetch(
            "competency_links",
            queryset=CourseCompetency.objects.select_related("competency").order_by(
                "sort_order"
            ),
        ),
    )


def course_list(
    *, locale: Locale, topic: str | None = None, competency_code: str | None = None
) -> QuerySet[CoursePage]:
    """Live courses in one language, optionally filtered by topic and competency."""
    qs = CoursePage.objects.live().public().filter(locale=locale)
    if topic:
        qs = qs.filter(topic=topic)
    if competency_code:
        # Translations are copies: links are copied with the page, so a
        # filter on the page's own links works in every language.
        qs = qs.filter(competency_links__competency__code=competency_code).distinct()
    return _with_cards(qs.order_by("title"))


def latest_courses(*, locale: Locale, limit: int = 6) -> list[CoursePage]:
    """The most recently first-published live courses in one language."""
    qs = CoursePage.objects.live().public().filter(locale=locale)
    return list(_with_cards(qs.order_by("-first_published_at"))[:limit])


def course_outline(*, course: CoursePage) -> list[dict]:
    """Modules with their live steps, in tree order: one query."""
    return course_outline_and_steps(course=course)[0]


def course_outline_and_steps(*, course: CoursePage) -> tuple[list[dict], list[Page]]:
    """The outline (live modules with their live steps) and every live step
    of the course in reading order (what ``course_steps`` gives), from one
    query.

    Plain pages with what a link needs (title, URL, type), not specific ones
    with their bodies; ``step_pages`` gives those to code that needs them.
    Read once per process and content generation (``lms.pagecache``).
    """
    outline, steps = per_generation(
        ("course_outline", course.pk), lambda: _outline_and_steps(course)
    )
    return [{**item, "steps": list(item["steps"])} for item in outline], list(steps)


def _outline_and_steps(course: CoursePage) -> tuple[list[dict], list[Page]]:
    module_type = ContentType.objects.get_for_model(ModulePage).pk
    step_types = step_content_type_ids()
    pages = (
        Page.objects.descendant_of(course)
        .live()
        .filter(
            Q(depth=course.depth + 1, content_type_id=module_type)
            | Q(depth__gt=course.depth + 1, content_type_id__in=step_types)
        )
        .order_by("path")
        .only(*STEP_FIELDS)
    )
    outline: list[dict] = []
    steps: list[Page] = []
    for page in pages:
        if page.content_type_id == module_type and page.depth == course.depth + 1:
            outline.append({"module": page, "steps": []})
            continue
        steps.append(page)
        if outline and page.path.startswith(outline[-1]["module"].path):
            outline[-1]["steps"].append(page)
    return outline, steps


def step_types() -> list[type[Page]]:
    """Page types a learner completes: lessons, quizzes and what other apps
    register (``courses.registry``)."""
    return [LessonPage, *(m for m in step_models() if m is not LessonPage)]


def step_pages(*, course: Page) -> list[Page]:
    """Every live step (lesson or quiz) of a course, specific, in reading order."""
    return list(
        Page.objects.descendant_of(course)
        .live()
        .type(*step_types())
        .order_by("path")
        .specific()
    )


def course_for_page(*, page: Page, ancestors=None) -> CoursePage | None:
    """The course a module, lesson or quiz belongs to (one query).

    ``ancestors``: the pages above ``page`` when the caller has them (the
    home page's router reads them with the route): the course is then found
    among them and read once per process and content generation."""
    if ancestors is not None:
        course_type = ContentType.objects.get_for_model(CoursePage).pk
        found = next(
            (a for a in ancestors if a.content_type_id == course_type and a.live),
            None,
        )
        if found is None:
            return None
        return per_generation(
            ("course", found.pk),
            lambda: CoursePage.objects.live().filter(pk=found.pk).first(),
        )
    return CoursePage.objects.ancestor_of(page, inclusive=True).live().first()


def adjacent_steps(
    *, page: Page, steps: list[Page] | None = None
) -> tuple[Page | None, Page | None]:
    """The steps before and after ``page`` in its course's reading order.

    Pass ``steps`` (from :func:`step_pages`) when the caller already has them.
    """
    if steps is None:
        course = course_for_page(page=page)
        steps = step_pages(course=course) if course else []
    ids = [s.pk for s in steps]
    if page.pk not in ids:
        return None, None
    i = ids.index(page.pk)
    previous = steps[i - 1] if i > 0 else None
    following = steps[i + 1] if i + 1 < len(steps) else None
    return previous, following


def breadcrumbs(*, page: Page) -> list[Page]:
    """Ancestors from the home page down, for the breadcrumb trail (one query).

    The tree root (depth 1) is not a page anyone visits, so it is left out.
    """
    return list(page.get_ancestors().filter(depth__gt=1).order_by("depth"))


def catalogue_for(*, locale: Locale) -> CourseIndexPage | None:
    """The live course catalogue of one language (one query, once per process
    and content generation)."""
    return per_generation(
        ("catalogue", locale.pk),
        lambda: (
            CourseIndexPage.objects.live()
            .filter(locale=locale)
            .order_by("path")
            .first()
        ),
    )


def course_competencies(*, course: CoursePage) -> list[CourseCompetency]:
    """A course's target competencies in order, each with ``level``: the
    :class:`ProficiencyLevel` it aims at (or None). Two queries, once per
    process and content generation."""
    return list(
        per_generation(("course_competencies", course.pk), lambda: _links(course))
    )


def _links(course: CoursePage) -> list[CourseCompetency]:
    links = list(
        CourseCompetency.objects.filter(page=course)
        .select_related("competency")
        .order_by("sort_order", "pk")
    )
    levels = {
        (lv.competency_id, lv.level): lv
        for lv in ProficiencyLevel.objects.filter(
            competency_id__in=[link.competency_id for link in links]
        )
    }
    for link in links:
        link.level = levels.get((link.competency_id, link.proficiency))
    return links


def course_prerequisites(*, course: CoursePage) -> list[CoursePage]:
    """A course's live prerequisites, in the course's language where
    translated (two queries).

    Translations are copies and their prerequisite links still point to the
    courses chosen in the original language, so each one is swapped for its
    live translation when there is one. Once per process and content generation.
    """
    return list(
        per_generation(
            ("course_prerequisites", course.pk), lambda: _prerequisites(course)
        )
    )


def _prerequisites(course: CoursePage) -> list[CoursePage]:
    chosen = list(
        CoursePage.objects.live()
        .filter(pk__in=course.prerequisite_links.values("prerequisite"))
        .order_by("title")
    )
    translated = {
        c.translation_key: c
        for c in CoursePage.objects.live().filter(
            locale_id=course.locale_id,
            translation_key__in=[c.translation_key for c in chosen],
        )
    }
    return [translated.get(c.translation_key, c) for c in chosen]


def _search_ids(model, *, locale: Locale, query: str) -> list[int]:
    """Ids of live, public pages of ``model`` in ``locale`` that match
    ``query``: full-text matches (Thai cut into words) by relevance, then the
    pages that only contain the query's words inside longer words."""
    pages = model.objects.live().public().filter(locale=locale)
    ranked = [p.pk for p in pages.search(segment(query), operator="and")]
    seen = set(ranked)
    more = [i for i in substring_ids(model, query) if i not in seen]
    if more:
        ranked += list(
            pages.filter(pk__in=more)
            .order_by("title", "pk")
            .values_list("pk", flat=True)
        )
    return ranked


def course_search(*, locale: Locale, query: str, page_number=None, per_page: int = 20):
    """Search of live courses: full-text (Thai cut into words first), then
    substrings ("แก๊งคอล" finds "แก๊งคอลเซ็นเตอร์").

    Returns a paginator page whose ``object_list`` holds courses with their
    card data prefetched; its count is the number of courses listed over
    all pages.
    """
    page_obj = Paginator(
        _search_ids(CoursePage, locale=locale, query=query), per_page
    ).get_page(page_number)
    ids = list(page_obj.object_list)
    by_id = {c.pk: c for c in _with_cards(CoursePage.objects.filter(pk__in=ids))}
    page_obj.object_list = [by_id[i] for i in ids if i in by_id]
    return page_obj


def lesson_search(*, locale: Locale, query: str, limit: int = 10) -> list[LessonPage]:
    """The best-matching live lessons in one language, found as courses are."""
    ids = _search_ids(LessonPage, locale=locale, query=query)[:limit]
    by_id = LessonPage.objects.in_bulk(ids)
    return [by_id[i] for i in ids if i in by_id]


def courses_teaching(competency_ids) -> dict[int, list[Page]]:
    """Live courses that teach each competency, in the active language where
    translated (two queries; given to ``competencies.registry`` at start-up)."""
    teaching: dict[int, list[Page]] = {}
    links = (
        CourseCompetency.objects.filter(
            competency_id__in=list(competency_ids),
            page__live=True,
            page__locale__language_code="th",
        )
        .select_related("page")
        .order_by("page__title")
    )
    links = list(links)
    shown = {
        page.translation_key: page
        for page in Page.objects.filter(
            translation_key__in=[link.page.translation_key for link in links],
            locale=Locale.get_active(),
        ).live()
    }
    for link in links:
        teaching.setdefault(link.competency_id, []).append(
            shown.get(link.page.translation_key, link.page)
        )
    return teaching
