"""What a phone downloads to study a course offline."""

from django.templatetags.static import static
from wagtail.models import Page

from courses.models import CoursePage, LessonPage
from courses.progress_selectors import quiz_content_type_ids
from courses.selectors import step_pages
from elearning.models import Package, PackagePage
from elearning.selectors import offline_files, offline_static

# The renditions the image block offers in its srcset (templates/blocks/image_block.html).
IMAGE_WIDTHS = (360, 720)
# A lesson page without its images, compressed: measured by bench/offline_bytes.py.
PAGE_BYTES = 6_000

# What every saved page needs besides itself (the service worker caches it too).
STATIC_FILES = (
    "css/site.css",
    "js/offline/offline.js",
    "js/offline/vendor/idb.js",
    "js/progress.js",
    "js/quiz.js",
    "fonts/sarabun-thai-400.woff2",
    "fonts/sarabun-thai-700.woff2",
)


def _images(lesson: LessonPage) -> list[dict]:
    images = []
    for block in lesson.body:
        if block.block_type != "image_block" or not block.value.get("image"):
            continue
        image = block.value["image"]
        candidates = []
        for width in IMAGE_WIDTHS:
            rendition = image.get_rendition(f"width-{width}|format-webp")
            try:
                size = rendition.file.size
            except OSError:
                size = 0
            candidates.append(
                {"url": rendition.url, "width": rendition.width, "bytes": size}
            )
        images.append({"candidates": candidates})
    return images


def version(page: Page) -> str:
    """Changes whenever the page is published again (its live revision)."""
    return f"{page.pk}-{page.live_revision_id or 0}"


def course_manifest(*, course: CoursePage) -> dict:
    """The lessons of ``course`` (its own language) with their version and
    images, its package steps (SCORM, H5P) with their package's files, the
    quizzes (online only) and the shared static files. One query for the
    packages, whatever their number; their files are listed from disk."""
    quiz_types = quiz_content_type_ids()
    lessons, online_only = [], []
    steps = step_pages(course=course)
    packages = Package.objects.in_bulk(
        {s.package_id for s in steps if isinstance(s, PackagePage) and s.package_id}
    )
    extra_static: list[str] = []
    for step in steps:
        entry = {
            "id": step.pk,
            "title": step.title,
            "url": step.url,
            "version": version(step),
        }
        if isinstance(step, LessonPage):
            entry["images"] = _images(step)
            entry["bytes"] = PAGE_BYTES + len(str(step.body.raw_data)) // 4
            lessons.append(entry)
        elif isinstance(step, PackagePage) and step.package_id in packages:
            # The step page and every file of its package, under stable URLs.
            package = packages[step.package_id]
            entry["images"] = []
            entry["package"] = {
                "kind": package.kind,
                "files": offline_files(package=package),
            }
            entry["bytes"] = PAGE_BYTES + package.total_size
            lessons.append(entry)
            extra_static += [
                url
                for url in offline_static(package=package)
                if url not in extra_static
            ]
        else:
            entry["quiz"] = step.content_type_id in quiz_types
            online_only.append(entry)
    return {
        "course": {
            "id": course.pk,
            "title": course.title,
            "url": course.url,
            "version": version(course),
        },
        "lessons": lessons,
        "online_only": online_only,
        "static": [static(name) for name in STATIC_FILES] + extra_static,
        "page_bytes": PAGE_BYTES,
    }
