"""Load test: signed-in volunteers studying, taking quizzes and downloading
certificates, against the production settings under gunicorn on PostgreSQL.

    python bench/load.py [--volunteers 2000] [--users 16] [--seconds 60]
                         [--database-url postgres://postgres@127.0.0.1:5432/lms_load]
                         [--restart-postgres]

Builds the national dataset (``bench/make_data.py``) in the given PostgreSQL
database (dropped and created), collects static files, starts gunicorn with
``lms/gunicorn.py`` on loopback, and runs ``--users`` threads for
``--seconds``, each a volunteer who signs in and then, in a loop: opens a
course, enrols, reads the next lesson and marks it complete, starts and
submits the next quiz, opens *My certificates* and downloads a PDF.

Prints requests/s, median and p95 per kind of request, and errors (any
status other than the expected ones). Then checks the database: every
completion the server confirmed is stored exactly once, and every attempt it
confirmed as submitted is graded exactly once. ``--restart-postgres``
restarts the PostgreSQL cluster half-way and reports what failed while it
was down and that requests succeed again afterwards without anyone acting.
Loopback only; bounded by time and by the number of users.
"""

import argparse
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PASSWORD = "bench-volunteer-2026"


class Volunteer:
    """A phone: keeps its cookies itself (the production cookies are Secure and
    the test talks plain HTTP on loopback behind a pretend TLS proxy)."""

    def __init__(self, base, phone, stats, confirmed):
        self.base, self.phone, self.stats, self.confirmed = (
            base,
            phone,
            stats,
            confirmed,
        )
        self.http = requests.Session()
        self.http.headers.update(
            {"X-Forwarded-Proto": "https", "Accept-Language": "th"}
        )
        self.cookies = {}

    def _call(self, kind, method, path, ok=(200, 302), accept=None, **kwargs):
        headers = {"Referer": self.base.replace("http://", "https://") + path}
        if accept:
            headers["Accept"] = accept
        if method == "post":
            kwargs.setdefault("data", {})["csrfmiddlewaretoken"] = self.cookies.get(
                "csrftoken", ""
            )
        start = time.perf_counter()
        try:
            response = self.http.request(
                method,
                self.base + path,
                cookies=self.cookies,
                headers=headers,
                allow_redirects=False,
                timeout=30,
                **kwargs,
            )
        except requests.RequestException as error:
            self.stats.record(
                kind, time.perf_counter() - start, f"{type(error).__name__}"
            )
            return None
        for name, value in response.cookies.items():
            self.cookies[name] = value
        status = response.status_code
        self.stats.record(
            kind, time.perf_counter() - start, None if status in ok else str(status)
        )
        return response if status in ok else None

    def sign_in(self):
        self._call("sign-in page", "get", "/th/accounts/login/")
        done = self._call(
            "sign in",
            "post",
            "/th/accounts/login/",
            ok=(302,),
            data={"username": self.phone, "password": PASSWORD},
        )
        return done is not None

    def study(self, course, rng):
        self._call("course page", "get", course["url"])
        self._call("enrol", "post", f"/th/learn/enrol/{course['id']}/")
        for step in course["steps"]:
            if step["kind"] == "lesson":
                self._call("lesson page", "get", step["url"])
                # As the lesson page's script does: JSON, so that only a real
                # completion ({"ok": true}) counts as confirmed.
                done = self._call(
                    "complete lesson",
                    "post",
                    f"/th/learn/complete/{step['id']}/",
                    ok=(200,),
                    accept="application/json",
                )
                if done is not None and done.json().get("ok"):
                    self.confirmed["steps"].add((self.phone, step["id"]))
            else:
                started = self._call(
                    "start quiz", "post", f"/th/quiz/start/{step['id']}/"
                )
                if started is None or "/quiz/attempt/" not in started.headers.get(
                    "Location", ""
                ):
                    continue  # passed already, or no attempts left: the quiz page says so
                attempt_path = urlsplit(started.headers["Location"]).path
                page = self._call("quiz page", "get", attempt_path)
                if page is None:
                    continue
                answers = {}
                for name, value in re.findall(
                    r'name="(q\d+)" value="(\d+)"', page.text
                ):
                    answers.setdefault(name, []).append(value)
                choice = {name: rng.choice(values) for name, values in answers.items()}
                if (
                    self._call(
                        "submit quiz", "post", attempt_path + "submit/", data=choice
                    )
                    is not None
                ):
                    self.confirmed["attempts"].add(
                        attempt_path.rstrip("/").rsplit("/", 1)[-1]
                    )
            if rng.random() < 0.5:
                break  # a phone session is short: a step or two, then later more
        mine = self._call("my certificates", "get", "/th/certificates/")
        if mine is not None:
            link = re.search(r'href="(/th/certificates/[0-9A-Z-]+/pdf/)"', mine.text)
            if link:
                self._call("certificate PDF", "get", link.group(1), ok=(200,))


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.times = defaultdict(list)
        self.errors = defaultdict(int)
        self.timeline = []  # (time, ok)

    def record(self, kind, seconds, error):
        with self.lock:
            self.times[kind].append(seconds)
            self.timeline.append((time.perf_counter(), error is None))
            if error:
                self.errors[f"{kind}: {error}"] += 1


def _prepare(database_url, volunteers):
    parts = urlsplit(database_url)
    admin = urlunsplit(parts._replace(path="/postgres"))
    import psycopg

    name = parts.path.lstrip("/")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "lms.settings.test",
        # The demo's emblem and signatures where the bench gunicorn reads
        # media (gunicorn_env), so the certificate PDFs have them.
        "TEST_MEDIA_ROOT": str(ROOT / "bench" / "out" / "media"),
    }
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "make_data.py"),
            "--volunteers",
            str(volunteers),
            "--database-url",
            database_url,
        ],
        env=env,
        check=True,
    )


def _plan(database_url):
    """Volunteers' phones and the open courses with their steps, read once."""
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "lms.settings.test"
    import django

    django.setup()
    from courses.models import CoursePage
    from courses.progress_selectors import course_steps
    from courses.quiz.models import QuizPage
    from lms.accounts.models import User

    courses = []
    for course in CoursePage.objects.live().filter(
        locale__language_code="th", prerequisite_links__isnull=True
    ):
        steps = [
            {
                "kind": "quiz" if s.specific_class is QuizPage else "lesson",
                "id": s.pk,
                "url": s.specific.url,
            }
            for s in course_steps(course=course)
        ]
        courses.append({"id": course.pk, "url": course.url, "steps": steps})
    phones = list(
        User.objects.filter(username__startswith="v").values_list("phone", flat=True)[
            :5000
        ]
    )
    return courses, phones


def gunicorn_env(
    *, settings: str, port: int, database_url: str, redis_url: str, **extra
):
    """The environment of a bench gunicorn on loopback: production-like
    settings, the bench's own database, Redis, static and media files,
    no access log; ``extra`` adds or overrides variables."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings,
        "DJANGO_SECRET_KEY": "bench-" + "s" * 50,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "DJANGO_STATIC_ROOT": str(ROOT / "bench" / "out" / "static"),
        "DJANGO_MEDIA_ROOT": str(ROOT / "bench" / "out" / "media"),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_ACCESS_LOG": "/dev/null",
        **extra,
    }


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(base):
    """Until gunicorn answers. As from behind the TLS proxy, and without
    following redirects: the production settings send plain HTTP to https,
    and a TLS handshake on the plain port is what gunicorn logs as an
    invalid request line ("bare LF as line terminator")."""
    for _ in range(150):
        try:
            requests.get(
                base + "/healthz",
                headers={"X-Forwarded-Proto": "https"},
                allow_redirects=False,
                timeout=10,
            )
            return
        except (requests.ConnectionError, requests.Timeout):
            time.sleep(0.2)
    raise SystemExit("gunicorn did not start")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--volunteers", type=int, default=2000)
    parser.add_argument("--users", type=int, default=16)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/lms_load"
    )
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/14")
    parser.add_argument("--restart-postgres", action="store_true")
    parser.add_argument(
        "--reuse", action="store_true", help="keep the database built before"
    )
    args = parser.parse_args()
    args.users = min(args.users, 64)
    args.seconds = min(args.seconds, 600)

    if not args.reuse:
        _prepare(args.database_url, args.volunteers)
    courses, phones = _plan(args.database_url)
    port = _free_port()
    env = gunicorn_env(
        settings="lms.settings.production",
        port=port,
        database_url=args.database_url,
        redis_url=args.redis_url,
    )
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "python:lms.gunicorn", "lms.wsgi"],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    _wait(base)

    stats = Stats()
    confirmed = {"steps": set(), "attempts": set()}
    stop = time.perf_counter() + args.seconds
    restart = {}

    def user(n):
        rng = random.Random(n)
        phone = phones[n % len(phones)]
        volunteer = Volunteer(base, phone, stats, confirmed)
        while not volunteer.sign_in():
            if time.perf_counter() > stop:
                return
            time.sleep(0.5)
        while time.perf_counter() < stop:
            volunteer.study(rng.choice(courses), rng)

    threads = [threading.Thread(target=user, args=(n,)) for n in range(args.users)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    if args.restart_postgres:
        time.sleep(args.seconds / 2)
        version = sorted(os.listdir("/etc/postgresql"))[-1]
        restart["at"] = time.perf_counter()
        subprocess.run(
            ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart"],
            check=True,
        )
        restart["back"] = time.perf_counter()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    server.terminate()
    server.wait(timeout=30)

    total = sum(len(t) for t in stats.times.values())
    errors = sum(stats.errors.values())
    print(
        f"\n{args.users} volunteers for {elapsed:.0f} s against gunicorn ({env['GUNICORN_BIND']}), production settings, PostgreSQL + Redis"
    )
    print(f"{total} requests, {total / elapsed:.1f} requests/s, errors: {errors}")
    print(f"{'request':<18} {'count':>6} {'median ms':>10} {'p95 ms':>8}")
    for kind, times in sorted(stats.times.items()):
        ordered = sorted(times)
        print(
            f"{kind:<18} {len(times):>6} {statistics.median(times) * 1000:>10.0f} {ordered[int(0.95 * (len(ordered) - 1))] * 1000:>8.0f}"
        )
    for what, count in sorted(stats.errors.items()):
        print(f"  error {what}: {count}")
    if restart:
        during = [
            ok
            for t, ok in stats.timeline
            if restart["at"] - 1 <= t <= restart["back"] + 5
        ]
        after = [ok for t, ok in stats.timeline if t > restart["back"] + 5]
        print(
            f"PostgreSQL restarted in {restart['back'] - restart['at']:.1f} s: {during.count(False)} of {len(during)} requests around it failed; after it {after.count(True)} of {len(after)} succeeded"
        )

    from django.db import connections
    from django.db.models import Count

    connections.close_all()  # the restart (if any) killed this process' connection too

    from courses.models import StepCompletion
    from courses.quiz.models import Attempt
    from lms.accounts.models import User

    by_phone = dict(
        User.objects.filter(phone__in={p for p, _ in confirmed["steps"]}).values_list(
            "phone", "pk"
        )
    )
    stored = set(
        StepCompletion.objects.filter(user_id__in=by_phone.values()).values_list(
            "user_id", "page_id"
        )
    )
    lost = [(p, s) for p, s in confirmed["steps"] if (by_phone[p], s) not in stored]
    duplicates = (
        StepCompletion.objects.values("user_id", "page_id")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
        .count()
    )
    graded = (
        Attempt.objects.filter(public_id__in=confirmed["attempts"])
        .exclude(submitted_at=None)
        .count()
    )
    print(
        f"completions confirmed {len(confirmed['steps'])}, lost {len(lost)}, duplicated {duplicates}"
    )
    print(f"attempts confirmed submitted {len(confirmed['attempts'])}, graded {graded}")


if __name__ == "__main__":
    main()
