"""Server time and query count of the main pages, against a bare Wagtail page.

    python bench/pages.py [--volunteers 12000 120000] [--rounds 30] [--reuse]
                          [--database-url postgres://postgres@127.0.0.1:5432/lms_bench]
                          [--redis-url redis://127.0.0.1:6379/11] [--only lesson quiz]

For each size, builds the national dataset of ``bench/make_data.py`` (N
volunteers over the real sub-districts, 100 courses, enrolments, progress,
attempts, evidence, levels, certificates) in an SQLite file under
``bench/out/`` or in the PostgreSQL database of ``--database-url`` (dropped
and made again; ``--reuse`` keeps one made before), under production-like
settings (``bench/bench_settings.py``: DEBUG off, cached templates, the same
middleware with WhiteNoise, CSP and axes, Redis sessions and cache with
``--redis-url``).

The floor of each page is a bare Wagtail page (``bench/floor``: title and a
text body, a template of three lines) served through the same middleware,
at the same URL depth (as many path segments, so Wagtail's own routing walks
as many pages: the floors are pages of a second site, ``floor.testserver``,
whose root is the home page's floor), padded
to the same number of bytes, requested by the same client (signed in, or
not for the anonymous rows). Each round requests every page and then its
floor, so both see the same machine. Prints median, spread (p10-p90) and
query count of each, and the ratio of the medians. The "made" rows of
*My learning* forget what is kept of the reader's page before each request
(untimed): the first view after something of theirs changed. Figures, not
assertions: tests assert the query counts.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FLOOR_HOST = "floor.testserver"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--volunteers", type=int, nargs="+", default=[12000])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--reuse", action="store_true", help="reuse the dataset")
    parser.add_argument("--database-url", default="")
    parser.add_argument("--redis-url", default="")
    parser.add_argument("--only", nargs="*", default=[], help="page names")
    args = parser.parse_args()
    if len(args.volunteers) > 1:
        # One process per size: Wagtail's and Django's in-process caches
        # (site root, content types) must not leak from one database to the next.
        for size in args.volunteers:
            command = [sys.executable, __file__, "--volunteers", str(size)]
            command += ["--rounds", str(args.rounds)]
            if args.database_url:
                command += ["--database-url", args.database_url]
            if args.redis_url:
                command += ["--redis-url", args.redis_url]
            if args.only:
                command += ["--only", *args.only]
            subprocess.run(command + (["--reuse"] if args.reuse else []), check=True)
        return
    run(args)


def _database(args, size: int) -> tuple[str, bool]:
    """The database URL and whether the dataset must be built."""
    if args.database_url:
        url = args.database_url
        if args.reuse:
            return url, False
        parts = urlsplit(url)
        name = parts.path.lstrip("/")
        admin = parts._replace(path="/postgres").geturl()
        import psycopg

        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
        return url, True
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    db = out / f"data-{size}.sqlite3"
    fresh = not (args.reuse and db.exists())
    if fresh:
        db.unlink(missing_ok=True)
    return f"sqlite:///{db}", fresh


def run(args):
    size = args.volunteers[0]
    url, fresh = _database(args, size)
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.bench_settings"
    if args.redis_url:
        os.environ["REDIS_URL"] = args.redis_url
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    if fresh:
        from bench.make_data import build

        print(f"building {size} volunteers ...")
        build(size)
    call_command("migrate", "floor", verbosity=0)
    cache.clear()
    vendor = "PostgreSQL" if connection.vendor == "postgresql" else "SQLite"
    pages = _pages()
    if args.only:
        pages = {k: v for k, v in pages.items() if k in args.only}
    floors = {name: _floor_for(spec[0], spec[1]) for name, spec in pages.items()}

    print(
        f"\n{size} volunteers ({vendor}, sessions in "
        f"{'Redis' if args.redis_url else 'the database'}), {args.rounds} rounds"
    )
    times = {name: ([], []) for name in pages}
    for _ in range(args.rounds):
        for name, (client, url, *before) in pages.items():
            floor_url, host = floors[name]
            times[name][0].append(_time(client, url, before=before))
            times[name][1].append(_time(client, floor_url, host))
    print(
        f"{'page':<34} {'median ms':>9} {'p10-p90':>11} {'queries':>7} "
        f"{'floor ms':>8} {'floor q':>7} {'bytes':>7} {'ratio':>6}"
    )
    for name, (client, url, *before) in pages.items():
        floor_url, host = floors[name]
        page_times, floor_times = times[name]
        for forget in before:
            forget()
        queries, length = _queries(client, url)
        floor_queries, _ = _queries(client, floor_url, host)
        median = statistics.median(page_times)
        floor = statistics.median(floor_times)
        deciles = statistics.quantiles(page_times, n=10)
        print(
            f"{name:<34} {median:>9.2f} {deciles[0]:>5.1f}-{deciles[-1]:<5.1f} "
            f"{queries:>7} {floor:>8.2f} {floor_queries:>7} {length:>7} "
            f"{median / floor:>5.2f}×"
        )


def _time(client, url, host=None, before=()) -> float:
    """One request's time (``before``: what to do first, untimed)."""
    extra = {"HTTP_HOST": host} if host else {}
    for forget in before:
        forget()
    start = time.perf_counter()
    response = client.get(url, **extra)
    elapsed = (time.perf_counter() - start) * 1000
    assert response.status_code == 200, (
        url,
        response.status_code,
        response.get("Location"),
    )
    return elapsed


def _queries(client, url, host=None) -> tuple[int, int]:
    from django.db import connection

    extra = {"HTTP_HOST": host} if host else {}
    executed = []
    with connection.execute_wrapper(
        lambda execute, sql, params, many, context: (
            executed.append(sql) or execute(sql, params, many, context)
        )
    ):
        response = client.get(url, **extra)
    assert response.status_code == 200, (
        url,
        response.status_code,
        response.get("Location"),
    )
    return len(executed), len(response.content)


def _signed_in(user):
    from django.test import Client, override_settings

    client = Client()
    # django-axes refuses a sign-in without a request; the session is real.
    with override_settings(AXES_ENABLED=False):
        client.force_login(user)
    return client


def _pages() -> dict:
    from django.db.models import Count
    from django.test import Client

    from certificates.models import IssuedCertificate
    from courses import services
    from courses.models import CoursePage, Enrollment, LessonPage
    from courses.quiz.models import QuizPage
    from lms.accounts.models import User
    from lms.dataprotection.services import notice_accept
    from lms.pagecache import forget_reader as forget

    volunteer = User.objects.get(username="volunteer")
    admin = User.objects.get(username="administrator")
    for course in CoursePage.objects.filter(
        locale__language_code="th", prerequisite_links__isnull=True
    ):
        services.enrollment_create(user=volunteer, course=course)
    typical_id = (
        Enrollment.objects.exclude(user=volunteer)
        .values("user")
        .annotate(n=Count("pk"))
        .filter(n=5)
        .order_by("user")
        .values_list("user", flat=True)
        .first()
    )
    typical = User.objects.get(pk=typical_id)
    notice_accept(user=typical)
    enrolled = Enrollment.objects.filter(user=volunteer).count()
    typical_count = Enrollment.objects.filter(user=typical).count()
    course = CoursePage.objects.get(
        slug="spotting-fake-news", locale__language_code="th"
    )
    lesson = LessonPage.objects.descendant_of(course).first()
    quiz = QuizPage.objects.descendant_of(course).first()
    certificate = IssuedCertificate.objects.order_by("pk").last()
    learner = _signed_in(volunteer)
    person = _signed_in(typical)
    staff = _signed_in(admin)
    anonymous = Client()
    return {
        "home": (learner, "/th/"),
        "catalogue": (learner, "/th/courses/"),
        "course": (learner, course.url),
        "lesson": (learner, lesson.url),
        "quiz": (learner, quiz.url),
        f"My learning ({enrolled} enrolments)": (learner, "/th/learn/"),
        f"My learning ({typical_count} enrolments)": (person, "/th/learn/"),
        # The first view after something of theirs changed (a step done...):
        # nothing kept of the page, made again and kept.
        f"My learning ({enrolled}, made)": (
            learner,
            "/th/learn/",
            lambda: forget(volunteer.pk),
        ),
        f"My learning ({typical_count}, made)": (
            person,
            "/th/learn/",
            lambda: forget(typical.pk),
        ),
        "competencies": (learner, "/th/learn/competencies/"),
        "certificates": (learner, "/th/certificates/"),
        "search": (learner, "/th/search/?q=ข่าวปลอม"),
        "verify": (anonymous, f"/verify/{certificate.code}/"),
        "home (anonymous)": (anonymous, "/th/"),
        "catalogue (anonymous)": (anonymous, "/th/courses/"),
        "lesson (anonymous)": (anonymous, lesson.url),
        "admin: issued certificates": (
            staff,
            "/admin/snippets/certificates/issuedcertificate/",
        ),
    }


def _floor_for(client, url) -> tuple[str, str | None]:
    """A floor page at the URL depth of ``url``, padded to its bytes: its URL
    and the host to ask for (the home page's floor is another site's root)."""
    from wagtail.models import Locale, Page, Site

    from bench.floor.models import FloorPage

    response = client.get(url)
    assert response.status_code == 200, (
        url,
        response.status_code,
        response.get("Location"),
    )
    target = len(response.content)
    segments = [s for s in urlsplit(url).path.split("/") if s]
    depth = max(0, len(segments) - 1)  # the first segment is the language
    thai = Locale.objects.get(language_code="th")
    site = Site.objects.filter(hostname=FLOOR_HOST).first()
    if site is None:
        root = Page.get_first_root_node().add_child(
            instance=FloorPage(title="floor", slug="floor-site", locale=thai)
        )
        site = Site.objects.create(hostname=FLOOR_HOST, port=80, root_page=root)
    host = FLOOR_HOST
    if depth == 0:
        leaf, path = site.root_page.specific, "/th/"
    else:
        # Under the floor site's root, so Wagtail's own routing walks the path.
        parent = site.root_page.specific
        for _ in range(depth - 1):
            child = FloorPage.objects.child_of(parent).filter(slug="f").first()
            parent = child or parent.add_child(
                instance=FloorPage(title="f", slug="f", locale=thai)
            )
        slug = f"floor-{target}"
        leaf = FloorPage.objects.child_of(parent).filter(slug=slug).first()
        if leaf is None:
            leaf = parent.add_child(
                instance=FloorPage(title="บทเรียน", slug=slug, locale=thai)
            )
        path = "/th" + leaf.url_path[len(site.root_page.url_path) - 1 :]
    extra = {"HTTP_HOST": host} if host else {}
    for _ in range(3):
        got = len(client.get(path, **extra).content)
        if got == target:
            break
        leaf.body += "x" * (target - got) if got < target else ""
        if got > target:
            leaf.body = leaf.body[: len(leaf.body) - (got - target)]
        leaf.save()
    return path, host


if __name__ == "__main__":
    main()
