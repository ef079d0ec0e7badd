"""Reads for the trainer dashboard on the admin home: their courses' learners and problems."""

from dataclasses import dataclass

from django.db.models import Avg, Count

from courses.models import CoursePage, Enrollment
from courses.quiz.models import Answer
from lms.accounts.roles import ADMINISTRATOR, role_of
from lms.accounts.selectors import scope_filter


@dataclass
class DashboardSummary:
    courses: int
    learners: int
    recent_completions: list
    low_success_questions: list
    marking_queue: int


LOW_SUCCESS_BELOW = 0.5  # average credit under 50 %
LOW_SUCCESS_MIN_ANSWERS = 3  # ignore questions too few people answered


def dashboard_summary(*, user, scope) -> DashboardSummary:
    """What a trainer's admin home shows: their courses' learners and problems.

    "Their courses" are the courses the trainer owns (created); an
    administrator sees every course. Learners are limited to ``scope``.
    Six queries, whatever the number of learners.
    """
    courses = CoursePage.objects.all()
    if role_of(user) != ADMINISTRATOR:
        courses = courses.filter(owner=user)
    course_ids = list(courses.values_list("pk", flat=True))
    people = scope_filter(scope, prefix="user__")
    enrolments = Enrollment.objects.filter(people, course_id__in=course_ids)
    answers = Answer.objects.filter(
        scope_filter(scope, prefix="attempt__user__"),
        question__course_id__in=course_ids,
    )
    low = (
        answers.filter(credit__isnull=False)
        .values("question_id", "question__text_th")
        .annotate(n=Count("pk"), success=Avg("credit"))
        .filter(n__gte=LOW_SUCCESS_MIN_ANSWERS, success__lt=LOW_SUCCESS_BELOW)
        .order_by("success", "question_id")[:5]
    )
    return DashboardSummary(
        courses=len(course_ids),
        learners=enrolments.values("user_id").distinct().count(),
        recent_completions=list(
            enrolments.filter(completed_at__isnull=False)
            .select_related("user", "course")
            .order_by("-completed_at")[:5]
        ),
        low_success_questions=[
            {
                "id": row["question_id"],
                "text": row["question__text_th"],
                "answers": row["n"],
                "success": round(100 * row["success"]),
            }
            for row in low
        ],
        marking_queue=answers.filter(needs_marking=True).count(),
    )
