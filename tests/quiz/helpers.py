"""Builders for quiz tests (also used by tests/test_levels.py)."""

from courses.models import ModulePage
from courses.quiz.models import Option, Question, QuizPage


def make_question(
    course,
    kind="single",
    text="ข้อใดคือสัญญาณของข่าวปลอม",
    options=(("พาดหัวเร้าอารมณ์", True), ("มีแหล่งที่มาชัดเจน", False)),
    tags=(),
    **kwargs,
):
    question = Question.objects.create(
        course=course,
        kind=kind,
        text_th=text,
        text_en=kwargs.pop("text_en", ""),
        **kwargs,
    )
    for i, (option_text, correct) in enumerate(options):
        Option.objects.create(
            question=question, text_th=option_text, is_correct=correct, sort_order=i
        )
    if tags:
        question.tags.add(*tags)
        question.save()  # cluster tags are written on save
    return question


def make_quiz(course, questions=(), module=None, **kwargs):
    module = module or ModulePage.objects.child_of(course).order_by("path").last()
    kwargs.setdefault("title", "แบบทดสอบท้ายบท")
    kwargs.setdefault("slug", f"quiz-{module.pk}-{QuizPage.objects.count()}")
    quiz = module.add_child(instance=QuizPage(**kwargs))
    for i, question in enumerate(questions):
        quiz.question_links.create(question=question, sort_order=i)
    quiz.save_revision().publish()
    return QuizPage.objects.get(pk=quiz.pk)


def correct_ids(question):
    return [o.pk for o in question.options.all() if o.is_correct]


def wrong_ids(question):
    return [o.pk for o in question.options.all() if not o.is_correct][:1]


def all_correct(attempt):
    """Responses that earn full credit on every auto-graded question."""
    responses = {}
    for item in attempt.plan:
        question = Question.objects.get(pk=item["question"])
        if question.kind == "short":
            responses[question.pk] = question.accepted_list()[0]
        elif question.kind == "free":
            responses[question.pk] = "คำตอบแบบเขียน"
        else:
            responses[question.pk] = correct_ids(question)
    return responses
