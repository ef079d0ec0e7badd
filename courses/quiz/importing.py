"""Saving questions read from a file (``formats``) into a course's bank, and
reading a bank out for export. An import is all or nothing: one transaction,
and only when the file had no error."""

from django.db import transaction

from . import formats
from .models import Option, Question


@transaction.atomic
def questions_import(*, course, parsed: list[formats.Parsed]) -> list[Question]:
    """Create the questions (with options and tags) in ``course``'s bank."""
    created = []
    for item in parsed:
        question = Question(
            course=course,
            kind=item.kind,
            text_th=item.text,
            text_en=item.text_en,
            explanation_th=item.explanation,
            accepted_answers="\n".join(item.accepted),
            numeric_answer=item.value,
            numeric_tolerance=item.tolerance or 0,
            points=item.points,
        )
        question.full_clean(exclude=["course"])
        question.save()
        Option.objects.bulk_create(
            [
                Option(
                    question=question,
                    text_th=option["text"],
                    match_th=option["match"],
                    is_correct=option["correct"],
                    sort_order=index,
                )
                for index, option in enumerate(item.options)
            ]
        )
        if item.tags:
            question.tags.add(*item.tags)
            question.save()  # cluster tags are written on save
        created.append(question)
    return created


def bank(*, course):
    """A course's questions with what the writers need (three queries)."""
    return (
        Question.objects.filter(course=course)
        .prefetch_related("options", "tags")
        .order_by("pk")
    )
