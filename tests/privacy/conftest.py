"""A person with something in every table that can hold personal data."""

import datetime

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.utils import timezone
from wagtail.models import APIToken

from certificates import rendering as certificate_rendering
from certificates.models import IssuedCertificate
from competencies.models import CompetencyEvidence, LevelChange, VolunteerLevel
from courses.quiz.models import Answer, Attempt, AttemptStatus
from lms import audit
from lms.accounts.models import VolunteerProfile
from lms.dataprotection import services as dataprotection
from lms.dataprotection.models import PrivacyNotice
from tests import factories
from tests.certificates.conftest import complete, make_award
from tests.quiz.helpers import make_question, make_quiz

FIRST = "ประพันธ์ศักดิ์"
LAST = "วงศ์สุวรรณทอง"
PHONE = "0891234567"
EMAIL = "prapansak.w@example.org"
VILLAGE = "บ้านหนองบัวแดงใต้"


def make_notice(**kwargs) -> PrivacyNotice:
    kwargs.setdefault("title_th", "ประกาศความเป็นส่วนตัว")
    kwargs.setdefault("title_en", "Privacy notice")
    kwargs.setdefault("body_th", "เราเก็บชื่อ เบอร์โทรศัพท์ และอีเมลของท่านเพื่อการอบรม")
    kwargs.setdefault(
        "body_en", "We keep your name, phone and e-mail for the training."
    )
    return PrivacyNotice.objects.create(**kwargs)


@pytest.fixture
def notice(db):
    return make_notice()


@pytest.fixture
def administrator(roles, notice):
    user = factories.make_user(
        role="Administrator", first_name="ผู้ดูแล", last_name="ระบบ"
    )
    dataprotection.notice_accept(user=user)
    return user


@pytest.fixture
def person(roles, catalogue, notice, administrator):
    """A volunteer with enrolments, progress, a quiz with a free-text answer
    naming them, evidence, a level change, a certificate with its PDF stored,
    consents, sign-in records, an app token and audit-log entries."""
    competency = factories.make_competency(code="PD1")
    course = factories.make_course(
        catalogue, title="รู้ทันข่าวปลอม", competencies=[(competency, 1)]
    )
    make_award(courses=[course], name_th="ผ่านหลักสูตรรู้ทันข่าวปลอม")
    user = factories.make_user(
        username=PHONE,
        first_name=FIRST,
        last_name=LAST,
        phone=PHONE,
        email=EMAIL,
        profile=False,
    )
    VolunteerProfile.objects.create(
        user=user,
        province_code="50",
        district_code="5001",
        subdistrict_code="500101",
        village=VILLAGE,
        organisation=f"กลุ่มของ{FIRST}",
    )
    dataprotection.signup_record(user=user, consents={"course_news"})
    complete(
        user, course
    )  # enrolment, progress, certificate (audit-logged with the name)
    certificate = IssuedCertificate.objects.get(user=user)
    certificate_rendering.certificate_pdf(certificate=certificate)

    question = make_question(course, kind="text", options=())
    quiz = make_quiz(course, [question])
    attempt = Attempt.objects.create(
        user=user,
        quiz=quiz,
        number=1,
        status=AttemptStatus.GRADED,
        passed=True,
        score=100,
        submitted_at=timezone.now(),
    )
    Answer.objects.create(
        attempt=attempt,
        question=question,
        text=f"ผม {FIRST} {LAST} โทร {PHONE}",
        credit=1.0,
        marked_by=administrator,
        marked_at=timezone.now(),
        marker_comment=f"ดีมาก คุณ{FIRST}",
    )
    CompetencyEvidence.objects.create(
        user=user,
        competency=competency,
        proficiency=1,
        source="assessment",
        comment=f"{FIRST} ช่วยชาวบ้านได้ดี",
        created_by=administrator,
    )
    level = VolunteerLevel.objects.create(
        code="village", rank=1, name_th="หมู่บ้าน", name_en="Village"
    )
    LevelChange.objects.create(user=user, to_level=level, cause="evidence")
    AccessLog.objects.create(
        username=PHONE,
        ip_address="10.0.0.7",
        user_agent="Galaxy A05",
        path_info="/th/accounts/login/",
        attempt_time=timezone.now(),
    )
    AccessFailureLog.objects.create(
        username=EMAIL,
        ip_address="10.0.0.7",
        user_agent="Galaxy A05",
        path_info="/th/accounts/login/",
        attempt_time=timezone.now(),
    )
    AccessAttempt.objects.create(
        username=PHONE,
        ip_address="10.0.0.7",
        user_agent="Galaxy A05",
        path_info="/th/accounts/login/",
        attempt_time=timezone.now(),
        get_data="",
        post_data=f"username={PHONE}",
        failures_since_start=1,
    )
    APIToken.create_token(user=user, name=f"โทรศัพท์ของ{FIRST}")
    audit.log(
        user, "lms.role_change", by=administrator, **{"from": [], "to": ["Trainer"]}
    )
    return user


def long_ago(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)
