"""Time and queries to recompute every volunteer's level after a rule change.

    python bench/levels.py [--volunteers 12000]

Creates a throw-away SQLite database with the programme's framework and
ladder, N volunteers with 1-4 pieces of evidence each (bulk inserts), then
runs the background recomputation once from scratch and once after a rule
change, printing time, queries and queries per 1,000 volunteers.
"""

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--volunteers", type=int, default=12000)
    args = parser.parse_args()
    db = Path(tempfile.mkdtemp()) / "levels.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "lms.settings.test"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    from competencies import services
    from competencies.demo import load_demo_ladder
    from competencies.models import CompetencyEvidence, LevelRequirement, RecomputeRun
    from lms.accounts.models import User

    load_programme = services.load_programme_framework
    load_programme()
    load_demo_ladder()
    from competencies.models import Competency

    competencies = list(Competency.objects.all())
    rng = random.Random(7)
    start = time.perf_counter()
    User.objects.bulk_create(
        [
            User(username=f"v{i}", password="!", phone=f"08{i:08d}")
            for i in range(args.volunteers)
        ],
        batch_size=2000,
    )
    evidence = []
    for uid in User.objects.values_list("pk", flat=True):
        for competency in rng.sample(competencies, rng.randint(1, 4)):
            evidence.append(
                CompetencyEvidence(
                    user_id=uid,
                    competency=competency,
                    proficiency=rng.randint(1, 3),
                    source="assessment",
                    comment="bench",
                )
            )
    CompetencyEvidence.objects.bulk_create(evidence, batch_size=5000)
    print(
        f"{args.volunteers} volunteers, {len(evidence)} evidence rows made in {time.perf_counter() - start:.1f} s"
    )

    for label, change in (("first computation", None), ("after a rule change", "D1")):
        if change:
            LevelRequirement.objects.filter(level__code="village").update(
                min_proficiency=2
            )
        executed = []
        # The run is executed here, inline, as one worker would (not enqueued).
        run = RecomputeRun.objects.create(cause=label, total=User.objects.count())
        start = time.perf_counter()
        with connection.execute_wrapper(
            lambda execute, sql, params, many, context, log=executed: (
                log.append(sql) or execute(sql, params, many, context)
            )
        ):
            run = services.recompute_run_execute(run_id=run.pk)
        seconds = time.perf_counter() - start
        print(
            f"{label:<22} {seconds:6.2f} s  {len(executed):5d} queries "
            f"({1000 * len(executed) / args.volunteers:.1f} per 1,000 volunteers)  {run.changed} levels changed"
        )


if __name__ == "__main__":
    main()
