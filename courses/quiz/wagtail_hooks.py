"""Quizzes in the Wagtail admin: the question bank (a snippet), the marking
queue and per-quiz question statistics (custom views for trainers and
administrators)."""

import django_filters
from django import forms
from django.db.models import Q
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import widgets as wagtailadmin_widgets
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.menu import MenuItem
from wagtail.models import Locale
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
)
from wagtail.snippets.views.snippets import SnippetViewSet

from courses.models import CoursePage
from lms.accounts.roles import ADMINISTRATOR, TRAINER, role_of

from . import admin_views
from .models import Question, QuestionKind, QuizPage


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


class QuestionChooserFilterForm(BaseFilterForm):
    """Search (in the database, so Thai words inside phrases match) and
    narrow by course when choosing a quiz's questions."""

    q = forms.CharField(
        label=_("Search term"),
        widget=forms.TextInput(attrs={"placeholder": _("Search")}),
        required=False,
    )
    course = forms.ModelChoiceField(
        queryset=CoursePage.objects.none(), required=False, label=_("course")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = _bank_courses()

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
        return objects


class QuestionChooseView(ChooseView):
    filter_form_class = QuestionChooserFilterForm


class QuestionChooseResultsView(ChooseResultsView):
    filter_form_class = QuestionChooserFilterForm


class QuestionChooserViewSet(SnippetChooserViewSet):
    choose_view_class = QuestionChooseView
    choose_results_view_class = QuestionChooseResultsView


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

    def get_queryset(self, request):
        return Question.objects.select_related("course")


register_snippet(QuestionViewSet)


@hooks.register("register_admin_urls")
def register_quiz_admin_urls():
    return [
        path("quiz/marking/", admin_views.marking_queue, name="quiz_marking"),
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
