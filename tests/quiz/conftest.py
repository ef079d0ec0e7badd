import pytest

from courses import services as course_services
from tests import factories

from .helpers import make_question, make_quiz


@pytest.fixture
def course(catalogue):
    return factories.make_course(catalogue, modules=1, lessons=1)


@pytest.fixture
def learner(course):
    user = factories.make_user()
    course_services.enrollment_create(user=user, course=course)
    return user


@pytest.fixture
def quiz(course):
    """Four questions, one point each, pass mark 75: single, multiple, true/false, short."""
    questions = [
        make_question(course),
        make_question(
            course,
            kind="multiple",
            text="เลือกวิธีตรวจสอบข่าว",
            options=(
                ("ค้นหาภาพย้อนกลับ", True),
                ("ตรวจกับศูนย์ต่อต้านข่าวปลอม", True),
                ("แชร์ก่อน", False),
            ),
        ),
        make_question(
            course,
            kind="true_false",
            text="หน่วยงานรัฐขอให้โอนเงินทางโทรศัพท์",
            options=(("จริง", False), ("เท็จ", True)),
        ),
        make_question(
            course,
            kind="short",
            text="ศูนย์ต่อต้าน...ปลอม",
            options=(),
            accepted_answers="ข่าวปลอม\nข่าวเท็จ\nfake news",
        ),
    ]
    return make_quiz(course, questions, pass_mark=75)


@pytest.fixture
def english():
    """Messages in English, to assert on their msgids."""
    from django.utils import translation

    with translation.override("en"):
        yield
