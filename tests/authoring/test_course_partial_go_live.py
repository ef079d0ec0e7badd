"""A new course goes live only whole: one of its pages cannot be approved (or
published) on its own from that page's editor."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from courses.authoring import selectors, services
from courses.models import LessonPage

from .conftest import descendants

pytestmark = pytest.mark.django_db


def _approve_in_editor(client, page):
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        {"action-workflow-action": "1", "workflow-action-name": "approve"},
        follow=True,
    )


def test_approving_one_lesson_of_a_new_course_in_its_editor_is_refused(
    client, draft_course, trainer, administrator
):
    services.course_submit(course=draft_course, user=trainer)
    lesson = LessonPage.objects.descendant_of(draft_course).first()
    client.force_login(administrator)
    response = _approve_in_editor(client, lesson)
    assert response.redirect_chain[-1][0] == reverse(
        "wagtailadmin_pages:edit", args=[lesson.pk]
    )
    text = response.content.decode()
    assert "หลักสูตรใหม่จะเผยแพร่ได้ทั้งหลักสูตรพร้อมกันเท่านั้น" in text
    assert reverse("course_outline", args=[draft_course.pk]) in text
    assert not any(p.live for p in descendants(draft_course))
    assert WorkflowState.objects.get(object_id=str(lesson.pk)).status == (
        WorkflowState.STATUS_IN_PROGRESS
    )


def test_approving_the_course_page_alone_is_refused_too(
    client, draft_course, trainer, administrator
):
    services.course_submit(course=draft_course, user=trainer)
    client.force_login(administrator)
    _approve_in_editor(client, draft_course)
    assert not any(p.live for p in descendants(draft_course))


def test_publishing_one_lesson_of_a_new_course_in_its_editor_is_refused(
    client, draft_course, administrator
):
    lesson = LessonPage.objects.descendant_of(draft_course).first()
    client.force_login(administrator)
    client.post(
        reverse("wagtailadmin_pages:edit", args=[lesson.pk]), {"action-publish": "1"}
    )
    assert not any(p.live for p in descendants(draft_course))


def test_the_outline_still_approves_the_whole_course(
    draft_course, trainer, administrator
):
    services.course_submit(course=draft_course, user=trainer)
    services.course_approve(course=draft_course, user=administrator)
    assert all(p.live for p in descendants(draft_course))
    # Live now: a later change to one lesson is approved on its own, as Wagtail does.
    lesson = LessonPage.objects.descendant_of(draft_course).first()
    assert selectors.never_live_course_of(lesson) is None


def test_a_page_outside_any_course_is_not_concerned(catalogue):
    assert selectors.never_live_course_of(catalogue) is None


def test_a_step_made_live_alone_is_not_served_while_its_course_is_not(
    client, draft_course, trainer
):
    """However one page of a new course went live (the reviewers' dashboard
    approves a single task without the editor's check), learners get a 404
    for it until the course itself is live; then it is served."""
    lesson = LessonPage.objects.descendant_of(draft_course).first()
    module = lesson.get_parent()
    lesson.get_latest_revision().publish()
    lesson.refresh_from_db()
    assert lesson.live
    assert client.get(lesson.url).status_code == 404
    module.get_latest_revision().publish()
    assert client.get(lesson.url).status_code == 404  # the course is still not live
    draft_course.get_latest_revision().publish()
    assert client.get(lesson.url).status_code == 200
