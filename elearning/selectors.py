"""Reads for package steps: the learner's player and the trainer's results."""

from django.db.models import Avg, Count, Q
from django.templatetags.static import static
from django.urls import reverse

from courses.services import canonical_page
from lms.accounts.selectors import scope_filter

from .models import PackageAttempt, PackageKind, PackagePage
from .services import offline_token, run_token

H5P_PLAYER = "__lms__/h5p.html"


def launch_url(*, token: str, package) -> str:
    """Where the sandboxed frame starts: the SCORM launch file, or our H5P player page."""
    start = H5P_PLAYER if package.kind == PackageKind.H5P else package.launch
    return reverse("elearning_run:run", kwargs={"token": token, "path": start})


def player_context(*, page: PackagePage, user) -> dict:
    """What the package step shows: the open attempt's player, or why not.

    Reads only: an attempt is started with a POST (``elearning:start``).
    """
    canonical = canonical_page(page)
    package = canonical.package if isinstance(canonical, PackagePage) else None
    context = {
        "package": package,
        "pass_mark": canonical.effective_pass_mark()
        if isinstance(canonical, PackagePage)
        else None,
        "attempt": None,
        "attempts": [],
        "launch_url": None,
    }
    if package is None or not user.is_authenticated:
        return context
    attempts = list(
        PackageAttempt.objects.filter(user=user, page=canonical).order_by("-number")
    )
    context["attempts"] = attempts
    current = next(
        (a for a in attempts if not a.closed and a.package_id == package.pk), None
    )
    if current is not None:
        context["attempt"] = current
        context["launch_url"] = launch_url(
            token=run_token(package=package, attempt=current), package=package
        )
    return context


def offline_launch_url(*, package) -> str:
    """The frame a saved course opens offline: the package under its stable token."""
    return launch_url(token=offline_token(package=package), package=package)


def offline_files(*, package) -> list[str]:
    """Every URL the package's frame may ask for under its stable token: the
    launch file (or our H5P player), its starting state and each unpacked
    file, read from the package's directory (no query)."""
    token = offline_token(package=package)
    urls = [
        offline_launch_url(package=package),
        reverse(
            "elearning_run:run", kwargs={"token": token, "path": "__lms__/state.js"}
        ),
    ]
    root = package.directory
    if root.is_dir():
        for file in sorted(root.rglob("*")):
            if file.is_file() and not file.is_symlink():
                path = file.relative_to(root).as_posix()
                url = reverse(
                    "elearning_run:run", kwargs={"token": token, "path": path}
                )
                if url not in urls:
                    urls.append(url)
    return urls


def offline_static(*, package) -> list[str]:
    """The site's own files the frame loads around the package (runtimes, H5P player)."""
    if package.kind == PackageKind.H5P:
        names = (
            "elearning/h5p/styles/h5p.css",
            "elearning/h5p/frame.bundle.js",
            "elearning/h5p/main.bundle.js",
            "elearning/h5p-bridge.js",
        )
    elif package.kind == PackageKind.SCORM_12:
        names = ("elearning/vendor/scorm12.min.js", "elearning/scorm-bridge.js")
    else:
        names = ("elearning/vendor/scorm2004.min.js", "elearning/scorm-bridge.js")
    return [static(name) for name in (*names, "elearning/package-offline.js")]


def preview_launch_url(*, page: PackagePage) -> str | None:
    """The frame for a trainer's preview: the package alone, nothing saved."""
    if page.package is None:
        return None
    return launch_url(
        token=run_token(package=page.package, attempt=None), package=page.package
    )


def attempt_list(*, page: PackagePage, scope=None):
    """A step's attempts for the trainer, newest first, with the learner (one query).

    ``scope`` (province codes, or None for everywhere) limits them to the
    learners in the trainer's provinces.
    """
    attempts = (
        PackageAttempt.objects.filter(page=canonical_page(page))
        .select_related("user", "user__profile")
        .order_by("-updated_at", "-pk")
    )
    if scope is not None:
        attempts = attempts.filter(scope_filter(scope))
    return attempts


def attempt_summary(*, page: PackagePage, scope=None) -> dict:
    """Attempts, learners, passes and the mean score of a step (one query)."""
    return (
        attempt_list(page=page, scope=scope)
        .order_by()
        .aggregate(
            attempts=Count("pk"),
            learners=Count("user", distinct=True),
            passes=Count("pk", filter=Q(passed=True)),
            fails=Count("pk", filter=Q(passed=False)),
            mean_score=Avg("score"),
        )
    )


def _median(values: list[float]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def _rate(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def package_statistics(*, page: PackagePage, scope=None) -> dict:
    """A step's figures for the trainer (one query, whatever the attempts):
    learners who attempted, completed, passed and failed (failed: a failed
    attempt and no pass since), attempts, mean and median score, attempts per
    learner and the share of first attempts with a result that passed.
    ``scope`` limits them to the learners of the trainer's provinces."""
    rows = list(
        attempt_list(page=page, scope=scope)
        .order_by()
        .values_list("user_id", "number", "completed", "passed", "score")
    )
    learners, completed, passed, failed = set(), set(), set(), set()
    first_judged = first_passed = 0
    scores = []
    for user_id, number, done, ok, score in rows:
        learners.add(user_id)
        if done:
            completed.add(user_id)
        if ok is True:
            passed.add(user_id)
        elif ok is False:
            failed.add(user_id)
        if score is not None:
            scores.append(float(score))
        if number == 1 and ok is not None:
            first_judged += 1
            first_passed += ok is True
    median = _median(scores)
    return {
        "attempts": len(rows),
        "learners": len(learners),
        "completed": len(completed),
        "passed": len(passed),
        "failed": len(failed - passed),
        "mean_score": round(sum(scores) / len(scores), 1) if scores else None,
        "median_score": round(median, 1) if median is not None else None,
        "attempts_per_learner": round(len(rows) / len(learners), 1)
        if learners
        else None,
        "first_attempts_judged": first_judged,
        "first_attempt_pass_rate": _rate(first_passed, first_judged),
    }
