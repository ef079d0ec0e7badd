"""A lesson of a locked course says what unlocks it; My competencies never
lists what is already held and speaks in the framework's proficiency names."""

import pytest

from competencies.models import EvidenceSource, LevelRequirement, VolunteerLevel
from competencies.services import evidence_record
from courses.models import CoursePrerequisite
from tests import factories

from .conftest import lessons_of

pytestmark = pytest.mark.django_db


class TestLockedCourseLesson:
    def test_lesson_names_the_course_that_unlocks_it(self, client, catalogue, learner):
        first = factories.make_course(catalogue, title="การรู้ดิจิทัล", slug="literacy")
        locked = factories.make_course(catalogue, title="เขียนโค้ด", slug="coding")
        CoursePrerequisite.objects.create(page=locked, prerequisite=first)
        client.force_login(learner)
        html = client.get(lessons_of(locked)[0].url).content.decode()
        assert 'data-learning="prerequisites"' in html
        assert "จะเปิดให้เรียนเมื่อคุณเรียนจบ" in html
        assert f'href="{first.url}"' in html
        assert "ลงทะเบียนเรียนเพื่อบันทึกความก้าวหน้า" not in html

    def test_open_course_still_asks_to_enrol(self, client, catalogue, learner):
        course = factories.make_course(catalogue, title="เปิด", slug="open")
        client.force_login(learner)
        html = client.get(lessons_of(course)[0].url).content.decode()
        assert 'data-learning="not-enrolled"' in html


class TestMyCompetencies:
    def test_next_level_never_lists_what_is_held(self, client, learner):
        held = factories.make_competency(code="D1", name_th="การรู้ดิจิทัล")
        needed = factories.make_competency(code="D2", name_th="แก้ปัญหาด้วยดิจิทัล")
        level = VolunteerLevel.objects.create(
            code="village", rank=1, name_th="ระดับหมู่บ้าน"
        )
        LevelRequirement.objects.create(level=level, competency=held, min_proficiency=2)
        LevelRequirement.objects.create(
            level=level, competency=needed, min_proficiency=1
        )
        evidence_record(
            user=learner,
            competency=held,
            proficiency=3,
            source=EvidenceSource.ASSESSMENT,
            comment="ทดสอบ",
        )
        client.force_login(learner)
        response = client.get("/th/learn/competencies/")
        html = response.content.decode()
        needs = html.split('id="next-h"')[1].split("</section>")[0]
        assert "แก้ปัญหาด้วยดิจิทัล" in needs and "การรู้ดิจิทัล" not in needs
        assert "ยังไม่ได้เริ่ม ระดับนี้ต้องการ “ระดับ 1”" in needs
        assert "พอสำหรับระดับถัดไปแล้ว" in html  # D1, in the map
        assert " จาก 3" not in html and "level 0" not in html
