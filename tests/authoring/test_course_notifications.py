"""A course decision sends one e-mail, not one per page; a page moderated on its
own still notifies as Wagtail does."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import Page
from wagtail.users.models import UserProfile

from courses.authoring import services
from courses.models import LessonPage
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewers(administrator):
    return [
        administrator,
        factories.make_user(role="Administrator", email="a2@example.org"),
    ]


def _outline_url(course):
    return "http://testserver" + reverse("course_outline", args=[course.pk])


class TestOneMailPerCourse:
    def test_submitting_a_course_mails_each_reviewer_once_in_thai(
        self, draft_course, trainer, reviewers, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            services.course_submit(course=draft_course, user=trainer)
        assert sorted(m.to[0] for m in mail.outbox) == sorted(
            r.email for r in reviewers
        )
        message = mail.outbox[0]
        assert message.subject == (
            f"หลักสูตร “{draft_course.title}” ส่งให้ตรวจอนุมัติแล้ว (5 หน้า)"
        )
        assert "5 หน้า" in message.body
        assert _outline_url(draft_course) in message.body

    def test_a_reviewer_who_chose_english_reads_english(
        self, draft_course, trainer, administrator, django_capture_on_commit_callbacks
    ):
        profile = UserProfile.get_for_user(administrator)
        profile.preferred_language = "en"
        profile.save()
        with django_capture_on_commit_callbacks(execute=True):
            services.course_submit(course=draft_course, user=trainer)
        (message,) = mail.outbox
        assert message.subject.startswith("The course “")
        assert "(5 pages)" in message.subject

    def test_approving_mails_the_trainer_once_with_the_comment(
        self, draft_course, trainer, administrator, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            services.course_submit(course=draft_course, user=trainer)
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            services.course_approve(
                course=draft_course, user=administrator, comment="เนื้อหาครบถ้วน"
            )
        (message,) = mail.outbox
        assert message.to == [trainer.email]
        assert "อนุมัติแล้ว (5 หน้า)" in message.subject
        assert "ความเห็น: เนื้อหาครบถ้วน" in message.body
        assert _outline_url(draft_course) in message.body

    def test_requesting_changes_mails_the_trainer_once_with_the_comment(
        self, draft_course, trainer, administrator, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            services.course_submit(course=draft_course, user=trainer)
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            services.course_reject(
                course=draft_course, user=administrator, comment="เพิ่มตัวอย่าง"
            )
        (message,) = mail.outbox
        assert message.to == [trainer.email]
        assert "ส่งกลับให้แก้ไข (5 หน้า)" in message.subject
        assert "ความเห็น: เพิ่มตัวอย่าง" in message.body

    def test_a_trainer_who_turned_approval_mail_off_gets_none(
        self, draft_course, trainer, administrator, django_capture_on_commit_callbacks
    ):
        profile = UserProfile.get_for_user(trainer)
        profile.approved_notifications = False
        profile.save()
        services.course_submit(course=draft_course, user=trainer)
        with django_capture_on_commit_callbacks(execute=True):
            services.course_approve(course=draft_course, user=administrator)
        assert mail.outbox == []


def test_a_page_submitted_on_its_own_still_notifies_as_wagtail_does(
    draft_course, trainer, reviewers, django_capture_on_commit_callbacks
):
    lesson = LessonPage.objects.descendant_of(draft_course).first()
    with django_capture_on_commit_callbacks(execute=True):
        lesson.get_workflow().start(lesson, trainer)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(r.email for r in reviewers)
    # Wagtail's own mail, about the page (not the course).
    assert all(lesson.title in m.subject for m in mail.outbox)
    assert Page.objects.filter(pk=lesson.pk, live=False).exists()
