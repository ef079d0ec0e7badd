"""A realistic national dataset for benchmarks, made fast with bulk inserts.

    python bench/make_data.py --volunteers 12000 [--courses 100] [--database-url URL]

Starts from the demo (framework, ladder, certificate templates, five real
courses, the demo logins), adds generated courses up to ``--courses`` (two
modules of two lessons and a quiz each, each course teaching two competencies
and carrying a certificate award), then N volunteers spread over Thailand's
real sub-districts (geothai's DOPA codes, weighted by nothing but count), each
enrolled in 2-8 courses and somewhere along each: lessons read, quizzes passed
or failed (attempts), courses completed. Completed courses write competency
evidence; levels are then computed by the real set-based recompute, and
certificates issued by the real bulk issue, so the data obeys the site's rules.

Without ``--database-url`` it writes ``bench/out/data-<N>.sqlite3`` (replaced).
Prints the time of each step and the row counts. ``build()`` is what
``bench/pages.py`` and ``bench/load.py`` call.
"""

import argparse
import os
import random
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

THAI_FIRST = [
    "สมชาย",
    "สมหญิง",
    "ประเสริฐ",
    "กัญญา",
    "วิไลวรรณ",
    "ณัฐพล",
    "ศิริพร",
    "อนุชา",
    "พิมพ์ชนก",
    "ธนากร",
]
THAI_LAST = [
    "ใจดี",
    "วงศ์สวัสดิ์",
    "แก้วมณี",
    "ศรีสุข",
    "บุญมา",
    "ทองดี",
    "สุขสวัสดิ์",
    "พรหมมา",
    "จันทร์เพ็ญ",
    "มีสุข",
]
BATCH = 5000


def setup(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")
    import django

    django.setup()


class Clock:
    def __init__(self):
        self.start = self.last = time.perf_counter()

    def lap(self, what: str) -> None:
        now = time.perf_counter()
        print(f"  {what:<46} {now - self.last:7.1f} s")
        self.last = now

    @property
    def total(self) -> float:
        return time.perf_counter() - self.start


def _courses(count: int, rng: random.Random) -> list:
    """Generated courses up to ``count`` Thai courses in all (pages need the tree API)."""
    from certificates.demo import load_demo_certificates
    from competencies.models import Competency
    from courses.choices import Topic
    from courses.models import (
        CourseCompetency,
        CourseIndexPage,
        CoursePage,
        LessonPage,
        ModulePage,
    )
    from courses.quiz.models import Option, Question, QuizPage, QuizQuestion
    from lms.demo.loader import _indexing_deferred

    catalogue = CourseIndexPage.objects.filter(locale__language_code="th").first()
    competencies = list(Competency.objects.all())
    topics = [value for value, _label in Topic.choices]
    existing = CoursePage.objects.filter(locale__language_code="th").count()
    with _indexing_deferred():
        for n in range(existing, count):
            course = catalogue.add_child(
                instance=CoursePage(
                    title=f"หลักสูตรทดสอบที่ {n + 1}: ทักษะดิจิทัลสำหรับชุมชน",
                    slug=f"bench-course-{n + 1}",
                    summary="หลักสูตรที่สร้างขึ้นเพื่อวัดประสิทธิภาพ",
                    topic=topics[n % len(topics)],
                )
            )
            CourseCompetency.objects.bulk_create(
                CourseCompetency(
                    page=course,
                    competency=competency,
                    proficiency=rng.randint(1, 2),
                    sort_order=i,
                )
                for i, competency in enumerate(rng.sample(competencies, 2))
            )
            bank = []
            for q in range(5):
                question = Question.objects.create(
                    course=course, kind="single", text_th=f"คำถามข้อ {q + 1}"
                )
                Option.objects.bulk_create(
                    [
                        Option(
                            question=question,
                            text_th="ถูก",
                            is_correct=True,
                            sort_order=0,
                        ),
                        Option(
                            question=question,
                            text_th="ผิด",
                            is_correct=False,
                            sort_order=1,
                        ),
                    ]
                )
                bank.append(question)
            for m in range(2):
                module = course.add_child(
                    instance=ModulePage(title=f"บทที่ {m + 1}", slug=f"module-{m + 1}")
                )
                for lesson in range(2):
                    module.add_child(
                        instance=LessonPage(
                            title=f"บทเรียน {m + 1}.{lesson + 1}",
                            slug=f"lesson-{lesson + 1}",
                        )
                    )
                quiz = module.add_child(
                    instance=QuizPage(
                        title=f"แบบทดสอบบทที่ {m + 1}", slug="quiz", pass_mark=60
                    )
                )
                QuizQuestion.objects.bulk_create(
                    [
                        QuizQuestion(quiz=quiz, question=question, sort_order=i)
                        for i, question in enumerate(bank)
                    ]
                )
    load_demo_certificates()  # an award for every Thai course, the new ones included
    return list(
        CoursePage.objects.live().filter(locale__language_code="th").order_by("path")
    )


def build(
    volunteers: int, *, courses: int = 100, seed: int = 2026, quiet: bool = False
) -> dict:
    """Fill the configured (migrated, empty) database; returns row counts."""
    from django.contrib.auth.hashers import PBKDF2PasswordHasher
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone

    from certificates.bulk import bulk_issue_execute, bulk_issue_start
    from certificates.models import Award
    from competencies.models import CompetencyEvidence, EvidenceSource
    from competencies.services import recompute_run_execute, recompute_run_start
    from courses.models import Enrollment, StepCompletion
    from courses.progress_selectors import course_steps
    from courses.quiz.models import Attempt, QuizPage
    from lms.accounts import regions
    from lms.accounts.models import User, VolunteerProfile
    from lms.dataprotection.models import NoticeAcceptance
    from lms.dataprotection.selectors import notice_current

    rng = random.Random(seed)
    clock = Clock()
    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=open(os.devnull, "w"))
    clock.lap("migrate and load the demo")
    course_pages = _courses(courses, rng)
    clock.lap(f"{len(course_pages)} courses (pages, banks, quizzes)")

    places = [
        (p.code, d.code, s.code)
        for p in regions._provinces()
        for d in regions._districts(p.code)
        for s in regions._subdistricts(d.code)
    ]
    # PBKDF2 (not the test settings' fast hasher): bench/load.py signs in with
    # the production settings. Hashed once and shared: hashing is slow on purpose.
    pbkdf2 = PBKDF2PasswordHasher()
    password = pbkdf2.encode("bench-volunteer-2026", pbkdf2.salt())
    group = Group.objects.get(name="Volunteer")
    first_id = (
        User.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    ) + 1
    users = [
        User(
            username=f"v{first_id + i}",
            first_name=rng.choice(THAI_FIRST),
            last_name=rng.choice(THAI_LAST),
            phone=f"09{first_id + i:08d}",
            email=f"v{first_id + i}@volunteers.example",
            password=password,
        )
        for i in range(volunteers)
    ]
    with transaction.atomic():
        User.objects.bulk_create(users, batch_size=BATCH)
        ids = list(
            User.objects.filter(username__startswith="v", pk__gte=first_id).values_list(
                "pk", flat=True
            )
        )
        VolunteerProfile.objects.bulk_create(
            [
                VolunteerProfile(
                    user_id=uid,
                    province_code=(place := rng.choice(places))[0],
                    district_code=place[1],
                    subdistrict_code=place[2],
                    village=f"หมู่ {rng.randint(1, 15)}",
                )
                for uid in ids
            ],
            batch_size=BATCH,
        )
        User.groups.through.objects.bulk_create(
            [User.groups.through(user_id=uid, group_id=group.pk) for uid in ids],
            batch_size=BATCH,
        )
    clock.lap(f"{len(ids)} volunteers with profiles over {len(places)} sub-districts")

    steps = {
        c.pk: [
            s.specific_class is QuizPage and ("quiz", s.pk) or ("lesson", s.pk)
            for s in course_steps(course=c)
        ]
        for c in course_pages
    }
    competencies = {
        c.pk: [
            (link.competency_id, link.proficiency) for link in c.competency_links.all()
        ]
        for c in course_pages
    }
    prerequisite_free = [c for c in course_pages if not c.prerequisite_links.exists()]
    now = timezone.now()
    counts = {"enrollments": 0, "steps": 0, "attempts": 0, "evidence": 0}
    enrollments, completions, attempts, evidence = [], [], [], []

    def flush():
        Enrollment.objects.bulk_create(enrollments, batch_size=BATCH)
        StepCompletion.objects.bulk_create(completions, batch_size=BATCH)
        Attempt.objects.bulk_create(attempts, batch_size=BATCH)
        CompetencyEvidence.objects.bulk_create(evidence, batch_size=BATCH)
        for name, rows in (
            ("enrollments", enrollments),
            ("steps", completions),
            ("attempts", attempts),
            ("evidence", evidence),
        ):
            counts[name] += len(rows)
            rows.clear()

    with transaction.atomic():
        for uid in ids:
            for course in rng.sample(
                prerequisite_free, rng.randint(2, min(8, len(prerequisite_free)))
            ):
                course_steps_ = steps[course.pk]
                done = rng.randint(0, len(course_steps_))
                started = now - timedelta(days=rng.randint(1, 365))
                complete = done == len(course_steps_)
                enrollments.append(
                    Enrollment(
                        user_id=uid,
                        course_id=course.pk,
                        completed_at=started + timedelta(days=7) if complete else None,
                    )
                )
                for i, (kind, page_id) in enumerate(course_steps_[:done]):
                    when = started + timedelta(hours=i + 1)
                    completions.append(
                        StepCompletion(
                            user_id=uid,
                            page_id=page_id,
                            course_id=course.pk,
                            completed_at=when,
                        )
                    )
                    if kind == "quiz":
                        # Three in ten fail once first; the pass is then attempt 2.
                        results = [(40, False)] if rng.random() < 0.3 else []
                        results.append((80, True))
                        attempts.extend(
                            Attempt(
                                public_id=uuid.uuid4(),
                                user_id=uid,
                                quiz_id=page_id,
                                number=number,
                                status="graded",
                                submitted_at=when,
                                score=score,
                                passed=passed,
                            )
                            for number, (score, passed) in enumerate(results, 1)
                        )
                if complete:
                    for competency_id, proficiency in competencies[course.pk]:
                        evidence.append(
                            CompetencyEvidence(
                                user_id=uid,
                                competency_id=competency_id,
                                proficiency=proficiency,
                                source=EvidenceSource.COURSE,
                                course_id=course.pk,
                            )
                        )
            if len(completions) > 4 * BATCH:
                flush()
        flush()
    clock.lap(
        f"{counts['enrollments']} enrolments, {counts['steps']} steps, {counts['attempts']} attempts"
    )

    run = recompute_run_start(cause="bench data")
    recompute_run_execute(run_id=run.pk)
    clock.lap("levels (set-based recompute)")

    issued = 0
    for award in Award.objects.filter(kind=Award.Kind.COURSE, active=True):
        run = bulk_issue_start(award=award, reason="bench data", enqueue=False)
        issued += bulk_issue_execute(run_id=run.pk).issued
    clock.lap(f"{issued} certificates (bulk issue)")
    notice = notice_current()
    if notice is not None:
        # Volunteers of a running programme have read the current notice;
        # otherwise every signed-in page is a redirect to it.
        NoticeAcceptance.objects.bulk_create(
            (NoticeAcceptance(user_id=pk, notice=notice) for pk in ids),
            batch_size=BATCH,
            ignore_conflicts=True,
        )
        clock.lap("privacy notice accepted")
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    counts.update(
        volunteers=len(ids),
        courses=len(course_pages),
        certificates=issued,
        seconds=round(clock.total, 1),
    )
    if not quiet:
        print(f"  {'total':<46} {clock.total:7.1f} s")
    return counts


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--volunteers", type=int, default=12000)
    parser.add_argument("--courses", type=int, default=100)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    url = args.database_url
    if not url:
        out = ROOT / "bench" / "out"
        out.mkdir(parents=True, exist_ok=True)
        path = out / f"data-{args.volunteers}.sqlite3"
        path.unlink(missing_ok=True)
        url = f"sqlite:///{path}"
    setup(url)
    print(f"{args.volunteers} volunteers, {args.courses} courses -> {url}")
    print(build(args.volunteers, courses=args.courses))


if __name__ == "__main__":
    main()
