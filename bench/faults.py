"""Faults: a real task worker killed (SIGKILL) in the middle of a bulk issue.

    python bench/faults.py [--people 20000] [--database-url postgres://postgres@127.0.0.1:5432/lms_faults]

Creates N volunteers who completed a course, starts a bulk issue through the
tasks framework's database backend, runs ``manage.py db_worker`` as a separate
process and kills it with SIGKILL once part of the run is done (no clean-up
code gets to run). Then does what an administrator does (*Resume*), starts a
new worker, and checks that everyone got exactly one certificate. Prints the
state at the kill and at the end. The database is dropped and created.
"""

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=20000)
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/lms_faults"
    )
    args = parser.parse_args()
    parts = urlsplit(args.database_url)
    import psycopg

    admin = urlunsplit(parts._replace(path="/postgres"))
    name = parts.path.lstrip("/")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    # The dev settings queue background work in the database, as production does.
    env = {
        **os.environ,
        "DATABASE_URL": args.database_url,
        "DJANGO_SETTINGS_MODULE": "lms.settings.dev",
    }
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db.models import Count
    from django.utils import timezone

    from certificates import bulk
    from certificates.demo import load_demo_certificates
    from certificates.models import Award, BulkIssueRun, IssuedCertificate
    from courses.models import Enrollment
    from lms.accounts.models import User
    from tests import factories

    call_command("migrate", verbosity=0)
    course = factories.make_course(title="การค้าออนไลน์อย่างปลอดภัย", lessons=1)
    load_demo_certificates()
    award = Award.objects.get(courses__course=course)
    User.objects.bulk_create(
        [
            User(username=f"f{i}", password="!", first_name="อาสา", last_name=f"ที่ {i}")
            for i in range(args.people)
        ],
        batch_size=5000,
    )
    Enrollment.objects.bulk_create(
        [
            Enrollment(user=u, course=course, completed_at=timezone.now())
            for u in User.objects.filter(username__startswith="f")
        ],
        batch_size=5000,
    )
    run = bulk.bulk_issue_start(
        award=award, reason="fault test"
    )  # enqueued in the database
    print(f"bulk issue of {run.total} certificates queued (run {run.pk})")

    def worker():
        return subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "db_worker",
                "--backend",
                "background",
                "--interval",
                "0.2",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    first = worker()
    while True:
        run.refresh_from_db()
        if run.done >= run.total * 0.3:
            break
        time.sleep(0.05)
    first.send_signal(signal.SIGKILL)
    first.wait()
    time.sleep(0.5)
    run.refresh_from_db()
    at_kill = IssuedCertificate.objects.filter(award=award).count()
    print(
        f"worker killed with SIGKILL: run {run.status}, {run.done}/{run.total} people done, {at_kill} certificates stored"
    )

    bulk.bulk_issue_resume(run=run)  # the administrator's "Resume"
    second = worker()
    deadline = time.time() + 600
    while time.time() < deadline:
        run.refresh_from_db()
        if run.status == BulkIssueRun.Status.DONE:
            break
        time.sleep(0.2)
    second.send_signal(signal.SIGTERM)
    second.wait(timeout=30)
    issued = IssuedCertificate.objects.filter(award=award)
    people = issued.values("user").distinct().count()
    duplicates = issued.values("user").annotate(n=Count("id")).filter(n__gt=1).count()
    missing = args.people - people
    print(
        f"after resume: run {run.status}, {issued.count()} certificates for {people} people, duplicates {duplicates}, missing {missing}"
    )
    sys.exit(
        0
        if (duplicates == 0 and missing == 0 and run.status == BulkIssueRun.Status.DONE)
        else 1
    )


if __name__ == "__main__":
    main()
