"""Server time and query count of the main pages, against a bare template floor.

    python bench/pages.py [--courses 10 50] [--repeat 30]

Builds a throw-away SQLite database per size (demo curriculum plus N generated
courses, a volunteer enrolled in every course), renders each page through
Django's test client `--repeat` times and prints median and p95 server time,
the query count, and the ratio of the median to the floor: a bare Django view
rendering a template of the same HTML size. Figures, not assertions: tests
assert the query counts.
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


def _install_floor_urlconf():
    """A URLconf with the real site plus /__floor__/<bytes>/: a bare view
    rendering a template of that many bytes, through the same middleware."""
    import types

    from django.http import HttpResponse
    from django.template import engines
    from django.urls import path

    template = engines["django"].from_string("<!DOCTYPE html><html><body>{% for _ in items %}<p>{{ text }}</p>{% endfor %}</body></html>")

    def floor(request, size):
        return HttpResponse(template.render({"items": range(max(1, size // 107)), "text": "x" * 100}))

    module = types.ModuleType("bench_floor_urls")
    from lms import urls

    module.urlpatterns = [path("__floor__/<int:size>/", floor), *urls.urlpatterns]
    sys.modules["bench_floor_urls"] = module


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--courses", type=int, nargs="+", default=[10, 50])
    parser.add_argument("--repeat", type=int, default=30)
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
    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=open(os.devnull, "w"))

    from courses import services
    from courses.models import CoursePage, LessonPage
    from courses.quiz.models import QuizPage
    from lms.accounts.models import User
    from tests import factories

    catalogue = factories.make_catalogue()
    while CoursePage.objects.filter(locale__language_code="th").count() < size:
        factories.make_course(catalogue, modules=2, lessons=3)
    volunteer = User.objects.get(username="volunteer")
    for course in CoursePage.objects.filter(locale__language_code="th", prerequisite_links__isnull=True):
        services.enrollment_create(user=volunteer, course=course)
    course = CoursePage.objects.get(slug="spotting-fake-news", locale__language_code="th")
    lesson = LessonPage.objects.descendant_of(course).first()
    quiz = QuizPage.objects.descendant_of(course).first()

    client = Client()
    client.force_login(volunteer)
    pages = {
        "home": "/th/",
        "catalogue": "/th/courses/",
        "course": course.url,
        "lesson": lesson.url,
        "quiz": quiz.url,
        "dashboard": "/th/learn/",
        "search": "/th/search/?q=ข่าวปลอม",
    }
    print(f"\n{size} courses (SQLite), {repeat} requests each")  # noqa: T201
    print(f"{'page':<10} {'median ms':>10} {'p95 ms':>8} {'queries':>8} {'floor ms':>9} {'ratio':>6}")  # noqa: T201
    for name, url in pages.items():
        client.get(url)
        executed = []
        with connection.execute_wrapper(
            lambda execute, sql, params, many, context, log=executed: log.append(sql) or execute(sql, params, many, context)
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
        print(f"{name:<10} {median:>10.1f} {p95:>8.1f} {len(executed):>8} {floor:>9.2f} {median / floor:>6.0f}")  # noqa: T201
    connections["default"].close()


if __name__ == "__main__":
    main()
