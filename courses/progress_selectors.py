"""Reads of a learner's progress, each in a fixed number of queries.

Learner records are keyed to the default-language (Thai) pages; these
functions take a canonical course or step and hand back pages in the
reader's language only for display. Step pages are loaded without their
specific content (one query for the whole course, whatever its size).
"""

import copy
from collections import namedtuple
from dataclasses import dataclass, field
from functools import cached_property

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Max, Q
from django.db.models.base import ModelState
from django.db.models.functions import Substr
from wagtail.models import Locale, Page

from lms.i18n import current_language
from lms.pagecache import per_generation, rows_stamp

from . import registry
from .models import (
    CourseCompetency,
    CourseIndexPage,
    CoursePage,
    Enrollment,
    StepCompletion,
)

# Page models a learner completes, resolved lazily so the quiz engine stays
# optional (apps above courses add theirs to ``registry``). Quizzes and other
# graded steps also gate the next module when a course runs in order.
QUIZ_MODELS = ("quiz.QuizPage",)

# Enough to link to a page and place it in the tree, nothing more.
STEP_FIELDS = (
    "id",
    "path",
    "depth",
    "title",
    "slug",
    "url_path",
    "translation_key",
    "locale",
    "content_type",
    "live",
)


def canonical_page(page: Page) -> Page:
    """The page's translation in the default language (where learner records
    are kept), specific; the page itself when it has none."""
    default = Locale.get_default()
    if page.locale_id != default.pk:
        page = page.get_translation_or_none(default) or page
    return page.specific


def _models(labels: tuple[str, ...]) -> list:
    found = []
    for label in labels:
        try:
            found.append(apps.get_model(label))
        except LookupError:
            continue
    return found


def step_models() -> list[type[Page]]:
    """The installed step page models (lessons, and quizzes when the engine is on)."""
    return _models(tuple(registry.STEP_MODELS))


def _content_type_ids(labels: tuple[str, ...]) -> set[int]:
    # ContentType's manager caches these, so this costs no query after the first.
    models = _models(labels)
    return {
        ct.pk
        for ct in ContentType.objects.get_for_models(
            *models, for_concrete_models=False
        ).values()
    }


def step_content_type_ids() -> set[int]:
    return _content_type_ids(tuple(registry.STEP_MODELS))


def quiz_content_type_ids() -> set[int]:
    return _content_type_ids(QUIZ_MODELS)


def graded_content_type_ids() -> set[int]:
    """Steps completed only by their result (quizzes, e-learning packages)."""
    return _content_type_ids(tuple(registry.GRADED_MODELS))


def is_step(page: Page) -> bool:
    return page.content_type_id in step_content_type_ids()


def course_steps(*, course: Page) -> list[Page]:
    """Every live step of a course in reading (tree) order, not specific: one
    query, once per process and content generation (``lms.pagecache``)."""
    return list(per_generation(("course_steps", course.pk), lambda: _steps(course)))


def _steps(course: Page) -> list[Page]:
    return list(
        Page.objects.descendant_of(course)
        .live()
        .filter(content_type_id__in=step_content_type_ids())
        .order_by("path")
        .only(*STEP_FIELDS)
    )


def course_of(*, page: Page) -> CoursePage | None:
    """The live course a module, lesson or quiz belongs to (one query)."""
    return CoursePage.objects.ancestor_of(page, inclusive=True).live().first()


def completed_course_ids(*, user) -> set[int]:
    """Ids of the (canonical) courses ``user`` has completed (one query)."""
    return set(
        Enrollment.objects.filter(user=user, completed_at__isnull=False).values_list(
            "course_id", flat=True
        )
    )


def just_completed_course(*, user, before: set[int], page: Page) -> CoursePage | None:
    """The course of step ``page`` if it is completed now and was not among
    ``before`` (the ids completed before the step was done): the step just
    finished the course, and the learner is shown the completion screen."""
    course = course_of(page=page)
    if course is None or course.pk in before:
        return None
    return course if course.pk in completed_course_ids(user=user) else None


def in_language(pages: list[Page], locale: Locale | None = None) -> dict[str, Page]:
    """Live translations of ``pages`` in ``locale`` (the active one by default),
    by translation key, in one query. Missing ones are left out."""
    keys = {p.translation_key for p in pages if p is not None}
    if not keys:
        return {}
    locale = locale or Locale.get_active()
    if all(p.locale_id == locale.pk and p.live for p in pages if p is not None):
        # Already in that language and live: nothing to look up.
        return {p.translation_key: p for p in pages if p is not None}
    found = (
        Page.objects.filter(translation_key__in=keys, locale=locale)
        .live()
        .only(*STEP_FIELDS)
    )
    return {p.translation_key: p for p in found}


@dataclass
class CourseProgress:
    """One learner's progress in one (default-language) course."""

    course: CoursePage
    enrollment: Enrollment | None
    steps: list[Page] = field(default_factory=list)
    done: set[int] = field(default_factory=set)
    display_course: Page | None = None
    display_next: Page | None = None

    @property
    def total(self) -> int:
        return len(self.steps)

    # Cached: the lists never change once made, and *My learning* asks each
    # of a hundred cards several times.
    @cached_property
    def completed(self) -> int:
        return sum(1 for s in self.steps if s.pk in self.done)

    @property
    def percent(self) -> int:
        if self.is_complete:
            return 100
        return int(100 * self.completed / self.total) if self.total else 0

    @property
    def is_enrolled(self) -> bool:
        return self.enrollment is not None

    @property
    def is_complete(self) -> bool:
        return bool(self.enrollment and self.enrollment.completed_at)

    @cached_property
    def next_step(self) -> Page | None:
        """The first step not done yet. It is never locked: locks only follow
        an unpassed quiz, and that quiz comes first."""
        return next((s for s in self.steps if s.pk not in self.done), None)

    @property
    def locked(self) -> set[int]:
        return locked_step_ids(course=self.course, steps=self.steps, done=self.done)


def missing_prerequisites(*, user, course: CoursePage) -> list[CoursePage]:
    """Live prerequisite courses ``user`` has not completed (one query)."""
    required = CoursePage.objects.live().filter(
        pk__in=course.prerequisite_links.values("prerequisite")
    )
    if user.is_authenticated:
        required = required.exclude(
            pk__in=Enrollment.objects.filter(
                user=user, completed_at__isnull=False
            ).values("course")
        )
    return list(required.order_by("path"))


def locked_step_ids(
    *, course: CoursePage, steps: list[Page], done: set[int]
) -> set[int]:
    """Steps closed because a quiz (or another graded step) of an earlier
    module is not passed yet.

    Only for courses whose modules run in order (``require_quiz_pass``).
    Works on specific or plain pages alike (it reads the content type).
    """
    if not course.require_quiz_pass:
        return set()
    quiz_types = graded_content_type_ids()
    module_len = (course.depth + 1) * Page.steplen
    locked: set[int] = set()
    blocked = pending = False
    current_module = None
    for step in steps:
        module_path = step.path[:module_len]
        if module_path != current_module:
            blocked = blocked or pending
            current_module, pending = module_path, False
        if blocked:
            locked.add(step.pk)
        if step.content_type_id in quiz_types and step.pk not in done:
            pending = True
    return locked


def _done_ids(*, user, course: CoursePage) -> set[int]:
    return set(
        StepCompletion.objects.filter(user=user, course=course).values_list(
            "page_id", flat=True
        )
    )


def step_is_locked(*, user, page: Page, course: CoursePage | None = None) -> bool:
    """Whether the step ``page`` (either language) is closed to ``user`` for now."""
    page = canonical_page(page)
    course = course or course_of(page=page)
    if course is None or not course.require_quiz_pass:
        return False
    steps = course_steps(course=course)
    return page.pk in locked_step_ids(
        course=course, steps=steps, done=_done_ids(user=user, course=course)
    )


def course_progress(*, user, course: CoursePage, steps=None) -> CourseProgress:
    """One learner's progress in one default-language course (three queries;
    two when ``steps``, the course's live steps in order, are given)."""
    enrollment = None
    done: set[int] = set()
    if user.is_authenticated:
        enrollment = Enrollment.objects.filter(user=user, course=course).first()
        done = _done_ids(user=user, course=course)
    return CourseProgress(
        course=course,
        enrollment=enrollment,
        steps=course_steps(course=course) if steps is None else steps,
        done=done,
    )


def completed_course_counts(user_ids: list[int]) -> dict[int, int]:
    """Completed courses per person, for the level rules (one query; given to
    ``competencies.registry`` by ``CoursesConfig.ready``)."""
    return {
        row["user_id"]: row["n"]
        for row in Enrollment.objects.filter(
            user_id__in=user_ids, completed_at__isnull=False
        )
        .values("user_id")
        .annotate(n=Count("pk"))
    }


_ROW_FIELDS = (
    "id",
    "path",
    "depth",
    "title",
    "slug",
    "url_path",
    "translation_key",
    "locale_id",
    "content_type_id",
    "live",
)


class StepRow(namedtuple("StepRow", (*_ROW_FIELDS, "course_id"))):
    """A step as a row (what counting and linking need), far cheaper to make
    than a Page (or an object with attributes): *My learning* reads hundreds
    of them."""

    __slots__ = ()

    @property
    def pk(self) -> int:
        return self.id

    def as_page(self) -> Page:
        """The same step as a (deferred) Page, for templates and links."""
        page = Page(**{name: getattr(self, name) for name in _ROW_FIELDS})
        page._state.adding, page._state.db = False, "default"
        return page


def _steps_under(courses: list[CoursePage]) -> list[StepRow]:
    """The live steps of all ``courses`` in tree order, as rows: one query,
    each step matched to its course by its path's prefix (courses never nest)."""
    by_depth: dict[int, dict[str, int]] = {}
    for course in courses:
        by_depth.setdefault(course.depth, {})[course.path] = course.pk
    paths = [c.path for c in courses]
    queryset = Page.objects.filter(
        live=True,
        content_type_id__in=step_content_type_ids(),
        path__gt=min(paths),
        path__lt=max(paths) + "~",
    )
    under_any = Q()
    for depth, prefixes in by_depth.items():
        name = f"prefix_{depth}"
        queryset = queryset.annotate(**{name: Substr("path", 1, depth * Page.steplen)})
        under_any |= Q(**{f"{name}__in": list(prefixes)}, depth__gt=depth)
    rows = []
    make_row = StepRow._make
    for values in queryset.filter(under_any).order_by("path").values_list(*_ROW_FIELDS):
        path = values[1]
        for depth, prefixes in by_depth.items():
            course_id = prefixes.get(path[: depth * Page.steplen])
            if course_id is not None:
                rows.append(make_row((*values, course_id)))
                break
    return rows


_ENROLLMENT_COLUMNS = (
    "id",
    "user_id",
    "course_id",
    "enrolled_at",
    "completed_at",
    "last_step_id",
    "updated_at",
)
_COURSE_COLUMNS = (*_ROW_FIELDS, "require_quiz_pass")


def _loaded(model, values: dict):
    """An instance from a row's values without running its constructor,
    which for a page (modelcluster's) looks up the model's child relations
    each time: a hundred times over on *My learning*. Fields left out load
    on access, like deferred ones; the instance is for reading."""
    instance = model.__new__(model)
    instance.__dict__.update(values)
    instance._state = ModelState()
    instance._state.adding, instance._state.db = False, "default"
    return instance


def _competency_links() -> dict[int, tuple]:
    """What each course teaches (code, names, proficiency; each competency
    once, at its highest), by course id: one query, kept per process and
    content generation (a course's competency saved bumps it)."""
    best: dict[int, dict] = {}
    for (
        page_id,
        code,
        name_th,
        name_en,
        proficiency,
    ) in CourseCompetency.objects.values_list(
        "page_id",
        "competency__code",
        "competency__name_th",
        "competency__name_en",
        "proficiency",
    ):
        known = best.setdefault(page_id, {}).get(code)
        if known is None or proficiency > known[3]:
            best[page_id][code] = (code, name_th, name_en, proficiency)
    return {page_id: tuple(rows.values()) for page_id, rows in best.items()}


def progress_stamp() -> dict:
    """Values over a person (a query over users) that change whenever their
    enrolments (enrolled, completed, resumed, withdrawn) or completed steps
    do: the key of what is kept of their *My learning* (``lms.home``)."""
    return {
        "enrolments": rows_stamp(
            Enrollment.objects.all(),
            Max("pk"),
            Max("updated_at"),
            Count("completed_at"),
        ),
        "steps": rows_stamp(StepCompletion.objects.all(), Max("pk")),
    }


def dashboard(*, user, pages: bool = True) -> dict:
    """Everything the "My learning" page shows, in three queries whatever the
    number of courses and steps (and two more once per process and content
    generation: what courses teach, the catalogue page).

    Each card's next step is a page to link to; with ``pages=False`` it stays
    a :class:`StepRow` (title, slug, path...: for a caller that only names it).

    Unpublished courses and steps are neither counted nor linked; deleted
    ones are gone with their records (cascade); moved and retitled pages are
    read from where and what they are now.
    """
    rows = (
        Enrollment.objects.filter(user=user, course__live=True)
        .order_by("-updated_at", "-pk")
        .values_list(*_ENROLLMENT_COLUMNS, *(f"course__{c}" for c in _COURSE_COLUMNS))
    )
    enrollments = []
    split = len(_ENROLLMENT_COLUMNS)
    for values in rows:
        enrollment = _loaded(
            Enrollment, dict(zip(_ENROLLMENT_COLUMNS, values[:split], strict=True))
        )
        course = _loaded(
            CoursePage, dict(zip(_COURSE_COLUMNS, values[split:], strict=True))
        )
        course.page_ptr_id = course.id
        enrollment.course = course
        enrollments.append(enrollment)
    courses = [e.course for e in enrollments]
    steps_by_course: dict[int, list] = {c.pk: [] for c in courses}
    done: set[int] = set()
    if courses:
        for step in _steps_under(courses):
            steps_by_course[step.course_id].append(step)
        done = set(
            StepCompletion.objects.filter(
                user=user, course__in=[c.pk for c in courses]
            ).values_list("page_id", flat=True)
        )
    progress = [
        CourseProgress(
            course=e.course, enrollment=e, steps=steps_by_course[e.course.pk], done=done
        )
        for e in enrollments
    ]
    for item in progress if pages else ():
        # The one step each card names, as a page (the others stay rows).
        following = item.next_step
        if following is not None:
            page = following.as_page()
            item.steps[item.steps.index(following)] = page
            item.next_step = page
    translated = in_language(
        [p.course for p in progress] + [p.next_step for p in progress if p.next_step]
    )
    for item in progress:
        item.display_course = translated.get(item.course.translation_key, item.course)
        if item.next_step is not None:
            item.display_next = translated.get(
                item.next_step.translation_key, item.next_step
            )
    completed = [p for p in progress if p.is_complete]
    completed.sort(key=lambda p: p.enrollment.completed_at, reverse=True)
    links = per_generation("courses:competency-links", _competency_links)
    earned: dict[str, dict] = {}
    for item in completed:
        for code, name_th, name_en, proficiency in links.get(item.course.pk, ()):
            row = earned.setdefault(
                code,
                {"names": (name_th, name_en), "courses": 0, "proficiency": 0},
            )
            row["courses"] += 1
            row["proficiency"] = max(row["proficiency"], proficiency)
    english = current_language() == "en"
    competencies = [
        {
            "code": code,
            "name": (english and row["names"][1]) or row["names"][0],
            "proficiency": row["proficiency"],
            "courses": row["courses"],
        }
        for code, row in sorted(earned.items())
    ]
    locale = Locale.get_active()
    # The same for everyone: read once per process and content generation
    # (each request gets its own copy of the page).
    catalogue = per_generation(
        f"courses:catalogue:{locale.pk}",
        lambda: CourseIndexPage.objects.live().filter(locale=locale).first(),
    )
    return {
        "catalogue": copy.copy(catalogue),
        "in_progress": [p for p in progress if not p.is_complete],
        "completed": completed,
        "competencies": competencies,
    }
