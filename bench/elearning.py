"""Time to check and unpack uploaded packages, and to store runtime commits.

    python bench/elearning.py [--files 2000] [--commits 200]

Throw-away SQLite database and package directory. Builds a SCORM 1.2
package (the test package plus N small asset files, about what an
Articulate export holds), times ``package_create`` (checks, defusedxml
manifest, streamed unpacking) against a bare ``ZipFile.extractall`` of the
same archive, then times N commits through the JSON endpoint with the
Django test client (median and p95, queries per commit).
"""

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--commits", type=int, default=200)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp())
    os.environ["DATABASE_URL"] = f"sqlite:///{work / 'bench.sqlite3'}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "lms.settings.test"
    os.environ["TEST_MEDIA_ROOT"] = str(work / "media")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    call_command("migrate", verbosity=0)
    settings.ELEARNING_ROOT = work / "packages"
    from courses import services as course_services
    from elearning import services
    from tests import factories
    from tests.elearning import packages
    from tests.elearning.helpers import make_package_step, upload

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in packages.scorm12_files().items():
            archive.writestr(name, content)
        for n in range(args.files):
            archive.writestr(
                f"story_content/asset{n}.js", f"window.a{n} = '{'x' * 2000}';"
            )
    data = buffer.getvalue()

    start = time.perf_counter()
    bare = work / "bare"
    zipfile.ZipFile(io.BytesIO(data)).extractall(bare)
    bare_s = time.perf_counter() - start
    start = time.perf_counter()
    services.package_create(upload=upload(data))
    ours_s = time.perf_counter() - start
    print(f"package of {args.files + 3} files, {len(data) / 1e6:.1f} MB zipped:")
    print(
        f"  package_create {ours_s * 1000:.0f} ms, bare extractall {bare_s * 1000:.0f} ms ({ours_s / bare_s:.2f}x)"
    )

    course = factories.make_course(
        factories.make_catalogue(factories.ensure_site()), modules=1, lessons=1
    )
    step = make_package_step(course, packages.scorm12_zip())
    learner = factories.make_user()
    course_services.enrollment_create(user=learner, course=course)
    attempt = services.attempt_open(user=learner, page=step)
    client = Client()
    client.force_login(learner)
    url = reverse("elearning:commit", args=[attempt.public_id])
    times, queries = [], []
    for n in range(1, args.commits + 1):
        cmi = {
            "core": {"lesson_status": "incomplete", "lesson_location": f"p{n}"},
            "suspend_data": "q" * 2000,
        }
        body = {"seq": n, "cmi": cmi}
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.post(url, data=body, content_type="application/json")
            times.append(time.perf_counter() - start)
        assert response.status_code == 200
        queries.append(len(captured))
    times.sort()
    print(
        f"{args.commits} commits: median {statistics.median(times) * 1000:.1f} ms, "
        f"p95 {times[int(len(times) * 0.95) - 1] * 1000:.1f} ms, {max(queries)} queries each"
    )


if __name__ == "__main__":
    main()
