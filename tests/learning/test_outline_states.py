"""The course outline while studying: each step says done, up next or locked,
in a shape and in words (not colour only); leaving is secondary to continuing."""

import re

from courses import services

from .conftest import lessons_of, translate


def _states(html: str) -> list[str]:
    return re.findall(r'data-step-state="(\w+)"', html)


class TestOutlineStates:
    def test_done_current_and_locked_while_studying(
        self, client, ordered_course, learner
    ):
        services.enrollment_create(user=learner, course=ordered_course)
        first = lessons_of(ordered_course)[0]
        services.step_complete(user=learner, page=first)
        client.force_login(learner)
        html = client.get(ordered_course.url).content.decode()
        # Module 1: lesson done, quiz up next; module 2 closed until it is passed.
        assert _states(html) == ["done", "current", "locked", "locked"]
        assert "เรียนแล้ว: </span>บทเรียน 1.1" in html
        assert 'aria-current="step">แบบทดสอบท้ายบท' in html
        assert "ยังล็อกอยู่: </span>บทเรียน 2.1" in html
        assert "เรียนต่อที่นี่" in html
        assert "เปิดเมื่อผ่านแบบทดสอบก่อนหน้า" in html

    def test_open_steps_after_the_current_one_are_todo(self, client, course, learner):
        services.enrollment_create(user=learner, course=course)
        client.force_login(learner)
        html = client.get(course.url).content.decode()
        assert _states(html) == ["current", "todo", "todo", "todo"]
        # No quiz gates this course: the legend does not mention locks.
        assert "เปิดเมื่อผ่านแบบทดสอบก่อนหน้า" not in html

    def test_states_follow_the_english_outline(self, client, course, learner):
        services.enrollment_create(user=learner, course=course)
        services.step_complete(user=learner, page=lessons_of(course)[0])
        english = translate(course, "Spotting fake news")
        for lesson in lessons_of(course):
            translate(lesson, f"Lesson {lesson.title[-3:]}")
        client.force_login(learner)
        html = client.get(english.url).content.decode()
        assert _states(html) == ["done", "current", "todo", "todo"]
        assert "Done: </span>Lesson 1.1" in html

    def test_no_states_for_a_reader_not_enrolled(self, client, course, learner):
        client.force_login(learner)
        html = client.get(course.url).content.decode()
        assert _states(html) == []

    def test_leaving_is_a_plain_link_below_continue(self, client, course, learner):
        services.enrollment_create(user=learner, course=course)
        client.force_login(learner)
        html = client.get(course.url).content.decode()
        leave = re.search(r'<p class="leave-course"><a href="[^"]+">([^<]+)</a>', html)
        assert leave and leave.group(1) == "ออกจากหลักสูตรนี้"
        assert 'class="btn btn-secondary" href="/th/learn/unenrol' not in html
        assert html.index('class="btn" href="/th/learn/resume') < leave.start()
