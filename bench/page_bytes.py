"""Bytes a phone downloads for the learner pages, first and repeat visit.

    python bench/page_bytes.py

Runs tests/offline/test_budget.py, which opens home, catalogue, course, a
lesson with two pictures and *My learning* in Debian's Chromium at a phone's
viewport (360×740), signed in, and prints the table; the test holds the
budget (BUDGET below). Each response is counted at its compressed size:
text (HTML, CSS, JS, JSON, the manifest) gzipped at level 6 as the production
server sends it (WhiteNoise for static files, the proxy for pages), images
and WOFF2 fonts as they are. The first visit starts from an empty browser
(no cache, no service worker), so it includes the service worker and what it
caches when it installs; the repeat visit is the same page again in the same
browser, where static files (hashed names, cached for a year by WhiteNoise,
and kept by the service worker) do not travel again: the page, and what is
not static (the sw.js update check).
"""

import gzip
import os
import subprocess
import sys
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Kilobytes (1,000 bytes). The lesson's own pictures are outside the budget.
BUDGET = {"first": 150, "repeat": 20}
TEXT_TYPES = (
    "text/",
    "application/javascript",
    "application/json",
    "application/manifest+json",
    "image/svg",
)


def wire_bytes(content_type: str, body: bytes) -> int:
    """What the response costs on the wire, compressed."""
    if any(content_type.startswith(t) for t in TEXT_TYPES):
        return len(gzip.compress(body, compresslevel=6))
    return len(body)


class Recorder:
    """Records every finished response of a browser context (pages and the
    service worker's own fetches) with its compressed size."""

    def __init__(self, context):
        self.rows: list[dict] = []
        context.on("requestfinished", self._finished)

    def _finished(self, request):
        try:
            response = request.response()
            if response is None or response.from_service_worker:
                return
            body = response.body()
        except Exception:  # noqa: BLE001 - a response gone with its page (redirects)
            return
        if not body and response.status == 200:
            # The service worker's own fetches (its install) come without a
            # body through the browser's protocol: fetch them again, cookie-less
            # as the worker does, to know their size.
            with urllib.request.urlopen(request.url) as again:
                body = again.read()
        content_type = response.headers.get("content-type", "")
        self.rows.append(
            {
                "url": request.url,
                "type": request.resource_type,
                "bytes": wire_bytes(content_type, body),
            }
        )

    def take(self) -> list[dict]:
        rows, self.rows = self.rows, []
        return rows


def totals(rows: list[dict], *, repeat: bool) -> dict:
    """Kilobytes: all, pictures of /media/, and the rest."""
    if repeat:
        rows = [r for r in rows if "/static/" not in r["url"]]
    images = sum(r["bytes"] for r in rows if "/media/images/" in r["url"])
    everything = sum(r["bytes"] for r in rows)
    return {
        "all": everything / 1000,
        "images": images / 1000,
        "budgeted": (everything - images) / 1000,
    }


def main() -> None:
    env = {**os.environ, "PAGE_BYTES_PRINT": "1"}
    command = [
        sys.executable,
        "-m",
        "pytest",
        "tests/offline/test_budget.py",
        "-q",
        "-s",
    ]
    raise SystemExit(subprocess.call(command, cwd=ROOT, env=env))


if __name__ == "__main__":
    main()
