"""Reads for the course outline screen (``courses.authoring.admin_views``)."""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, WorkflowState

from .. import registry
from ..models import CoursePage, ModulePage

DRAFT = "draft"
IN_MODERATION = "in_moderation"
LIVE = "live"
CHANGED = "changed"
NEEDS_CHANGES = "needs_changes"


@dataclass
class OutlineNode:
    """One page of a course's outline as the admin shows it."""

    page: Page
    kind: str  # "course", "module" or a step's model label, e.g. "courses.lessonpage"
    status: str
    workflow_state: WorkflowState | None = None
    children: list["OutlineNode"] = field(default_factory=list)

    @property
    def needs_approval(self) -> bool:
        return self.status in (DRAFT, CHANGED)


def page_status(page: Page, state: WorkflowState | None) -> str:
    """Draft (never live), in moderation, changes requested, live, or live
    with changes not yet live."""
    if state is not None:
        if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            return NEEDS_CHANGES
        return IN_MODERATION
    if not page.live:
        return DRAFT
    return CHANGED if page.has_unpublished_changes else LIVE


def pending_workflow_states(*, pages: list[Page]) -> dict[int, WorkflowState]:
    """The open workflow state (in moderation, or sent back for changes) of
    each page that has one: one query."""
    base = ContentType.objects.get_for_model(Page)
    states = WorkflowState.objects.filter(
        base_content_type=base,
        object_id__in=[str(p.pk) for p in pages],
        status__in=[
            WorkflowState.STATUS_IN_PROGRESS,
            WorkflowState.STATUS_NEEDS_CHANGES,
        ],
    ).select_related("current_task_state__task", "requested_by")
    return {int(s.object_id): s for s in states}


def course_pages(*, course: CoursePage) -> list[Page]:
    """The course and every page below it, in tree order: one query.

    Plain ``Page`` rows (titles from ``draft_title``, so a renamed draft shows
    its new name); the step's type is read from its content type, which
    Django caches.
    """
    return list(
        Page.objects.filter(
            path__startswith=course.path, depth__gte=course.depth
        ).order_by("path")
    )


def course_outline_tree(*, course: CoursePage) -> OutlineNode:
    """The course, its modules in order and each module's steps in order, with
    their status: two queries whatever the course's size."""
    pages = course_pages(course=course)
    states = pending_workflow_states(pages=pages)
    module_ct = ContentType.objects.get_for_model(ModulePage)
    step_labels = {label.lower() for label in registry.STEP_MODELS}

    def node(page: Page) -> OutlineNode:
        ct = ContentType.objects.get_for_id(page.content_type_id)
        kind = (
            "course"
            if page.pk == course.pk
            else "module"
            if ct == module_ct
            else f"{ct.app_label}.{ct.model}"
        )
        state = states.get(page.pk)
        return OutlineNode(
            page=page,
            kind=kind,
            status=page_status(page, state),
            workflow_state=state,
        )

    root = node(pages[0])
    current_module = None
    for page in pages[1:]:
        item = node(page)
        if page.depth == course.depth + 1:
            current_module = item
            root.children.append(item)
        elif current_module is not None and item.kind in step_labels:
            current_module.children.append(item)
        elif current_module is not None:
            # Something deeper than a step (not expected): still shown, so
            # nothing under the course escapes moderation unseen.
            current_module.children.append(item)
    return root


def outline_nodes(root: OutlineNode) -> list[OutlineNode]:
    """The course and everything under it, flattened in tree order."""
    nodes = [root]
    for module in root.children:
        nodes.append(module)
        nodes.extend(module.children)
    return nodes


def never_live_course_of(page: Page) -> CoursePage | None:
    """The course holding ``page`` if that course was never live and has
    other pages not live yet: such a page must not go live on its own (a new
    course goes live only whole, from its outline). Two queries."""
    course = CoursePage.objects.ancestor_of(page, inclusive=True).first()
    if course is None or course.first_published_at is not None:
        return None
    others = (
        Page.objects.descendant_of(course, inclusive=True)
        .exclude(pk=page.pk)
        .filter(live=False)
    )
    return course if others.exists() else None
