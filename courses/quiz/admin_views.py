"""Trainer tools in the Wagtail admin: the marking queue and item analysis.

Both are for trainers and administrators only (``lms.accounts.roles``);
Wagtail already keeps people without admin access out of /admin/.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from lms.accounts.regions import province_choices, province_name, thai_sort_key
from lms.accounts.roles import ADMINISTRATOR, TRAINER, role_of
from lms.accounts.selectors import scoped_provinces

from . import selectors, services, statistics
from .forms import MarkingFilterForm
from .models import QuizPage


def _require_trainer(request):
    if role_of(request.user) not in (TRAINER, ADMINISTRATOR):
        raise PermissionDenied


def _province_choices(scope: set[str] | None) -> list[tuple[str, str]]:
    """The provinces a trainer may filter by: their own, or all for an administrator."""
    if scope is None:
        return province_choices()
    return sorted(
        ((code, province_name(code) or code) for code in scope),
        key=lambda choice: thai_sort_key(choice[1]),
    )


def marking_queue(request):
    """Free-text answers oldest first; a mark (0–100) and a comment each.

    Built for marking many in a row, as Moodle's manual grading is: the mark
    field of the first waiting answer has the focus, so a trainer types a
    mark, Tab, a comment, Enter; the page comes back with the same filters
    and the focus on the answer that followed, highlighted. At 1366×768 one
    answer fits above the fold with the next one in sight, so a trainer keeps
    an eye on what comes and skips one by simply going on to the next,
    without a separate one-at-a-time page and its extra clicks. The answers
    marked last are listed below it, where a mark can be changed.
    """
    _require_trainer(request)
    scope = scoped_provinces(request.user)
    if request.method == "POST":
        return _mark(request, scope)
    form = MarkingFilterForm(
        request.GET,
        quizzes=selectors.marking_quizzes(),
        provinces=_province_choices(scope),
    )
    filters = form.filters()
    course_id = request.GET.get("course")
    course_id = int(course_id) if course_id and course_id.isdigit() else None
    page = Paginator(
        selectors.marking_queue(course_id=course_id, scope=scope, **filters), 25
    ).get_page(request.GET.get("p"))
    focus = request.GET.get("focus", "0")
    focus = int(focus) if focus.isdigit() else 0
    return TemplateResponse(
        request,
        "quiz/admin/marking_queue.html",
        {
            "answers": page,
            "page_obj": page,
            "focus": min(focus, max(len(page) - 1, 0)),
            "form": form,
            "recent": selectors.recently_marked(scope=scope, **filters),
            "header_title": _("Marking queue"),
        },
    )


def _mark(request, scope):
    """Save one mark (or a changed mark) and come back to the queue with the
    same filters, the focus on the answer now in the marked one's place."""
    query = request.GET.copy()
    try:
        # An answer of a learner outside the trainer's provinces is not theirs to mark.
        answer_id = int(request.POST["answer"])
        if not selectors.answer_in_scope(answer_id=answer_id, scope=scope):
            raise Http404
        change = request.POST.get("change") == "1"
        services.answer_mark(
            marker=request.user,
            answer_id=answer_id,
            credit=float(request.POST.get("credit", "")) / 100,
            comment=request.POST.get("comment", ""),
            change=change,
        )
        messages.success(request, _("Mark changed.") if change else _("Answer marked."))
    except (KeyError, ValueError):
        messages.error(request, _("Give a mark from 0 to 100."))
    except services.QuizError as err:
        messages.error(request, str(err))
    position = request.POST.get("position", "")
    if position.isdigit():
        query["focus"] = position
    return redirect(f"{request.path}?{query.urlencode()}" if query else request.path)


def analysis(request, page_id: int):
    """Item analysis (facility, discrimination, distractors, marks) of a quiz,
    over all graded attempts or first attempts only. The figures are about the
    questions and name nobody, so they count every learner; the download of
    responses (with names) is limited to the trainer's provinces."""
    _require_trainer(request)
    quiz = get_object_or_404(QuizPage, pk=page_id)
    first_only = request.GET.get("attempts") == "first"
    context = statistics.quiz_statistics(quiz=quiz, first_only=first_only)
    context["page"] = quiz
    return TemplateResponse(request, "quiz/admin/analysis.html", context)
