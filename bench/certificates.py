"""Certificate rendering and bulk issue timings.

    python bench/certificates.py [--people 12000] [--workers 1 2] [--database-url URL]

1. Time to render one certificate PDF through the service (context, QR code,
   template, WeasyPrint, storing the file) against a bare WeasyPrint render of
   the very same HTML, and the ratio.
2. Time to bulk-issue N certificates (N volunteers who completed a course),
   run by 1 worker, then (on a fresh award) by 2 workers. Workers are separate
   processes running the task function on the same run, as ``db_worker``
   processes would; with SQLite they take turns on the write lock, on
   PostgreSQL they take chunks side by side (SKIP LOCKED).

3. Signing the Open Badges 3.0 credentials of the N certificates of the
   first run (build, sign as VC-JWT with EdDSA, store), against the unsigned
   path (building the same credential JSON without signing or storing), and
   the ratio; plus one Data Integrity (eddsa-rdfc-2022) proof and one status
   list of N bits, each the median of a few.

Uses a throw-away SQLite database unless ``--database-url`` names an empty
PostgreSQL database (its tables are created with ``migrate``).
"""

import argparse
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _setup(database_url: str):
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "lms.settings.test"
    os.environ.setdefault("TEST_MEDIA_ROOT", tempfile.mkdtemp(prefix="bench-media-"))
    import django

    django.setup()


def _worker(database_url: str, run_id: int):
    _setup(database_url)
    from certificates.bulk import bulk_issue_execute

    bulk_issue_execute(run_id=run_id)


def _timed(fn, repeat: int) -> float:
    fn()  # warm up: fonts, templates
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=12000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    database_url = (
        args.database_url or f"sqlite:///{Path(tempfile.mkdtemp()) / 'certs.sqlite3'}"
    )
    _setup(database_url)
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    call_command("migrate", verbosity=0)
    from certificates import bulk, pdf, rendering, services
    from certificates.demo import load_demo_certificates
    from certificates.models import Award, AwardCourse, IssuedCertificate
    from courses.models import Enrollment
    from lms.accounts.models import User, VolunteerProfile
    from tests import factories

    course = factories.make_course(title="การค้าออนไลน์อย่างปลอดภัย", lessons=1)
    template = load_demo_certificates()
    award = Award.objects.get(courses__course=course)

    # 1. One PDF: the service against bare WeasyPrint on the same HTML.
    person = factories.make_user(first_name="กัญญาณัฐฐ์ศิริ", last_name="ประเสริฐวงศ์ตระกูล")
    certificate, _created = services.certificate_issue(user=person, award=award)

    def through_service():
        IssuedCertificate.objects.filter(pk=certificate.pk).update(pdf="")
        certificate.pdf = ""
        rendering.certificate_pdf(certificate=certificate)

    html = pdf.render_html(pdf.certificate_data(certificate))
    service = _timed(through_service, args.repeat)
    bare = _timed(lambda: pdf.html_to_pdf(html), args.repeat)
    print(
        f"render one certificate PDF: {service * 1000:.0f} ms through the service, "
        f"{bare * 1000:.0f} ms bare WeasyPrint, ratio {service / bare:.2f}"
    )
    stored = _timed(
        lambda: rendering.certificate_pdf(certificate=certificate), args.repeat
    )
    print(f"download of the stored PDF: {stored * 1000:.1f} ms")

    # 2. Bulk issue.
    start = time.perf_counter()
    users = User.objects.bulk_create(
        [
            User(username=f"b{i}", password="!", first_name="อาสา", last_name=f"ที่ {i}")
            for i in range(args.people)
        ],
        batch_size=2000,
    )
    if not users or users[0].pk is None:
        users = list(User.objects.filter(username__startswith="b"))
    VolunteerProfile.objects.bulk_create(
        [VolunteerProfile(user=u, province_code="50") for u in users], batch_size=2000
    )
    Enrollment.objects.bulk_create(
        [Enrollment(user=u, course=course, completed_at=timezone.now()) for u in users],
        batch_size=2000,
    )
    print(
        f"{args.people} volunteers who completed the course made in {time.perf_counter() - start:.1f} s "
        f"({connection.vendor})"
    )
    first_award = None
    for workers in args.workers:
        fresh = Award.objects.create(
            kind=Award.Kind.COURSE, template=template, name_th=f"bench {workers}"
        )
        AwardCourse.objects.create(award=fresh, course=course)
        start = time.perf_counter()
        run = bulk.bulk_issue_start(award=fresh, enqueue=False)
        connection.close()
        ctx = multiprocessing.get_context("fork")
        processes = [
            ctx.Process(target=_worker, args=(database_url, run.pk))
            for _ in range(workers)
        ]
        for p in processes:
            p.start()
        for p in processes:
            p.join()
        elapsed = time.perf_counter() - start
        run.refresh_from_db()
        issued = IssuedCertificate.objects.filter(award=fresh).count()
        first_award = first_award or fresh
        print(
            f"bulk issue of {run.total} certificates with {workers} worker(s): {elapsed:.1f} s "
            f"({run.total / elapsed:.0f}/s), issued {issued}, status {run.status}"
        )

    if first_award is not None:
        _bench_signing(args, first_award)


def _bench_signing(args, award):
    """3. Open Badges: signing N credentials against the unsigned path."""
    from certificates.models import IssuedCertificate, SignedCredential
    from certificates.openbadges import credential, status_list

    certificates = list(
        IssuedCertificate.objects.filter(award=award)
        .select_related("award", "user")
        .order_by("pk")
    )
    count = len(certificates)
    codes = {c for cert in certificates for c in credential.competency_codes(cert)}
    from competencies.models import Competency

    competencies = {
        c.code: c
        for c in Competency.objects.filter(code__in=codes).select_related(
            "area__framework"
        )
    }
    start = time.perf_counter()
    for cert in certificates:
        credential.build(certificate=cert, competencies=competencies).to_vc()
    unsigned = time.perf_counter() - start
    start = time.perf_counter()
    for i in range(0, count, 1000):
        credential.sign_many(certificates[i : i + 1000])
    signed = time.perf_counter() - start
    stored = SignedCredential.objects.filter(certificate__award=award).count()
    print(
        f"Open Badges credentials for {count} certificates: unsigned JSON {unsigned:.1f} s "
        f"({count / unsigned:.0f}/s), signed VC-JWT EdDSA and stored {signed:.1f} s "
        f"({count / signed:.0f}/s), ratio {signed / unsigned:.2f}; {stored} stored"
    )
    sample = certificates[: min(5, count)]

    def one_di():
        cert = sample.pop() if sample else certificates[0]
        SignedCredential.objects.filter(certificate=cert).update(document=None)
        credential.data_integrity_document(certificate=cert)

    di = _timed(one_di, min(3, max(1, len(sample) - 1)))
    print(
        f"one Data Integrity proof (eddsa-rdfc-2022, made once per credential on the first .json): {di * 1000:.0f} ms"
    )
    listed = _timed(lambda: status_list.build(0), args.repeat)
    print(
        f"status list of {status_list.LIST_SIZE} bits, signed: {listed * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main()
