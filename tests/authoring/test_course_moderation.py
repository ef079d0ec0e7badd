"""A course is submitted, approved and rejected as one unit, on Wagtail's own
workflow records (WorkflowState / TaskState of each page)."""

import pytest
from django.core.exceptions import PermissionDenied
from wagtail.models import Page, TaskState, WorkflowState

from courses.authoring import selectors, services
from courses.models import LessonPage, ModulePage
from tests import factories

from .conftest import descendants

pytestmark = pytest.mark.django_db


def _states(course, status=WorkflowState.STATUS_IN_PROGRESS):
    ids = [str(p.pk) for p in descendants(course)]
    return WorkflowState.objects.filter(object_id__in=ids, status=status)


class TestSubmitAndApproveACourse:
    def test_one_submission_starts_the_workflow_on_every_page(
        self, draft_course, trainer
    ):
        pages = services.course_submit(course=draft_course, user=trainer)
        # course, module, two lessons, quiz
        assert len(pages) == 5
        assert _states(draft_course).count() == 5
        tree = selectors.course_outline_tree(course=draft_course)
        assert {n.status for n in selectors.outline_nodes(tree)} == {"in_moderation"}

    def test_one_approval_publishes_the_whole_course(
        self, draft_course, trainer, administrator
    ):
        services.course_submit(course=draft_course, user=trainer)
        approved = services.course_approve(
            course=draft_course, user=administrator, comment="เรียบร้อยดี"
        )
        assert len(approved) == 5
        assert all(p.live for p in descendants(draft_course))
        assert not _states(draft_course).exists()
        comments = set(
            TaskState.objects.filter(
                workflow_state__object_id=str(draft_course.pk)
            ).values_list("comment", flat=True)
        )
        assert comments == {"เรียบร้อยดี"}

    def test_a_trainer_cannot_approve(self, draft_course, trainer):
        services.course_submit(course=draft_course, user=trainer)
        with pytest.raises(PermissionDenied):
            services.course_approve(course=draft_course, user=trainer)
        assert not any(p.live for p in descendants(draft_course))

    def test_the_course_cannot_go_live_with_a_step_not_submitted(
        self, draft_course, trainer, administrator
    ):
        services.course_submit(course=draft_course, user=trainer)
        module = ModulePage.objects.child_of(draft_course).get()
        late = module.add_child(instance=LessonPage(title="บทเรียนที่เพิ่มทีหลัง", live=False))
        late.save_revision(user=trainer)
        with pytest.raises(services.CourseAuthoringError, match="บทเรียนที่เพิ่มทีหลัง"):
            services.course_approve(course=draft_course, user=administrator)
        assert not any(p.live for p in descendants(draft_course))
        assert _states(draft_course).count() == 5

    def test_rejecting_sends_every_page_back_with_the_comment_and_resubmit_resumes(
        self, draft_course, trainer, administrator
    ):
        services.course_submit(course=draft_course, user=trainer)
        with pytest.raises(services.CourseAuthoringError):
            services.course_reject(course=draft_course, user=administrator, comment=" ")
        services.course_reject(
            course=draft_course, user=administrator, comment="เพิ่มตัวอย่าง"
        )
        assert _states(draft_course, WorkflowState.STATUS_NEEDS_CHANGES).count() == 5
        tree = selectors.course_outline_tree(course=draft_course)
        assert {n.status for n in selectors.outline_nodes(tree)} == {"needs_changes"}
        assert set(
            TaskState.objects.filter(status=TaskState.STATUS_REJECTED).values_list(
                "comment", flat=True
            )
        ) == {"เพิ่มตัวอย่าง"}
        services.course_submit(course=draft_course, user=trainer)
        assert _states(draft_course).count() == 5
        services.course_approve(course=draft_course, user=administrator)
        assert all(p.live for p in descendants(draft_course))

    def test_nothing_to_submit_or_decide_is_a_clear_error(
        self, draft_course, trainer, administrator
    ):
        with pytest.raises(services.CourseAuthoringError):
            services.course_approve(course=draft_course, user=administrator)
        services.course_submit(course=draft_course, user=trainer)
        with pytest.raises(services.CourseAuthoringError):
            services.course_submit(course=draft_course, user=trainer)


class TestAChangeToALiveCourse:
    def test_a_changed_lesson_goes_through_moderation_while_the_course_stays_live(
        self, catalogue, trainer, administrator
    ):
        course = factories.make_course(catalogue, modules=1, lessons=2)
        lesson = LessonPage.objects.descendant_of(course).order_by("path").first()
        draft = lesson.get_latest_revision_as_object()
        draft.title = "บทเรียนฉบับปรับปรุง"
        draft.save_revision(user=trainer)

        submitted = services.course_submit(course=course, user=trainer)
        assert [p.pk for p in submitted] == [lesson.pk]
        # Still online, old version, while in moderation.
        lesson.refresh_from_db()
        assert lesson.live and lesson.title != "บทเรียนฉบับปรับปรุง"
        assert all(p.live for p in descendants(course))

        # A new draft lesson elsewhere does not hold the approved change back.
        module = ModulePage.objects.child_of(course).get()
        module.add_child(instance=LessonPage(title="ร่างใหม่", live=False)).save_revision(
            user=trainer
        )
        services.course_approve(course=course, user=administrator)
        lesson.refresh_from_db()
        assert lesson.title == "บทเรียนฉบับปรับปรุง" and lesson.live
        assert not Page.objects.get(title="ร่างใหม่").live


def test_a_page_in_moderation_cannot_be_renamed_by_its_trainer(draft_course, trainer):
    services.course_submit(course=draft_course, user=trainer)
    module = ModulePage.objects.child_of(draft_course).get()
    with pytest.raises(services.CourseAuthoringError):
        services.page_rename(page=module, title="ชื่อใหม่", user=trainer)
    module.refresh_from_db()
    assert module.draft_title == "บทที่ 1"
