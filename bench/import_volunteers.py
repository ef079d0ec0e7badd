"""Time the volunteer import: preview and confirmed import of a clean file.

    python bench/import_volunteers.py [--rows 12000] [--xlsx]

Generates a clean file over real provinces, districts and sub-districts
(codes, Thai names and prefixed names mixed; a tenth of the rows carry a
recognised level), then in a throw-away SQLite database times the preview
(dry run), the import, and re-importing the same file as updates, printing
seconds, rows per second and queries.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=12000)
    parser.add_argument(
        "--xlsx", action="store_true", help="use an Excel file instead of CSV"
    )
    args = parser.parse_args()
    db = Path(tempfile.mkdtemp()) / "import.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "lms.settings.test"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    call_command("migrate", verbosity=0)
    from competencies.demo import load_demo_ladder
    from competencies.services import load_programme_framework
    from lms.accounts.models import User
    from lms.volunteers.importing import volunteer_import
    from tests.volunteers.generate import generate_rows, to_csv, to_xlsx

    load_programme_framework()
    load_demo_ladder()
    start = time.perf_counter()
    rows = generate_rows(args.rows, levels=("village",))
    data = to_xlsx(rows) if args.xlsx else to_csv(rows, bom=True)
    name = "volunteers.xlsx" if args.xlsx else "volunteers.csv"
    took = time.perf_counter() - start
    size = len(data) / 1e6
    print(f"generated {args.rows} rows ({size:.1f} MB {name}) in {took:.1f}s")

    for label, dry_run in (
        ("preview (dry run)", True),
        ("import", False),
        ("re-import (updates)", False),
    ):
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            result, summary = volunteer_import(
                data=data, file_name=name, dry_run=dry_run
            )
            elapsed = time.perf_counter() - start
        assert not result.has_errors() and not result.has_validation_errors(), (
            result.invalid_rows[:3]
        )
        print(
            f"{label:22s} {elapsed:6.2f}s  {args.rows / elapsed:8.0f} rows/s  "
            f"{len(ctx.captured_queries):5d} queries  new={summary.created} updated={summary.updated} "
            f"evidence={summary.evidence_recorded}"
        )
    print(f"people in the database: {User.objects.count()}")

    # What an administrator waits for: the admin's preview page for the file.
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    admin = User.objects.create_superuser("bench-admin", "bench@example.org", "x")
    client = Client()
    client.force_login(admin)
    start = time.perf_counter()
    response = client.post(
        "/admin/volunteers/import/",
        {"action": "preview", "file": SimpleUploadedFile(name, data)},
    )
    took = time.perf_counter() - start
    assert response.status_code == 200
    size = len(response.content) / 1e6
    print(f"admin preview page     {took:6.2f}s  ({size:.1f} MB HTML)")


if __name__ == "__main__":
    main()
