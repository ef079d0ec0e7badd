"""Lesson-page throughput per core under gunicorn, against the floor page.

    python bench/throughput.py [--volunteers 2000] [--reuse]
                               [--database-url postgres://postgres@127.0.0.1:5432/lms_throughput]
                               [--redis-url redis://127.0.0.1:6379/12]
                               [--rounds 5] [--seconds 8] [--connections 4]
                               [--threads 4] [--profile 200]

Builds the national dataset of ``bench/make_data.py`` in the PostgreSQL
database of ``--database-url`` (dropped and made again, as ``bench/load.py``
does; ``--reuse`` keeps one built before), collects static files and starts
gunicorn (``lms/gunicorn.py``) with ONE gthread worker (``--threads``, 4 as
in production) pinned to CPU 0 (``taskset -c 0``), with the production
settings plus the bench-only floor app (``bench/throughput_settings.py``),
cache and sessions in Redis (``--redis-url``). A volunteer signs in over
HTTP as in ``bench/load.py`` (the Secure cookies are kept by the client
itself, behind a pretend TLS proxy: ``X-Forwarded-Proto: https``) and enrols
in the course of the lesson ``bench/pages.py`` measures (and has accepted
the privacy notice: else the lesson is a redirect to it). The floor is
``bench/pages.py``'s: a bare Wagtail page of the second site
``floor.testserver`` at the lesson's URL depth, padded to the bytes the
lesson page has over HTTP, served by the same worker and middleware.

The client is ``wrk`` pinned to CPU 1 (Debian package ``wrk``:
``apt-get install wrk``; without it, a Python keep-alive client on CPU 1),
``--connections`` keep-alive connections sending the session cookie,
``X-Forwarded-Proto: https`` and ``Accept-Language: th``. Each round runs
the lesson for ``--seconds`` and then the floor, so both see the same
machine; prints requests/s of each per round and the medians, their ratio,
the worker's own CPU time a request (user + system from ``/proc``: less
inflated by the other work of a shared machine than requests/s), and the
responses that are not the page (status other than 200, or a 200
without the page's title: a redirect to sign-in counts). PostgreSQL and
Redis are not pinned: on a 2-core machine they share both cores.

``--profile N`` then profiles N lesson requests in-process under the same
settings and session (cProfile) and prints the top costs.
Loopback only; bounded by rounds × seconds.
"""

import argparse
import cProfile
import html
import os
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.client import HTTPConnection
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load import (  # noqa: E402
    Stats,
    Volunteer,
    _free_port,
    _prepare,
    _wait,
    gunicorn_env,
)
from bench.pages import _floor_for, _queries  # noqa: E402

WRK_SCRIPT = """
local threads = {}
function setup(thread)
  table.insert(threads, thread)
end
function init(args)
  marker = args[1]
  bad = 0
end
function response(status, headers, body)
  if status ~= 200 or not string.find(body, marker, 1, true) then
    bad = bad + 1
  end
end
function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("bad")
  end
  io.write(string.format("NOT-THE-PAGE %d\\n", total))
end
"""


class _Http:
    """What ``bench.pages._floor_for`` asks of a test client, over HTTP to
    the gunicorn with the signed-in volunteer's cookies."""

    def __init__(self, volunteer: Volunteer):
        self.volunteer = volunteer

    def get(self, path, HTTP_HOST=None):
        headers = {"Host": HTTP_HOST} if HTTP_HOST else {}
        response = self.volunteer.http.get(
            self.volunteer.base + path,
            cookies=self.volunteer.cookies,
            headers=headers,
            allow_redirects=False,
            timeout=30,
        )
        response.get = response.headers.get
        return response


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--volunteers", type=int, default=2000)
    parser.add_argument(
        "--database-url",
        default="postgres://postgres@127.0.0.1:5432/lms_throughput",
    )
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/12")
    parser.add_argument("--reuse", action="store_true", help="keep the dataset")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--threads", type=int, default=4, help="gthread threads")
    parser.add_argument("--profile", type=int, default=0, help="lesson requests")
    args = parser.parse_args()
    args.rounds = min(args.rounds, 20)
    args.seconds = min(args.seconds, 60)

    if not args.reuse:
        _prepare(args.database_url, args.volunteers)
    port = _free_port()
    env = gunicorn_env(
        settings="bench.throughput_settings",
        port=port,
        database_url=args.database_url,
        redis_url=args.redis_url,
        GUNICORN_WORKERS="1",
        GUNICORN_THREADS=str(args.threads),
        GUNICORN_MAX_REQUESTS="0",  # no recycling in the middle of a round
    )
    for command in (["collectstatic", "--noinput"], ["migrate", "floor"]):
        subprocess.run(
            [sys.executable, "manage.py", *command, "-v0"],
            cwd=ROOT,
            env=env,
            check=True,
        )
    os.environ.update(env)
    import django

    django.setup()
    from django.core.cache import cache

    cache.clear()  # Redis db of this bench only: no sessions or pages left over
    lesson_url, title, phone = _lesson()

    server = subprocess.Popen(
        ["taskset", "-c", "0", sys.executable, "-m", "gunicorn"]
        + ["-c", "python:lms.gunicorn", "lms.wsgi"],
        cwd=ROOT,
        env=env,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        _wait(base)
        volunteer = Volunteer(base, phone, Stats(), {"steps": set()})
        assert volunteer.sign_in(), "the volunteer could not sign in"
        http = _Http(volunteer)
        floor_url, host = _floor_for(http, lesson_url)
        floor_title = "บทเรียน"  # bench.pages._floor_for's
        marker = html.escape(title, quote=False)
        lesson_bytes = _check(http, lesson_url, None, marker)
        floor_bytes = _check(http, floor_url, host, floor_title)
        cookie = "; ".join(f"{k}={v}" for k, v in volunteer.cookies.items())
        targets = {
            "lesson": (base + lesson_url, None, marker),
            "floor": (base + floor_url, host, floor_title),
        }
        wrk = shutil.which("wrk")
        client = "wrk" if wrk else "Python keep-alive client"
        print(
            f"\nlesson {lesson_url} ({lesson_bytes} bytes), floor "
            f"{host}{floor_url} ({floor_bytes} bytes); gunicorn 1 worker × "
            f"{args.threads} threads on CPU 0, {client} with "
            f"{args.connections} connections on CPU 1, production settings, "
            "PostgreSQL + Redis"
        )
        for url, host, mark in targets.values():  # warm both up
            _load(wrk, url, host, mark, cookie, args.connections, 2)
        worker = _worker(server.pid)
        rates = {"lesson": [], "floor": []}
        cpu = {"lesson": [], "floor": []}
        wrong = 0
        print(
            f"{'round':>5} {'lesson/s':>9} {'floor/s':>8} {'ratio':>6} "
            f"{'lesson CPU ms':>13} {'floor CPU ms':>12} {'not the page':>12}"
        )
        for n in range(1, args.rounds + 1):
            for name, (url, host, mark) in targets.items():
                before = _cpu_seconds(worker)
                rate, bad, count = _load(
                    wrk, url, host, mark, cookie, args.connections, args.seconds
                )
                rates[name].append(rate)
                cpu[name].append((_cpu_seconds(worker) - before) * 1000 / count)
                wrong += bad
            print(
                f"{n:>5} {rates['lesson'][-1]:>9.1f} {rates['floor'][-1]:>8.1f} "
                f"{rates['floor'][-1] / rates['lesson'][-1]:>5.2f}× "
                f"{cpu['lesson'][-1]:>13.1f} {cpu['floor'][-1]:>12.1f} {wrong:>12}"
            )
        lesson, floor = (statistics.median(rates[k]) for k in ("lesson", "floor"))
        lesson_cpu, floor_cpu = (statistics.median(cpu[k]) for k in cpu)
        print(
            f"{'median':>5} {lesson:>9.1f} {floor:>8.1f} {floor / lesson:>5.2f}× "
            f"{lesson_cpu:>13.1f} {floor_cpu:>12.1f} {wrong:>12}"
        )
        print(
            "requests/s on CPU 0 (shared with PostgreSQL, Redis and whatever "
            "else runs); the worker's own CPU time a request (user + system) "
            f"puts one core's capacity at {1000 / lesson_cpu:.0f} lessons/s, "
            f"{1000 / floor_cpu:.0f} floors/s"
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
    if args.profile:
        _profile(
            {"lesson": (lesson_url, None), "floor": (floor_url, host)},
            volunteer.cookies,
            args.profile,
        )


def _lesson():
    """bench/pages.py's lesson, its title, and the phone of a volunteer who
    has accepted the privacy notice and is enrolled in the lesson's course
    (as ``bench.pages._pages`` does for its reader)."""
    from courses import services
    from courses.models import CoursePage, LessonPage
    from lms.accounts.models import User
    from lms.dataprotection.services import notice_accept

    course = CoursePage.objects.get(
        slug="spotting-fake-news", locale__language_code="th"
    )
    lesson = LessonPage.objects.descendant_of(course).first()
    user = (
        User.objects.filter(username__regex=r"^v[0-9]+$", is_active=True)
        .order_by("pk")
        .first()
    )
    notice_accept(user=user)
    services.enrollment_create(user=user, course=course)
    # The path: with the floor site there are two sites, and .url is absolute.
    return lesson.get_url_parts()[2], lesson.title, user.phone


def _worker(master: int) -> int:
    """The one gunicorn worker's process id."""
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    assert len(children) == 1, children
    return int(children[0])


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process and all its threads."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _check(http, path, host, marker) -> int:
    """The page itself: 200, not a redirect (to sign-in), with its title."""
    response = http.get(path, HTTP_HOST=host)
    assert response.status_code == 200, (path, response.status_code)
    assert marker in response.text, (path, "not the page")
    assert 'name="password"' not in response.text, (path, "a sign-in form")
    return len(response.content)


def _load(wrk, url, host, marker, cookie, connections, seconds):
    """Requests/s, the responses that were not the page, and the requests."""
    headers = {
        "Cookie": cookie,
        "X-Forwarded-Proto": "https",
        "Accept-Language": "th",
    }
    if host:
        headers["Host"] = host
    if not wrk:
        return _python_load(url, headers, marker, connections, seconds)
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        script.write(WRK_SCRIPT)
        script.flush()
        command = ["taskset", "-c", "1", wrk, "-t1", f"-c{connections}"]
        command += [f"-d{seconds}s", "--timeout", "10s", "-s", script.name]
        for name, value in headers.items():
            command += ["-H", f"{name}: {value}"]
        out = subprocess.run(
            [*command, url, "--", marker],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    count = int(re.search(r"(\d+) requests in", out).group(1))
    bad = int(re.search(r"NOT-THE-PAGE (\d+)", out).group(1))
    errors = re.search(r"Socket errors: (.*)", out)
    if errors:
        print(f"  wrk socket errors: {errors.group(1)}")
    return rate, bad, count


def _python_load(url, headers, marker, connections, seconds):
    """The fallback client: keep-alive connections in threads, on CPU 1."""
    os.sched_setaffinity(0, {1})
    address = url.split("/")[2]
    path = "/" + url.split("/", 3)[3]
    marker = marker.encode()
    counts = {"ok": 0, "bad": 0}
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def run():
        conn = HTTPConnection(address, timeout=10)
        ok = bad = 0
        while time.perf_counter() < stop:
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            body = response.read()
            if response.status == 200 and marker in body:
                ok += 1
            else:
                bad += 1
        conn.close()
        with lock:
            counts["ok"] += ok
            counts["bad"] += bad

    started = time.perf_counter()
    workers = [threading.Thread(target=run) for _ in range(connections)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - started
    os.sched_setaffinity(0, set(range(os.cpu_count())))
    count = counts["ok"] + counts["bad"]
    return count / elapsed, counts["bad"], count


def _profile(targets, cookies, count):
    """``count`` requests of each page in-process (same settings, same
    session): time and queries per request without the profiler, then
    cProfile's top costs, by package and by function."""
    from django.test import Client

    profiles = {}
    for name, (path, host) in targets.items():
        client = Client(
            HTTP_HOST=host or "127.0.0.1",
            HTTP_X_FORWARDED_PROTO="https",
            HTTP_ACCEPT_LANGUAGE="th",
        )
        for key, value in cookies.items():
            client.cookies[key] = value
        for _ in range(20):
            assert client.get(path).status_code == 200, (name, path)
        queries, _bytes = _queries(client, path)
        started = time.perf_counter()
        for _ in range(count):
            client.get(path)
        plain = (time.perf_counter() - started) / count * 1000
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(count):
            client.get(path)
        profiler.disable()
        profiles[name] = pstats.Stats(profiler)
        print(f"\n{name}: {plain:.1f} ms a request in-process, {queries} queries")
    packages = {name: _by_package(stats, count) for name, stats in profiles.items()}
    print(f"\n{'own time by package, ms a request (cProfile)':<48}", end="")
    print("".join(f"{name:>9}" for name in packages))
    lesson = packages["lesson"]
    for package in sorted(lesson, key=lesson.get, reverse=True)[:15]:
        print(f"{package:<48}", end="")
        print("".join(f"{p.get(package, 0):>9.2f}" for p in packages.values()))
    stats = profiles["lesson"]
    stats.sort_stats("cumulative").print_stats(r"/(courses|lms|wagtail|django)/", 40)
    stats.sort_stats("tottime").print_stats(25)


def _by_package(stats, count) -> dict:
    """cProfile's own time (ms a request), by the package of the code."""
    totals = {}
    for (filename, _line, function), row in stats.stats.items():
        if "site-packages/" in filename:
            package = filename.split("site-packages/")[1].split("/")[0]
        elif filename.startswith(str(ROOT)):
            package = "project: " + "/".join(Path(filename).relative_to(ROOT).parts[:2])
        elif filename == "~":
            package = "built-in: " + function.split(" of ")[-1].strip("<>'")[:30]
        else:
            package = "python"
        totals[package] = totals.get(package, 0) + row[2] * 1000 / count
    return totals


if __name__ == "__main__":
    main()
