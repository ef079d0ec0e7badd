"""A small, hand-countable world for the reports.

Chiang Mai (50): v1 and v2 in Mueang (5001), v3 in Chom Thong (5002).
Bangkok (10): v4. Course A (e-commerce) and course B (coding).

Enrolments (enrolled / completed):
  v1-A 2026-03-05 / 2026-03-20     v2-A 2026-03-06 / –
  v3-B 2026-04-01 / 2026-04-10     v4-A 2026-04-02 / 2026-04-03
  v4-B 2025-01-15 / –
By province: Chiang Mai 3 enrolled, 2 completed (66.7 %); Bangkok 2, 1 (50.0 %).

Quiz attempts (graded): on A's quiz v1 passed, v2 failed, v2 passed, v4 failed;
on B's quiz v3 passed. Chiang Mai 4 attempts, 3 passed (75.0 %); Bangkok 1, 0 (0.0 %).
An attempt still in progress (v1 on B) counts nowhere.

Evidence: v1 C1 twice (quiz + course) and C2; v3 C1; v4 C2, withdrawn.
Chiang Mai: 3 competencies attained by 2 people; Bangkok: none.

Levels: v1 and v3 at "bronze", v2 at "silver", v4 none.
Certificates: v1 (A), v3 (B), v4 (A, revoked). Chiang Mai 2, Bangkok 1 (1 revoked).
"""

import datetime

import pytest
from django.utils import timezone

from certificates.models import AwardCourse, IssuedCertificate
from competencies.models import CompetencyEvidence, VolunteerLevel, VolunteerStatus
from courses.models import Enrollment
from courses.quiz.models import Attempt, AttemptStatus
from lms.accounts.models import TrainerScope, VolunteerProfile
from tests import factories
from tests.certificates.conftest import make_award, make_template
from tests.quiz.helpers import make_question, make_quiz


def at(text: str) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.fromisoformat(text + " 10:00"))


def _volunteer(first_name, province, district, subdistrict):
    user = factories.make_user(first_name=first_name, profile=False)
    VolunteerProfile.objects.create(
        user=user,
        province_code=province,
        district_code=district,
        subdistrict_code=subdistrict,
    )
    return user


@pytest.fixture
def world(roles, catalogue):
    course_a = factories.make_course(catalogue, title="ขายของออนไลน์", topic="ecommerce")
    course_b = factories.make_course(catalogue, title="เขียนโปรแกรม", topic="coding")
    v1 = _volunteer("หนึ่ง", "50", "5001", "500101")
    v2 = _volunteer("สอง", "50", "5001", "500101")
    v3 = _volunteer("สาม", "50", "5002", "500203")
    v4 = _volunteer("สี่", "10", "1001", "100101")

    for user, course, enrolled, completed in (
        (v1, course_a, "2026-03-05", "2026-03-20"),
        (v2, course_a, "2026-03-06", None),
        (v3, course_b, "2026-04-01", "2026-04-10"),
        (v4, course_a, "2026-04-02", "2026-04-03"),
        (v4, course_b, "2025-01-15", None),
    ):
        e = Enrollment.objects.create(user=user, course=course)
        Enrollment.objects.filter(pk=e.pk).update(
            enrolled_at=at(enrolled), completed_at=at(completed) if completed else None
        )

    q_a = make_question(course_a)
    q_b = make_question(course_b)
    quiz_a = make_quiz(course_a, [q_a])
    quiz_b = make_quiz(course_b, [q_b])
    for user, quiz, number, passed, when in (
        (v1, quiz_a, 1, True, "2026-03-10"),
        (v2, quiz_a, 1, False, "2026-03-11"),
        (v2, quiz_a, 2, True, "2026-04-11"),
        (v4, quiz_a, 1, False, "2026-04-03"),
        (v3, quiz_b, 1, True, "2026-04-05"),
    ):
        Attempt.objects.create(
            user=user,
            quiz=quiz,
            number=number,
            status=AttemptStatus.GRADED,
            passed=passed,
            score=100 if passed else 20,
            submitted_at=at(when),
        )
    Attempt.objects.create(user=v1, quiz=quiz_b, number=1)

    c1 = factories.make_competency(code="C1")
    c2 = factories.make_competency(code="C2")
    for user, competency, source, withdrawn in (
        (v1, c1, "quiz", False),
        (v1, c1, "course", False),
        (v1, c2, "course", False),
        (v3, c1, "assessment", False),
        (v4, c2, "course", True),
    ):
        CompetencyEvidence.objects.create(
            user=user,
            competency=competency,
            proficiency=1,
            source=source,
            course=course_a,
            withdrawn_at=timezone.now() if withdrawn else None,
        )

    bronze = VolunteerLevel.objects.create(
        code="bronze", rank=1, name_th="ทองแดง", name_en="Bronze"
    )
    silver = VolunteerLevel.objects.create(
        code="silver", rank=2, name_th="เงิน", name_en="Silver"
    )
    VolunteerStatus.objects.create(user=v1, level=bronze)
    VolunteerStatus.objects.create(user=v3, level=bronze)
    VolunteerStatus.objects.create(user=v2, level=silver)
    VolunteerStatus.objects.create(user=v4, level=None)

    template = make_template()
    award_a = make_award(template=template, courses=[course_a], name_th="รางวัล A")
    award_b = make_award(template=template, courses=[course_b], name_th="รางวัล B")
    for n, (user, award, revoked) in enumerate(
        ((v1, award_a, False), (v3, award_b, False), (v4, award_a, True))
    ):
        IssuedCertificate.objects.create(
            code=f"CODE{n}",
            award=award,
            template=template,
            user=user,
            recipient_name=user.display_name,
            award_name_th=award.name_th,
            issuer_name="กระทรวง",
            issued_at=at("2026-04-20"),
            revoked_at=timezone.now() if revoked else None,
        )
    assert AwardCourse.objects.count() == 2
    return {
        "course_a": course_a,
        "course_b": course_b,
        "v1": v1,
        "v2": v2,
        "v3": v3,
        "v4": v4,
        "quiz_a": quiz_a,
        "q_a": q_a,
    }


@pytest.fixture
def administrator(roles):
    return factories.make_user(role="Administrator")


@pytest.fixture
def chiang_mai_trainer(roles):
    trainer = factories.make_user(role="Trainer")
    TrainerScope.objects.create(user=trainer, province_code="50")
    return trainer
