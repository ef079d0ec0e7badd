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

from lms.accounts.roles import ADMINISTRATOR, TRAINER, role_of
from lms.accounts.selectors import scoped_provinces

from . import selectors, services, statistics
from .models import QuizPage


def _require_trainer(request):
    if role_of(request.user) not in (TRAINER, ADMINISTRATOR):
        raise PermissionDenied


def marking_queue(request):
    """Free-text answers oldest first; a mark (0–100) and a comment each."""
    _require_trainer(request)
    scope = scoped_provinces(request.user)
    if request.method == "POST":
        try:
            # An answer of a learner outside the trainer's provinces is not theirs to mark.
            answer_id = int(request.POST["answer"])
            if not selectors.answer_in_scope(answer_id=answer_id, scope=scope):
                raise Http404
            services.answer_mark(
                marker=request.user,
                answer_id=answer_id,
                credit=float(request.POST.get("credit", "")) / 100,
                comment=request.POST.get("comment", ""),
            )
            messages.success(request, _("Answer marked."))
        except (KeyError, ValueError):
            messages.error(request, _("Give a mark from 0 to 100."))
        except services.QuizError as err:
            messages.error(request, str(err))
        return redirect(request.get_full_path())
    course_id = request.GET.get("course")
    course_id = int(course_id) if course_id and course_id.isdigit() else None
    page = Paginator(
        selectors.marking_queue(course_id=course_id, scope=scope), 25
    ).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "quiz/admin/marking_queue.html",
        {"answers": page, "page_obj": page, "header_title": _("Marking queue")},
    )


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
