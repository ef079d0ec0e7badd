"""Time every programme report over a national-size database.

    python bench/reports.py [--volunteers 12000] [--steps 1000000]

Creates a throw-away SQLite database with 6 courses (3 modules of 6 lessons
and a quiz each), N volunteers spread over real sub-districts, ~4 enrolments
each, about a million step completions (bulk inserts), quiz attempts,
competency evidence, levels and certificates. Then times each report
(median of 3, after a warm-up) nationally, for one province, for one course
and for a date range, and the whole admin page once.
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

START = datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)


def _when(rng, days=480):
    return START + datetime.timedelta(
        days=rng.randrange(days), seconds=rng.randrange(86400)
    )


def _no_auto_now(*fields):
    for field in fields:
        field.auto_now_add = False


def build(volunteers: int, steps_wanted: int, rng):
    import geothai

    from certificates.models import (
        Award,
        AwardCourse,
        CertificateTemplate,
        IssuedCertificate,
    )
    from competencies.models import (
        CompetencyEvidence,
        LevelChange,
        VolunteerLevel,
        VolunteerStatus,
    )
    from courses.choices import Topic
    from courses.models import (
        CoursePage,
        Enrollment,
        LessonPage,
        ModulePage,
        StepCompletion,
    )
    from courses.quiz.models import Attempt, AttemptStatus, QuizPage
    from lms.accounts.models import User, VolunteerProfile
    from tests import factories

    catalogue = factories.make_catalogue()
    topics = list(Topic.values)
    courses = []
    for c in range(6):
        course = catalogue.add_child(
            instance=CoursePage(
                title=f"หลักสูตร {c + 1}",
                slug=f"c{c}",
                topic=topics[c % len(topics)],
                summary="-",
            )
        )
        for m in range(3):
            module = course.add_child(
                instance=ModulePage(title=f"บท {m + 1}", slug=f"m{m}")
            )
            for i in range(6):
                module.add_child(
                    instance=LessonPage(title=f"บทเรียน {i + 1}", slug=f"l{i}")
                )
            module.add_child(instance=QuizPage(title="แบบทดสอบ", slug="quiz"))
        courses.append(course)
    steps = {
        course.pk: list(
            LessonPage.objects.descendant_of(course).values_list("pk", flat=True)
        )
        + list(QuizPage.objects.descendant_of(course).values_list("pk", flat=True))
        for course in courses
    }
    quizzes = {
        course.pk: list(
            QuizPage.objects.descendant_of(course).values_list("pk", flat=True)
        )
        for course in courses
    }

    places = [
        (p.code, d.code, s.code)
        for p in geothai.provinces()
        for d in geothai.districts(p.code)
        for s in list(geothai.subdistricts(d.code))[:2]
    ]
    User.objects.bulk_create(
        [
            User(username=f"v{i}", password="!", first_name="อาสา", last_name=str(i))
            for i in range(volunteers)
        ],
        batch_size=5000,
    )
    user_ids = list(User.objects.values_list("pk", flat=True))
    VolunteerProfile.objects.bulk_create(
        [
            VolunteerProfile(
                user_id=uid, province_code=p, district_code=d, subdistrict_code=s
            )
            for uid, (p, d, s) in zip(
                user_ids, (rng.choice(places) for _ in user_ids), strict=True
            )
        ],
        batch_size=5000,
    )

    _no_auto_now(
        Enrollment._meta.get_field("enrolled_at"),
        StepCompletion._meta.get_field("completed_at"),
        Attempt._meta.get_field("started_at"),
        CompetencyEvidence._meta.get_field("created_at"),
        LevelChange._meta.get_field("changed_at"),
    )
    per_person = max(1, steps_wanted // volunteers)
    enrolments, completions, attempts = [], [], []
    made = 0
    for uid in user_ids:
        budget = per_person
        for course in rng.sample(courses, 4):
            if budget <= 0:
                break
            enrolled = _when(rng)
            course_steps = steps[course.pk]
            n = min(len(course_steps), budget)
            budget -= n
            done = n == len(course_steps)
            enrolments.append(
                Enrollment(
                    user_id=uid,
                    course_id=course.pk,
                    enrolled_at=enrolled,
                    completed_at=enrolled
                    + datetime.timedelta(days=rng.randrange(1, 60))
                    if done
                    else None,
                )
            )
            for step in course_steps[:n]:
                completions.append(
                    StepCompletion(
                        user_id=uid,
                        page_id=step,
                        course_id=course.pk,
                        completed_at=enrolled,
                    )
                )
            made += n
            for number, quiz in enumerate(quizzes[course.pk][: n // 7], start=1):
                passed = rng.random() < 0.7
                attempts.append(
                    Attempt(
                        user_id=uid,
                        quiz_id=quiz,
                        number=number,
                        status=AttemptStatus.GRADED,
                        passed=passed,
                        score=80 if passed else 30,
                        started_at=enrolled,
                        submitted_at=enrolled,
                    )
                )
        if len(completions) >= 50_000:
            StepCompletion.objects.bulk_create(completions, batch_size=10_000)
            completions.clear()
    StepCompletion.objects.bulk_create(completions, batch_size=10_000)
    Enrollment.objects.bulk_create(enrolments, batch_size=10_000)
    Attempt.objects.bulk_create(attempts, batch_size=10_000)

    competencies = [factories.make_competency(code=f"B{i}") for i in range(6)]
    CompetencyEvidence.objects.bulk_create(
        [
            CompetencyEvidence(
                user_id=uid,
                competency=competency,
                proficiency=1,
                source="course",
                course_id=rng.choice(courses).pk,
                created_at=_when(rng),
            )
            for uid in user_ids
            for competency in rng.sample(competencies, rng.randint(0, 3))
        ],
        batch_size=10_000,
    )
    levels = [
        VolunteerLevel.objects.create(
            code=f"l{r}", rank=r, name_th=f"ระดับ {r}", name_en=f"Level {r}"
        )
        for r in range(1, 4)
    ]
    statuses = [(uid, rng.choice([None, *levels])) for uid in user_ids]
    VolunteerStatus.objects.bulk_create(
        [VolunteerStatus(user_id=uid, level=level) for uid, level in statuses],
        batch_size=10_000,
    )
    LevelChange.objects.bulk_create(
        [
            LevelChange(
                user_id=uid, to_level=level, cause="bench", changed_at=_when(rng)
            )
            for uid, level in statuses
            if level
        ],
        batch_size=10_000,
    )
    template = CertificateTemplate.objects.create(
        name="bench", title_th="เกียรติบัตร", issuer_name_th="กระทรวง"
    )
    award = Award.objects.create(
        kind=Award.Kind.COURSE, template=template, name_th="รางวัล"
    )
    AwardCourse.objects.create(award=award, course=courses[0])
    done = Enrollment.objects.filter(
        course=courses[0], completed_at__isnull=False
    ).values_list("user_id", "completed_at")
    IssuedCertificate.objects.bulk_create(
        [
            IssuedCertificate(
                code=f"B-{uid}",
                award=award,
                template=template,
                user_id=uid,
                recipient_name="อาสา",
                award_name_th="รางวัล",
                issuer_name="กระทรวง",
                issued_at=when,
            )
            for uid, when in done
        ],
        batch_size=10_000,
    )
    return courses, made


def _timed(fn, repeat=3) -> float:
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--volunteers", type=int, default=12000)
    parser.add_argument("--steps", type=int, default=1_000_000)
    args = parser.parse_args()
    db = Path(tempfile.mkdtemp()) / "reports.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "lms.settings.test"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.utils import translation

    call_command("migrate", verbosity=0)
    from courses.models import Enrollment, StepCompletion
    from lms.reports import charts
    from lms.reports.selectors import REPORTS, ReportFilters, report_build
    from tests import factories

    translation.activate("th")
    rng = random.Random(6)
    start = time.perf_counter()
    courses, _made = build(args.volunteers, args.steps, rng)
    print(
        f"{args.volunteers} volunteers, {StepCompletion.objects.count():,} step completions, "
        f"{Enrollment.objects.count():,} enrolments made in {time.perf_counter() - start:.0f} s"
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")

    cases = {
        "national": ReportFilters(),
        "province 50": ReportFilters(province="50"),
        "one course": ReportFilters(course_id=courses[0].pk),
        "2025-06..2025-12": ReportFilters(
            date_from=datetime.date(2025, 6, 1), date_to=datetime.date(2025, 12, 31)
        ),
    }
    print(f"{'report':<14}" + "".join(f"{name:>18}" for name in cases))
    worst = 0.0
    for key in REPORTS:
        cells = []
        for filters in cases.values():

            def run(key=key, filters=filters):
                report = report_build(key=key, filters=filters, scope=None)
                charts.bar_chart(report.bars, title="x")
                charts.trend_chart(report.trend, title="x")

            seconds = _timed(run)
            worst = max(worst, seconds)
            cells.append(f"{1000 * seconds:15.0f} ms")
        print(f"{key:<14}" + "".join(cells))

    admin = factories.make_user(
        role=None, is_superuser=True, is_staff=True, profile=False
    )
    client = Client()
    client.force_login(admin)
    page = _timed(lambda: client.get("/admin/reports/?report=enrolments"))
    export = _timed(lambda: client.get("/admin/reports/?report=enrolments&export=xlsx"))
    print(
        f"whole admin page (national enrolments): {1000 * page:.0f} ms; Excel export: {1000 * export:.0f} ms"
    )
    print(f"slowest report: {1000 * worst:.0f} ms (goal: under 1000 ms)")


if __name__ == "__main__":
    main()
