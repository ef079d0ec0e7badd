"""The question bank's import and export screens in the Wagtail admin.

Import is two steps: the file is read and every question shown as it will be
saved, with each error by line (or row); only a file without errors can be
saved, all of it at once. The file travels back with the confirmation (in a
hidden field, base64), so nothing is kept on the server between the steps.
"""

import base64
import binascii

import tablib
from django import forms
from django.contrib import messages
from django.core.exceptions import (
    ObjectDoesNotExist,
    PermissionDenied,
    ValidationError,
)
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from wagtail.models import Locale

from courses.models import CoursePage
from lms.accounts.roles import ADMINISTRATOR, TRAINER, role_of
from lms.accounts.selectors import scoped_provinces

from . import formats, importing, statistics
from .models import QuestionKind, QuizPage

FORMATS = [
    ("gift", _l("GIFT (Moodle)")),
    ("aiken", _l("Aiken (Moodle)")),
    ("xml", _l("Moodle XML")),
    ("sheet", _l("Spreadsheet (.xlsx or .csv)")),
]


def _courses():
    return CoursePage.objects.filter(locale=Locale.get_default()).order_by("title")


def _require(request, action: str):
    if role_of(request.user) not in (TRAINER, ADMINISTRATOR) or not (
        request.user.has_perm(f"quiz.{action}_question")
    ):
        raise PermissionDenied


class ImportForm(forms.Form):
    course = forms.ModelChoiceField(
        queryset=CoursePage.objects.none(), label=_l("course")
    )
    format = forms.ChoiceField(choices=FORMATS, label=_l("file format"))
    file = forms.FileField(label=_l("file"), required=False)
    payload = forms.CharField(widget=forms.HiddenInput, required=False)
    filename = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = _courses()

    def content(self) -> tuple[bytes, str]:
        upload = self.cleaned_data.get("file")
        if upload:
            if upload.size > formats.MAX_BYTES:
                raise formats.FileError(_("The file is larger than 5 MB."))
            return upload.read(), upload.name
        try:
            data = base64.b64decode(
                self.cleaned_data.get("payload") or "", validate=True
            )
        except (binascii.Error, ValueError) as err:
            raise formats.FileError(_("Choose a file to import.")) from err
        if not data:
            raise formats.FileError(_("Choose a file to import."))
        return data, self.cleaned_data.get("filename") or ""


def question_import(request):
    _require(request, "add")
    context = {
        "header_title": _("Import questions"),
        "kinds": dict(QuestionKind.choices),
    }
    if request.method != "POST":
        initial = {}
        course = request.GET.get("course", "")
        if course.isdigit():
            initial["course"] = int(course)
        context["form"] = ImportForm(initial=initial)
        return TemplateResponse(request, "quiz/admin/import.html", context)
    form = ImportForm(request.POST, request.FILES)
    context["form"] = form
    if not form.is_valid():
        return TemplateResponse(request, "quiz/admin/import.html", context)
    try:
        data, filename = form.content()
        fmt = form.cleaned_data["format"]
        parsed, errors = formats.parse(data, fmt, filename)
    except formats.FileError as err:
        form.add_error("file", str(err))
        return TemplateResponse(request, "quiz/admin/import.html", context)
    if not parsed and not errors:
        errors = [formats.LineError(0, _("The file holds no question."))]
    course = form.cleaned_data["course"]
    if "confirm" in request.POST and not errors:
        try:
            created = importing.questions_import(course=course, parsed=parsed)
        except ValidationError as err:
            errors = [formats.LineError(0, "; ".join(err.messages))]
        else:
            messages.success(
                request,
                _("%(n)s questions imported into “%(course)s”.")
                % {"n": len(created), "course": course.title},
            )
            return redirect(
                reverse("wagtailsnippets_quiz_question:list") + f"?course={course.pk}"
            )
    # The preview: every question as it will be saved, and every error.
    context.update(
        preview=parsed,
        errors=sorted(errors, key=lambda e: e.line),
        course=course,
        confirm_form=ImportForm(
            initial={
                "course": course.pk,
                "format": fmt,
                "payload": base64.b64encode(data).decode(),
                "filename": filename,
            }
        ),
    )
    return TemplateResponse(request, "quiz/admin/import.html", context)


def question_export(request):
    _require(request, "view")
    course = request.GET.get("course", "")
    course = _courses().filter(pk=course).first() if course.isdigit() else None
    fmt = request.GET.get("format", "")
    if course is None or fmt not in ("gift", "aiken", "xml", "xlsx", "csv"):
        return TemplateResponse(
            request,
            "quiz/admin/export.html",
            {
                "header_title": _("Export questions"),
                "courses": _courses(),
                "error": bool(request.GET),
            },
        )
    questions = importing.bank(course=course)
    name = f"questions-{course.pk}"
    if fmt == "gift":
        body, kind, ext = (
            formats.write_gift(questions).encode(),
            "text/plain",
            "gift.txt",
        )
    elif fmt == "aiken":
        body, kind, ext = (
            formats.write_aiken(questions).encode(),
            "text/plain",
            "aiken.txt",
        )
    elif fmt == "xml":
        body, kind, ext = formats.write_moodle_xml(questions), "application/xml", "xml"
    elif fmt == "xlsx":
        body = formats.write_sheet(questions).export("xlsx")
        kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        ext = "xlsx"
    else:
        body = "\ufeff" + formats.write_sheet(questions).export("csv")
        body, kind, ext = body.encode(), "text/csv", "csv"
    response = HttpResponse(body, content_type=f"{kind}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.{ext}"'
    return response


def responses_export(request, page_id: int):
    """Every graded answer of a quiz as CSV or Excel (the trainer's provinces)."""
    if role_of(request.user) not in (TRAINER, ADMINISTRATOR):
        raise PermissionDenied
    quiz = get_object_or_404(QuizPage, pk=page_id)
    first_only = request.GET.get("attempts") == "first"
    fmt = "xlsx" if request.GET.get("format") == "xlsx" else "csv"
    data = tablib.Dataset(
        headers=[
            _("attempt"),
            _("learner"),
            _("province"),
            _("attempt number"),
            _("submitted at"),
            _("score (%)"),
            _("question number"),
            _("type"),
            _("question"),
            _("answer"),
            _("credit (%)"),
        ],
        title=_("Responses")[:31],
    )
    for answer in statistics.response_rows(
        quiz=quiz, first_only=first_only, scope=scoped_provinces(request.user)
    ):
        attempt, user = answer.attempt, answer.attempt.user
        data.append(
            [
                str(attempt.public_id),
                _safe(user.get_full_name() or user.get_username()),
                _province(user),
                attempt.number,
                timezone.localtime(attempt.submitted_at).strftime("%Y-%m-%d %H:%M")
                if attempt.submitted_at
                else "",
                float(attempt.score) if attempt.score is not None else "",
                answer.question_id,
                answer.question.get_kind_display(),
                _safe(answer.question.text),
                _safe(statistics.given_text(answer)),
                round(100 * answer.credit, 1) if answer.credit is not None else "",
            ]
        )
    if fmt == "xlsx":
        body = data.export("xlsx")
        kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        body, kind = ("\ufeff" + data.export("csv")).encode(), "text/csv"
    response = HttpResponse(body, content_type=f"{kind}; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="quiz-{quiz.pk}-responses.{fmt}"'
    )
    return response


def _province(user) -> str:
    try:
        return user.profile.province_name
    except ObjectDoesNotExist:
        return ""


def _safe(value: str) -> str:
    # A cell a spreadsheet would run as a formula is written as text.
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value
