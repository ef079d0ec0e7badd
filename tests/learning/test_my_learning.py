"""*My learning* as the volunteer's home: the sign-in lands there, and its
wording fits each state (new, studying, between courses)."""

import pytest
from django.urls import reverse

from competencies.models import LevelRequirement, VolunteerLevel
from courses import services
from courses.models import CoursePrerequisite
from lms.pagecache import forget_reader as forget
from tests import factories
from tests.certificates.conftest import complete, make_award

from .conftest import lessons_of

# Level, certificates and recommendations on top of the courses, with what
# everyone shares read once per content generation: session, user, the stamp
# of the reader's rows, three for the courses, three for the level, the
# certificates.
MY_LEARNING_MAX_QUERIES = 10


@pytest.fixture
def ladder(db):
    literacy = factories.make_competency(code="D1", name_th="การรู้ดิจิทัล")
    problems = factories.make_competency(code="D2", name_th="แก้ปัญหาด้วยดิจิทัล")
    village = VolunteerLevel.objects.create(code="village", rank=1, name_th="ระดับหมู่บ้าน")
    LevelRequirement.objects.create(
        level=village, competency=literacy, min_proficiency=1
    )
    LevelRequirement.objects.create(
        level=village, competency=problems, min_proficiency=2
    )
    return {"D1": literacy, "D2": problems, "village": village}


def _home(client, user):
    client.force_login(user)
    response = client.get(reverse("courses:dashboard"))
    assert response.status_code == 200
    return response, response.content.decode()


class TestSignInLandsOnMyLearning:
    def test_sign_in_without_next_goes_to_my_learning(self, client, learner):
        response = client.post(
            reverse("accounts:login"),
            {"username": learner.email, "password": "pass-1234-word"},
        )
        assert response["Location"] == reverse("courses:dashboard")

    def test_sign_in_with_next_goes_there(self, client, learner, course):
        response = client.post(
            reverse("accounts:login") + f"?next={course.url}",
            {
                "username": learner.email,
                "password": "pass-1234-word",
                "next": course.url,
            },
        )
        assert response["Location"] == course.url


class TestNewVolunteer:
    def test_a_clear_start_with_a_first_course(
        self, client, catalogue, learner, ladder
    ):
        teaching = factories.make_course(
            catalogue, title="รู้ทันดิจิทัล", competencies=[(ladder["D1"], 1)]
        )
        response, html = _home(client, learner)
        assert response.context["state"] == "new"
        assert "ยินดีต้อนรับ! เริ่มต้นที่นี่" in html
        assert "เริ่มจากหลักสูตรนี้" in html
        [first] = response.context["recommendations"]
        assert first.course.pk == teaching.pk
        assert [c.code for c in first.teaches] == ["D1"]
        assert "ยังไม่มีระดับ" in html
        assert "ยังไม่มีเกียรติบัตร" in html
        # Not the wording of someone who stopped, nor a "continue" with nothing.
        assert "ยังไม่มีหลักสูตรที่กำลังเรียน" not in html
        assert "data-course=" not in html

    def test_a_course_locked_by_a_prerequisite_is_not_recommended(
        self, client, catalogue, learner
    ):
        basic = factories.make_course(catalogue, title="พื้นฐาน")
        advanced = factories.make_course(catalogue, title="ขั้นสูง")
        CoursePrerequisite.objects.create(page=advanced, prerequisite=basic)
        response, _ = _home(client, learner)
        assert [r.course.pk for r in response.context["recommendations"]] == [basic.pk]


class TestSharedReadsFollowChanges:
    """What everyone shares (catalogue, ladder, framework, links) is kept per
    process and content generation: a change shows on the next visit."""

    def test_a_prerequisite_added_later_closes_the_course(
        self, client, catalogue, learner
    ):
        basic = factories.make_course(catalogue, title="พื้นฐาน")
        advanced = factories.make_course(catalogue, title="ขั้นสูง")
        response, _ = _home(client, learner)
        assert {r.course.pk for r in response.context["recommendations"]} == {
            basic.pk,
            advanced.pk,
        }
        CoursePrerequisite.objects.create(page=advanced, prerequisite=basic)
        response, _ = _home(client, learner)
        assert [r.course.pk for r in response.context["recommendations"]] == [basic.pk]

    def test_a_requirement_added_later_shows_in_the_level_progress(
        self, client, catalogue, learner, ladder
    ):
        response, _ = _home(client, learner)
        assert response.context["level_progress"]["total"] == 2
        extra = factories.make_competency(code="D9", name_th="ความปลอดภัยออนไลน์")
        LevelRequirement.objects.create(
            level=ladder["village"], competency=extra, min_proficiency=1
        )
        response, html = _home(client, learner)
        assert response.context["level_progress"]["total"] == 3
        assert "ความปลอดภัยออนไลน์" in html

    def test_a_retitled_course_shows_its_new_title_and_link(
        self, client, course, learner
    ):
        services.enrollment_create(user=learner, course=course)
        _home(client, learner)
        course.title, course.slug = "หลักสูตรชื่อใหม่", "renamed-course"
        course.save_revision().publish()
        course.refresh_from_db()
        _, html = _home(client, learner)
        assert f'<a href="{course.url}">หลักสูตรชื่อใหม่</a>' in html


class TestStudying:
    def test_courses_in_progress_with_their_next_step(self, client, course, learner):
        services.enrollment_create(user=learner, course=course)
        lessons = lessons_of(course)
        services.step_complete(user=learner, page=lessons[0])
        response, html = _home(client, learner)
        assert response.context["state"] == "studying"
        assert "เรียนต่อ" in html
        assert lessons[1].title in html
        assert reverse("courses:resume", args=[course.pk]) in html
        assert "ยินดีต้อนรับ! เริ่มต้นที่นี่" not in html
        # The course being studied is not recommended again.
        assert course.pk not in [
            r.course.pk for r in response.context["recommendations"]
        ]


class TestBetweenCourses:
    def test_completed_and_none_in_progress_is_not_told_to_enrol(
        self, client, catalogue, course, learner, ladder
    ):
        award = make_award(courses=[course])
        complete(learner, course)
        nxt = factories.make_course(
            catalogue, title="แก้ปัญหาชุมชน", competencies=[(ladder["D2"], 2)]
        )
        response, html = _home(client, learner)
        assert response.context["state"] == "between"
        assert "คุณเรียนจบแล้ว 1 หลักสูตร" in html
        assert "ยังไม่ได้ลงทะเบียน" not in html
        assert "คุณยังไม่ได้เรียนหลักสูตรใด" not in html
        assert response.context["recommendations"][0].course.pk == nxt.pk
        assert "หลักสูตรแนะนำถัดไป" in html
        # Its certificate is on the home page, with the PDF.
        certificate = learner.certificates.get()
        assert certificate.award_id == award.pk
        assert reverse("certificates:pdf", args=[certificate.code]) in html
        assert reverse("certificates:mine") in html

    def test_level_progress_says_what_the_next_level_needs(
        self, client, catalogue, learner, ladder
    ):
        taught = factories.make_course(catalogue, competencies=[(ladder["D1"], 1)])
        complete(learner, taught)
        response, html = _home(client, learner)
        progress = response.context["level_progress"]
        assert (progress["met"], progress["total"]) == (1, 2)
        assert [n["competency"].code for n in progress["needs"]] == ["D2"]
        assert "ระดับถัดไป" in html and "ระดับหมู่บ้าน" in html
        assert "ผ่านเกณฑ์แล้ว 1 จาก 2 ข้อ" in html


class TestQueryCount:
    def test_my_learning_does_not_grow_with_enrolments(
        self, client, catalogue, learner, ladder, django_assert_max_num_queries
    ):
        client.force_login(learner)
        for _ in range(2):
            course = factories.make_course(catalogue, competencies=[(ladder["D1"], 1)])
            services.enrollment_create(user=learner, course=course)
        client.get(reverse("courses:dashboard"))  # warm the caches
        forget(learner.pk)
        with django_assert_max_num_queries(MY_LEARNING_MAX_QUERIES):
            client.get(reverse("courses:dashboard"))
        for i in range(8):
            course = factories.make_course(catalogue, competencies=[(ladder["D2"], 2)])
            if i % 2:
                complete(learner, course)
            else:
                services.enrollment_create(user=learner, course=course)
                services.step_complete(user=learner, page=lessons_of(course)[0])
            factories.make_course(catalogue)
        # New pages start a new content generation: what everyone shares is
        # read again once (lms/pagecache.py).
        client.get(reverse("courses:dashboard"))
        forget(learner.pk)
        with django_assert_max_num_queries(MY_LEARNING_MAX_QUERIES):
            response = client.get(reverse("courses:dashboard"))
        assert len(response.context["in_progress"]) == 6
        assert len(response.context["completed"]) == 4
