import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowTask

from courses.models import CoursePage, LessonPage, ModulePage
from courses.quiz.models import QuizPage
from tests import factories
from tests.quiz.helpers import make_question


def ensure_moderation_workflow() -> Workflow:
    """The migrations' "Moderators approval" workflow (one task for the
    Administrator group, on the whole tree), put back if it is gone.

    pytest-django runs transactional tests last, and each one flushes the
    database when it ends: the workflow the migrations made is gone for every
    transactional test after the first, and a course submitted then finds no
    workflow ("No moderation workflow applies to ...")."""
    workflow = Workflow.objects.filter(active=True).first()
    if workflow is not None:
        return workflow
    workflow = Workflow.objects.create(name="Moderators approval")
    task = GroupApprovalTask.objects.create(name="Moderators approval")
    task.groups.set([Group.objects.get(name="Administrator")])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=Page.get_first_root_node())
    return workflow


def make_draft_course(catalogue, trainer, *, lessons=2, title="หลักสูตรร่าง"):
    """A never-published course: one module, ``lessons`` lessons and a quiz, all drafts,
    saved the way the admin saves them (one revision each, by the trainer)."""
    course = catalogue.add_child(
        instance=CoursePage(title=title, topic="ecommerce", summary="สรุป", live=False)
    )
    course.save_revision(user=trainer)
    module = course.add_child(instance=ModulePage(title="บทที่ 1", live=False))
    module.save_revision(user=trainer)
    for i in range(1, lessons + 1):
        lesson = module.add_child(
            instance=LessonPage(title=f"บทเรียน 1.{i}", live=False)
        )
        lesson.save_revision(user=trainer)
    question = make_question(course)
    quiz = module.add_child(instance=QuizPage(title="แบบทดสอบ", live=False))
    quiz.question_links.create(question=question, sort_order=0)
    quiz.save_revision(user=trainer)
    return CoursePage.objects.get(pk=course.pk)


@pytest.fixture
def trainer(roles):
    return factories.make_user(role="Trainer", email="trainer@example.org")


@pytest.fixture
def administrator(roles):
    return factories.make_user(role="Administrator", email="admin@example.org")


@pytest.fixture
def draft_course(catalogue, trainer):
    return make_draft_course(catalogue, trainer)


def descendants(course):
    return Page.objects.descendant_of(course, inclusive=True).order_by("path")
