"""Quizzes in the Wagtail admin: the question bank (a snippet), the marking
queue and per-quiz question statistics (custom views for trainers and
administrators)."""

import django_filters
from django import forms
from django.db.models import Q
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import widgets as wagtailadmin_widgets
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.models import Locale
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
)
from wagtail.snippets.views.snippets import CreateView, IndexView, SnippetViewSet

from courses.models import CoursePage
from lms.accounts.roles import ADMINISTRATOR, TRAINER, role_of

from . import admin_views, bank_views
from .models import Question, QuestionKind, QuestionTag, QuizPage


def _bank_courses(request=None):
    # Banks are keyed to the default-language course.
    return CoursePage.objects.filter(locale=Locale.get_default()).order_by("title")


class QuestionFilterSet(WagtailFilterSet):
    course = django_filters.ModelChoiceFilter(queryset=_bank_courses, label=_("course"))
    kind = django_filters.ChoiceFilter(choices=QuestionKind.choices, label=_("type"))
    tag = django_filters.CharFilter(
        field_name="tags__name", lookup_expr="iexact", label=_("tag"), distinct=True
    )

    class Meta:
        model = Question
        fields = ["course", "kind", "tag"]


_FILTER = {"data-chooser-modal-search-filter": True}


class QuestionChooserFilterForm(BaseFilterForm):
    """Search (in the database, so Thai words inside phrases match) and narrow
    by type and tag, each applied as soon as it is chosen.

    Opened from a quiz, the chooser receives the quiz's course (``course``, from
    the quiz form's hidden ``bank_course``) and lists only that course's bank;
    the course is then a hidden field, kept through every search and filter.
    """

    q = forms.CharField(
        label=_("Search term"),
        widget=forms.TextInput(attrs={"placeholder": _("Search")}),
        required=False,
    )
    course = forms.ModelChoiceField(
        queryset=CoursePage.objects.none(),
        required=False,
        label=_("course"),
        widget=forms.Select(attrs=_FILTER),
    )
    kind = forms.ChoiceField(
        choices=[("", _("All types"))] + QuestionKind.choices,
        required=False,
        label=_("type"),
        widget=forms.Select(attrs=_FILTER),
    )
    tag = forms.ChoiceField(
        choices=[], required=False, label=_("tag"), widget=forms.Select(attrs=_FILTER)
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = _bank_courses()
        course = (self.data.get("course") or "") if self.data else ""
        tags = QuestionTag.objects.all()
        if course.isdigit():
            self.fields["course"].widget = forms.HiddenInput()
            tags = tags.filter(content_object__course_id=int(course))
        names = sorted(set(tags.values_list("tag__name", flat=True)))
        self.fields["tag"].choices = [("", _("All tags"))] + [(n, n) for n in names]

    def filter(self, objects):
        objects = super().filter(objects)
        query = (self.cleaned_data.get("q") or "").strip()
        if query:
            objects = objects.filter(
                Q(text_th__icontains=query) | Q(text_en__icontains=query)
            )
            self.is_searching, self.search_query = True, query
        if self.cleaned_data.get("course"):
            objects = objects.filter(course=self.cleaned_data["course"])
        if self.cleaned_data.get("kind"):
            objects = objects.filter(kind=self.cleaned_data["kind"])
        if self.cleaned_data.get("tag"):
            objects = objects.filter(tags__name=self.cleaned_data["tag"]).distinct()
        return objects


class _QuestionChooserColumns:
    """The chooser's list shows each question's type and points beside its text."""

    @property
    def columns(self):
        return super().columns + [
            Column("kind", label=_("type"), accessor="get_kind_display"),
            Column("points", label=_("points")),
        ]

    def get_object_list(self):
        return super().get_object_list().select_related(None)


class QuestionChooseView(_QuestionChooserColumns, ChooseView):
    filter_form_class = QuestionChooserFilterForm


class QuestionChooseResultsView(_QuestionChooserColumns, ChooseResultsView):
    filter_form_class = QuestionChooserFilterForm


class QuestionChooserViewSet(SnippetChooserViewSet):
    choose_view_class = QuestionChooseView
    choose_results_view_class = QuestionChooseResultsView


class QuestionIndexView(IndexView):
    """The bank's list, with import and export for the course filtered on."""

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        course = self.request.GET.get("course", "")
        query = f"?course={course}" if course.isdigit() else ""
        if query and self.add_url:
            # "Add question" from a course's bank adds to that bank.
            buttons = [
                wagtailadmin_widgets.HeaderButton(
                    self.add_item_label, url=self.add_url + query, icon_name="plus"
                )
                if b is self.add_button
                else b
                for b in buttons
            ]
        buttons += [
            wagtailadmin_widgets.HeaderButton(
                _("Import questions"),
                url=reverse("quiz_import") + query,
                icon_name="upload",
                priority=20,
            ),
            wagtailadmin_widgets.HeaderButton(
                _("Export questions"),
                url=reverse("quiz_export") + query,
                icon_name="download",
                priority=30,
            ),
        ]
        return buttons


class QuestionCreateView(CreateView):
    """A new question starts in the course it is added from (``?course=``:
    the bank's list filtered by course, or the quiz editor's link)."""

    def get_initial(self):
        initial = super().get_initial()
        course = self.request.GET.get("course", "")
        if course.isdigit():
            initial["course"] = int(course)
        return initial


class QuestionViewSet(SnippetViewSet):
    """The question bank. Search runs in the database (``icontains`` on the
    Thai and English text and accepted answers), so a Thai word is found
    inside a phrase without word segmentation."""

    model = Question
    icon = "help"
    menu_label = _("Question bank")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["text_th", "kind", "course", "points"]
    list_export = [
        "course.title",
        "kind",
        "text_th",
        "text_en",
        "accepted_answers",
        "points",
    ]
    export_headings = {"course.title": _("course")}
    export_filename = "question-bank"
    filterset_class = QuestionFilterSet
    search_backend_name = None
    search_fields = ["text_th", "text_en", "accepted_answers"]
    chooser_viewset_class = QuestionChooserViewSet
    index_view_class = QuestionIndexView
    add_view_class = QuestionCreateView

    def get_queryset(self, request):
        return Question.objects.select_related("course")


register_snippet(QuestionViewSet)


@hooks.register("register_admin_urls")
def register_quiz_admin_urls():
    return [
        path("quiz/marking/", admin_views.marking_queue, name="quiz_marking"),
        path("quiz/import/", bank_views.question_import, name="quiz_import"),
        path("quiz/export/", bank_views.question_export, name="quiz_export"),
        path(
            "quiz/<int:page_id>/responses/",
            bank_views.responses_export,
            name="quiz_responses_export",
        ),
        path(
            "quiz/<int:page_id>/analysis/", admin_views.analysis, name="quiz_analysis"
        ),
    ]


def is_trainer(user) -> bool:
    return role_of(user) in (TRAINER, ADMINISTRATOR)


class TrainerMenuItem(MenuItem):
    def is_shown(self, request):
        return is_trainer(request.user)


@hooks.register("register_admin_menu_item")
def register_marking_menu_item():
    return TrainerMenuItem(
        _("Marking queue"), reverse("quiz_marking"), icon_name="edit", order=270
    )


def _analysis_button(page, user, button_class):
    if page.specific_class is QuizPage and is_trainer(user):
        yield button_class(
            _("Question statistics"),
            reverse("quiz_analysis", args=[page.pk]),
            icon_name="table",
            priority=60,
        )


@hooks.register("register_page_header_buttons")
def quiz_analysis_header_button(page, user, view_name=None, next_url=None):
    yield from _analysis_button(page, user, wagtailadmin_widgets.Button)


@hooks.register("register_page_listing_more_buttons")
def quiz_analysis_listing_button(page, user, next_url=None):
    # Wagtail 8 removed PageListingButton; ListingButton is its replacement.
    yield from _analysis_button(page, user, wagtailadmin_widgets.ListingButton)
