"""The first search after start-up against the rest, with and without the
tokenizer warm-up that ``lms/wsgi.py`` does, and the cost of a search.

    python bench/search.py [--repeat 20]

Each case runs in a fresh Python process on a fresh SQLite database with the
demo curriculum (``load_demo``): "cold" sets Django up the way a management
command does, "wsgi" imports ``lms.wsgi`` as gunicorn and runserver do.
Prints the start-up time, the first page (the home page, which pays
Django's and Wagtail's own first-request costs), then the first search and
the median of the next ones.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, os, statistics, sys, time
sys.path.insert(0, {root!r})
os.environ["DJANGO_SETTINGS_MODULE"] = "lms.settings.dev"
t0 = time.perf_counter()
if {wsgi}:
    import lms.wsgi  # noqa: F401
else:
    import django
    django.setup()
startup = time.perf_counter() - t0
from django.test import Client
client = Client()
t = time.perf_counter()
client.get("/th/")  # the site's own first-request costs, not the search's
home = time.perf_counter() - t
queries = ["แก๊งคอล", "ข่าวปลอม", "ตรวจสอบ", "ออนไลน์", "มิจฉาชีพ", "fake news"]
times = []
for n in range({repeat} + 1):
    t = time.perf_counter()
    status = client.get("/th/search/", {{"q": queries[n % len(queries)]}}).status_code
    times.append(time.perf_counter() - t)
    assert status == 200, status
print(json.dumps({{"startup": startup, "home": home, "first": times[0],
                   "rest": statistics.median(times[1:])}}))
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3",
            "DJANGO_SETTINGS_MODULE": "lms.settings.dev",
        }
        manage = [sys.executable, str(ROOT / "manage.py")]
        subprocess.run([*manage, "migrate", "-v0"], env=env, check=True)
        subprocess.run([*manage, "load_demo"], env=env, check=True, capture_output=True)
        for name, wsgi in (("cold (no warm-up)", False), ("wsgi (warm-up)", True)):
            code = CHILD.format(root=str(ROOT), wsgi=wsgi, repeat=args.repeat)
            out = subprocess.run(
                [sys.executable, "-c", code], env=env, check=True, capture_output=True
            ).stdout.decode()
            r = json.loads(out.strip().splitlines()[-1])
            print(
                f"{name:20} start-up {r['startup'] * 1000:7.0f} ms   "
                f"first page (home) {r['home'] * 1000:7.0f} ms   "
                f"first search {r['first'] * 1000:7.1f} ms   "
                f"next (median) {r['rest'] * 1000:6.1f} ms"
            )


if __name__ == "__main__":
    main()
