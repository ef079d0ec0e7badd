"""Server time, query count and bytes of the learner API's reads.

    python bench/api.py [--courses 10 100] [--repeat 20]

Builds a throw-away SQLite database per size (demo curriculum plus N generated
courses, the demo volunteer enrolled in every course), calls each endpoint
through Django's test client with a bearer token ``--repeat`` times and prints
median and p95 server time, queries and response bytes; "304" rows send the
ETag back. Figures, not assertions: tests assert the query counts.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--courses", type=int, nargs="+", default=[10, 100])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    for size in args.courses:
        run(size, args.repeat)


def run(size: int, repeat: int):
    db = Path(tempfile.mkdtemp()) / "bench.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "lms.settings.test"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection, connections
    from django.test import Client
    from django.test.utils import setup_test_environment

    settings.DATABASES["default"]["NAME"] = str(db)
    settings.LMS_API_THROTTLE_RATES = {
        "sign_in": "1000/min",
        "user": "100000/min",
        "anon": "100000/min",
    }
    connections["default"].close()
    connections["default"].settings_dict["NAME"] = str(db)
    if not getattr(run, "_set_up", False):
        setup_test_environment()
        run._set_up = True
    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=open(os.devnull, "w"))

    from wagtail.models import APIToken

    from courses import services
    from courses.models import CoursePage
    from lms.accounts.models import User
    from tests import factories

    catalogue = factories.make_catalogue()
    while CoursePage.objects.filter(locale__language_code="th").count() < size:
        factories.make_course(catalogue, modules=2, lessons=3)
    volunteer = User.objects.get(username="volunteer")
    for course in CoursePage.objects.filter(
        locale__language_code="th", prerequisite_links__isnull=True
    ):
        services.enrollment_create(user=volunteer, course=course)
    course = CoursePage.objects.get(
        slug="spotting-fake-news", locale__language_code="th"
    )
    _token, plaintext = APIToken.create_token(user=volunteer, name="bench")

    client = Client(
        headers={"Authorization": f"Bearer {plaintext}", "Accept-Language": "th"}
    )
    calls = {
        "courses (20)": "/api/v1/courses",
        "courses (100)": "/api/v1/courses?page_size=100",
        "course": f"/api/v1/courses/{course.pk}",
        "enrolments": "/api/v1/enrolments",
        "enrolment": f"/api/v1/enrolments/{course.pk}",
        "me": "/api/v1/me",
        "competencies": "/api/v1/me/competencies",
        "certificates": "/api/v1/certificates",
    }
    print(f"\n{size} courses (SQLite), {repeat} requests each")
    print(f"{'call':<16} {'median ms':>10} {'p95 ms':>8} {'queries':>8} {'bytes':>8}")

    def measure(name, url, headers=None):
        client.get(url, headers=headers)
        executed = []
        with connection.execute_wrapper(
            lambda execute, sql, params, many, context, log=executed: (
                log.append(sql) or execute(sql, params, many, context)
            )
        ):
            response = client.get(url, headers=headers)
        assert response.status_code in (200, 304), (name, response.status_code)
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            client.get(url, headers=headers)
            times.append((time.perf_counter() - start) * 1000)
        median = statistics.median(times)
        p95 = sorted(times)[int(0.95 * (len(times) - 1))]
        row = f"{name:<16} {median:>10.1f} {p95:>8.1f} {len(executed):>8}"
        print(f"{row} {len(response.content):>8}")
        return response

    for name, url in calls.items():
        response = measure(name, url)
        if response.has_header("ETag"):
            measure(f"{name} 304", url, {"If-None-Match": response["ETag"]})
    connections["default"].close()


if __name__ == "__main__":
    main()
