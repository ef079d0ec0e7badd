"""Server time and query count of the main pages, against a bare template floor.

    python bench/pages.py [--volunteers 12000 120000] [--repeat 30] [--reuse]

For each size, builds the national dataset of ``bench/make_data.py`` (N
volunteers over the real sub-districts, 100 courses, enrolments, progress,
attempts, evidence, levels, certificates) in an SQLite file under
``bench/out/`` (``--reuse`` keeps one made before), signs in as the demo
volunteer (enrolled in every open course), renders each page through
Django's test client ``--repeat`` times and prints median and p95 server
time, the query count, and the ratio of the median to the floor: a bare
Django view rendering a template of the same HTML size through the same
middleware. Figures, not assertions: tests assert the query counts.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


# Admin pages measured as an administrator (the reports are added with them).
ADMIN_PAGES = {
    "admin: issued certificates": "/admin/snippets/certificates/issuedcertificate/",
}


def _install_floor_urlconf():
    """A URLconf with the real site plus /__floor__/<bytes>/: a bare view
    rendering a template of that many bytes, through the same middleware."""
    import types

    from django.http import HttpResponse
    from django.template import engines
    from django.urls import path

    template = engines["django"].from_string(
        "<!DOCTYPE html><html><body>{% for _ in items %}<p>{{ text }}</p>{% endfor %}</body></html>"
    )

    def floor(request, size):
        return HttpResponse(
            template.render({"items": range(max(1, size // 107)), "text": "x" * 100})
        )

    module = types.ModuleType("bench_floor_urls")
    from lms import urls

    module.urlpatterns = [path("__floor__/<int:size>/", floor), *urls.urlpatterns]
    sys.modules["bench_floor_urls"] = module


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--volunteers", type=int, nargs="+", default=[12000, 120000])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument(
        "--reuse", action="store_true", help="reuse bench/out/data-N.sqlite3"
    )
    args = parser.parse_args()
    if len(args.volunteers) > 1:
        # One process per size: Wagtail's and Django's in-process caches
        # (site root, content types) must not leak from one database to the next.
        import subprocess

        for size in args.volunteers:
            command = [
                sys.executable,
                __file__,
                "--volunteers",
                str(size),
                "--repeat",
                str(args.repeat),
            ]
            subprocess.run(command + (["--reuse"] if args.reuse else []), check=True)
        return
    run(args.volunteers[0], args.repeat, args.reuse)


def run(size: int, repeat: int, reuse: bool = False):
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    db = out / f"data-{size}.sqlite3"
    fresh = not (reuse and db.exists())
    if fresh:
        db.unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "lms.settings.test"
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection, connections
    from django.db.utils import load_backend  # noqa: F401
    from django.test import Client
    from django.test.utils import setup_test_environment

    settings.DATABASES["default"]["NAME"] = str(db)
    settings.ROOT_URLCONF = "bench_floor_urls"
    connections["default"].close()
    connections["default"].settings_dict["NAME"] = str(db)
    if not getattr(run, "_set_up", False):
        setup_test_environment()
        _install_floor_urlconf()
        run._set_up = True
    if fresh:
        sys.path.insert(0, str(ROOT / "bench"))
        from make_data import build

        print(f"building {size} volunteers ...")
        build(size)

    from certificates.models import IssuedCertificate
    from courses import services
    from courses.models import CoursePage, LessonPage
    from courses.quiz.models import QuizPage
    from lms.accounts.models import User

    volunteer = User.objects.get(username="volunteer")
    admin = User.objects.get(username="administrator")
    for course in CoursePage.objects.filter(
        locale__language_code="th", prerequisite_links__isnull=True
    ):
        services.enrollment_create(user=volunteer, course=course)
    course = CoursePage.objects.get(
        slug="spotting-fake-news", locale__language_code="th"
    )
    lesson = LessonPage.objects.descendant_of(course).first()
    quiz = QuizPage.objects.descendant_of(course).first()

    certificate = IssuedCertificate.objects.order_by("pk").last()
    learner = Client()
    learner.force_login(volunteer)
    staff = Client()
    staff.force_login(admin)
    anonymous = Client()
    pages = {
        "home": (learner, "/th/"),
        "catalogue": (learner, "/th/courses/"),
        "course": (learner, course.url),
        "lesson": (learner, lesson.url),
        "quiz": (learner, quiz.url),
        "dashboard": (learner, "/th/learn/"),
        "competencies": (learner, "/th/learn/competencies/"),
        "certificates": (learner, "/th/certificates/"),
        "search": (learner, "/th/search/?q=ข่าวปลอม"),
        "verify": (anonymous, f"/verify/{certificate.code}/"),
        **{name: (staff, url) for name, url in ADMIN_PAGES.items()},
    }
    print(f"\n{size} volunteers (SQLite), {repeat} requests each")
    print(
        f"{'page':<28} {'median ms':>10} {'p95 ms':>8} {'queries':>8} {'floor ms':>9} {'ratio':>6}"
    )
    for name, (client, url) in pages.items():
        client.get(url)
        executed = []
        with connection.execute_wrapper(
            lambda execute, sql, params, many, context, log=executed: (
                log.append(sql) or execute(sql, params, many, context)
            )
        ):
            response = client.get(url)
        assert response.status_code == 200, (name, response.status_code)
        html = response.content.decode()
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        floor_url = f"/__floor__/{len(html)}/"
        client.get(floor_url)
        floor_times = []
        for _ in range(repeat):
            start = time.perf_counter()
            client.get(floor_url)
            floor_times.append((time.perf_counter() - start) * 1000)
        median = statistics.median(times)
        p95 = sorted(times)[int(0.95 * (len(times) - 1))]
        floor = statistics.median(floor_times)
        print(
            f"{name:<28} {median:>10.1f} {p95:>8.1f} {len(executed):>8} {floor:>9.2f} {median / floor:>6.0f}"
        )
    connections["default"].close()


if __name__ == "__main__":
    main()
