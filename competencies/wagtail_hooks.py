"""The competency framework in the Wagtail admin: one menu group of snippets.

Administrators edit the framework (frameworks → areas → competencies, each
competency with its proficiency levels inline) and the volunteer level ladder;
trainers may look but not change (see ``lms.accounts.roles``). Every list can
be filtered and exported as CSV/XLSX; the JSON interchange for a ministry's
versioned file is the ``export_framework``/``import_framework`` commands.
"""

import django_filters
from django.contrib import messages
from django.db.models import Count
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.search.backends import get_search_backend
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    IndexView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from lms import audit
from lms.accounts.roles import ADMINISTRATOR, TRAINER, role_of
from lms.search.thai import segment

from . import admin_views
from .models import (
    Competency,
    CompetencyArea,
    CompetencyFramework,
    RecomputeRun,
    VolunteerLevel,
    ladder_cause,
)
from .services import recompute_run_start


class CompetencyFrameworkFilterSet(WagtailFilterSet):
    publisher = django_filters.AllValuesFilter(label=_("publisher"))
    version = django_filters.AllValuesFilter(label=_("version"))

    class Meta:
        model = CompetencyFramework
        fields = ["publisher", "version"]


class CompetencyAreaFilterSet(WagtailFilterSet):
    class Meta:
        model = CompetencyArea
        fields = ["framework"]


class CompetencyFilterSet(WagtailFilterSet):
    framework = django_filters.ModelChoiceFilter(
        field_name="area__framework",
        queryset=CompetencyFramework.objects.all(),
        label=_("framework"),
    )
    area = django_filters.ModelChoiceFilter(
        queryset=CompetencyArea.objects.select_related("framework"),
        label=_("area"),
    )

    class Meta:
        model = Competency
        fields = ["framework", "area"]


class CompetencyIndexView(IndexView):
    def search_queryset(self, queryset):
        # Thai has no spaces between words: cut the query into words as the
        # index was (Competency.search_text), and require all of them.
        if not self.is_searching:
            return queryset
        backend = get_search_backend(self.search_backend_name)
        return backend.autocomplete(
            segment(self.search_query),
            queryset,
            operator="and",
            order_by_relevance=not self.is_explicitly_ordered,
        )


class CompetencyFrameworkViewSet(SnippetViewSet):
    model = CompetencyFramework
    icon = "doc-full-inverse"
    menu_label = _("Frameworks")
    list_display = ["name_th", "name_en", "code", "version", "publisher"]
    list_export = [
        "code",
        "name_th",
        "name_en",
        "version",
        "publisher",
        "description_th",
        "description_en",
    ]
    search_fields = ["code", "name_th", "name_en", "publisher"]
    filterset_class = CompetencyFrameworkFilterSet
    export_filename = "competency-frameworks"


class CompetencyAreaViewSet(SnippetViewSet):
    model = CompetencyArea
    icon = "folder-open-inverse"
    menu_label = _("Areas")
    list_display = [
        "name_th",
        "name_en",
        "code",
        "framework",
        Column(
            "competency_count", label=_("competencies"), sort_key="competency_count"
        ),
    ]
    list_export = [
        "framework.code",
        "code",
        "name_th",
        "name_en",
        "description_th",
        "description_en",
        "sort_order",
    ]
    export_headings = {"framework.code": _("framework")}
    search_fields = ["code", "name_th", "name_en"]
    filterset_class = CompetencyAreaFilterSet
    export_filename = "competency-areas"
    ordering = ["framework__code", "sort_order", "code"]

    def get_queryset(self, request):
        return CompetencyArea.objects.select_related("framework").annotate(
            competency_count=Count("competencies")
        )


class CompetencyViewSet(SnippetViewSet):
    model = Competency
    icon = "tasks"
    menu_label = _("Competencies")
    index_view_class = CompetencyIndexView
    list_display = [
        "code",
        "name_th",
        "name_en",
        "area",
        Column("level_count", label=_("levels"), accessor="level_count"),
    ]
    list_export = [
        "code",
        "area.framework.code",
        "area.code",
        "name_th",
        "name_en",
        "description_th",
        "description_en",
        "sort_order",
    ]
    export_headings = {
        "area.framework.code": _("framework"),
        "area.code": _("area"),
    }
    filterset_class = CompetencyFilterSet
    export_filename = "competencies"
    ordering = ["area__framework__code", "area__sort_order", "sort_order", "code"]

    def get_queryset(self, request):
        return Competency.objects.select_related("area__framework").annotate(
            level_count=Count("proficiency_levels")
        )


class VolunteerLevelViewSet(SnippetViewSet):
    model = VolunteerLevel
    icon = "pick"
    menu_label = _("Volunteer levels")
    list_display = ["rank", "name_th", "name_en", "code", "min_completed_courses"]
    list_export = ["rank", "code", "name_th", "name_en", "min_completed_courses"]
    ordering = ["rank"]


class RecomputeRunViewSet(SnippetViewSet):
    """Progress of background level recomputations (read only)."""

    model = RecomputeRun
    icon = "resubmit"
    menu_label = _("Level recomputations")
    list_display = [
        Column("cause", label=_("cause"), accessor="cause_display"),
        "status",
        "done",
        "total",
        "changed",
        "created_at",
        "finished_at",
    ]
    inspect_view_enabled = True
    copy_view_enabled = False


class CompetencyViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Competencies")
    menu_icon = "tasks"
    menu_order = 250
    items = (
        CompetencyViewSet,
        CompetencyAreaViewSet,
        CompetencyFrameworkViewSet,
        VolunteerLevelViewSet,
        RecomputeRunViewSet,
    )


#: What the audit log keeps, before and after, when these are edited.
AUDITED_FIELDS = {
    VolunteerLevel: (
        "code",
        "rank",
        "name_th",
        "name_en",
        "requires_previous",
        "min_completed_courses",
        "requirements",
    ),
    CompetencyFramework: ("code", "name_th", "name_en", "version"),
    CompetencyArea: ("code", "name_th", "name_en"),
    Competency: ("code", "name_th", "name_en", "area"),
}


def _audited(instance) -> dict | None:
    fields = AUDITED_FIELDS.get(type(instance))
    if fields is None:
        return None
    values = audit.snapshot(instance, [f for f in fields if f != "requirements"])
    if "requirements" in fields and instance.pk:
        values["requirements"] = ", ".join(
            f"{r.competency.code}≥{r.min_proficiency}"
            for r in instance.requirements.select_related("competency")
        )
    return values


@hooks.register("before_edit_snippet")
def remember_before_edit(request, instance):
    """Keep the rules and names as they were, for the audit log's before/after."""
    values = _audited(instance)
    if values is not None:
        request.lms_audit_before = values


@hooks.register("after_edit_snippet")
def log_framework_rename(request, instance):
    """A framework, area or competency edited: its names before and after."""
    if isinstance(instance, VolunteerLevel):
        return
    before = getattr(request, "lms_audit_before", None)
    after = _audited(instance)
    if before is None or after is None:
        return
    changes = audit.changes_between(before, after)
    if changes:
        audit.log(
            instance,
            "lms.framework_rename",
            by=request.user,
            detail=instance.code,
            changes=changes,
        )


@hooks.register("after_edit_snippet")
@hooks.register("after_create_snippet")
@hooks.register("after_delete_snippet")
def recompute_after_ladder_change(request, instances):
    """Changing the ladder's rules recomputes everyone's level in the background."""
    items = instances if isinstance(instances, list | tuple) else [instances]
    levels = [item for item in items if isinstance(item, VolunteerLevel)]
    if levels:
        run = recompute_run_start(
            cause=ladder_cause(
                codes=[level.code for level in levels],
                by=request.user.get_username(),
            )
        )
        before = getattr(request, "lms_audit_before", None) or {}
        for item in levels:
            after = _audited(item) if item.pk else {}
            audit.log(
                item if item.pk else run,
                "lms.level_rules_change",
                by=request.user,
                detail=item.code,
                run=run.pk,
                changes=audit.changes_between(before, after) if after else {},
            )
        messages.info(
            request,
            _("Levels are being recomputed for everyone (%(n)s people).")
            % {"n": run.total},
        )


register_snippet(CompetencyViewSetGroup)


@hooks.register("register_admin_urls")
def register_assessment_urls():
    return [
        path(
            "competencies/assess/",
            admin_views.record_assessment,
            name="competencies_assess",
        ),
        path(
            "competencies/people/<int:user_id>/evidence/",
            admin_views.person_evidence,
            name="competencies_person_evidence",
        ),
    ]


class _TrainerMenuItem(MenuItem):
    def is_shown(self, request):
        return role_of(request.user) in (TRAINER, ADMINISTRATOR)


@hooks.register("register_admin_menu_item")
def register_assessment_menu_item():
    return _TrainerMenuItem(
        _("Record an assessment"),
        reverse("competencies_assess"),
        icon_name="tick",
        order=265,
    )
