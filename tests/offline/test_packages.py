"""A saved course includes its package steps (SCORM, H5P): the manifest
lists each step page and every file of its package under a stable offline
address, the files are served sandboxed and long-cached, the step page
carries the offline frame with its Thai note, and the manifest's queries do
not grow with the packages."""

import shutil

import pytest
from django.conf import settings
from django.urls import reverse

from elearning import services
from elearning.models import PackagePage
from tests import factories
from tests.elearning import packages
from tests.elearning.helpers import make_package_step


@pytest.fixture(autouse=True)
def _package_root():
    shutil.rmtree(settings.ELEARNING_ROOT, ignore_errors=True)
    yield
    shutil.rmtree(settings.ELEARNING_ROOT, ignore_errors=True)


@pytest.fixture
def step(course):
    return make_package_step(course, packages.scorm12_zip(mastery=80))


def _manifest(client, course):
    response = client.get(reverse("offline:course", args=[course.pk]))
    assert response.status_code == 200
    return response.json()


def _entry(manifest, step):
    return next(e for e in manifest["lessons"] if e["id"] == step.pk)


def test_manifest_lists_the_package_step_and_its_files(client, course, learner, step):
    client.force_login(learner)
    manifest = _manifest(client, course)
    entry = _entry(manifest, step)
    assert entry["url"] == step.url
    assert entry["package"]["kind"] == "scorm12"
    token = services.offline_token(package=step.package)
    base = f"/elearning/run/{token}/"
    assert entry["package"]["files"] == [
        base + "index.html",
        base + "__lms__/state.js",
        base + "imsmanifest.xml",
        base + "quiz.js",
    ]
    assert entry["bytes"] >= step.package.total_size
    assert step.pk not in [e["id"] for e in manifest["online_only"]]
    assert any(url.endswith(".js") and "scorm12" in url for url in manifest["static"])
    assert any("scorm-bridge" in url for url in manifest["static"])


def test_h5p_step_lists_the_player_page(client, course, learner):
    step = make_package_step(course, packages.h5p_zip(), name="quiz.h5p")
    client.force_login(learner)
    files = _entry(_manifest(client, course), step)["package"]["files"]
    assert files[0].endswith("/__lms__/h5p.html")
    assert any(url.endswith("/h5p.json") for url in files)
    assert any("main.bundle" in url for url in _manifest(client, course)["static"])


def test_the_same_address_every_time_and_every_file_opens(
    client, course, learner, step
):
    client.force_login(learner)
    first = _entry(_manifest(client, course), step)["package"]["files"]
    assert _entry(_manifest(client, course), step)["package"]["files"] == first
    for url in first:
        response, _body = _get(client, url)
        assert response.status_code == 200, url
        assert response["Content-Security-Policy"].startswith("sandbox allow-scripts")
        assert "allow-same-origin" not in response["Content-Security-Policy"]
        assert "immutable" in response["Cache-Control"]
    # The launch file still gets the SCORM runtime, from the stable address.
    launch = _get(client, first[0])[1].decode()
    assert "scorm12" in launch and "__lms__/state.js" in launch


def _get(client, url):
    """The response and its body (package files are streamed)."""
    response = client.get(url)
    if getattr(response, "streaming", False):
        return response, b"".join(response.streaming_content)
    return response, response.content


def test_a_forged_offline_address_is_not_found(client, step):
    token = services.offline_token(package=step.package)
    for bad in (token[:-2] + "xx", "offline." + str(step.package.public_id)):
        url = reverse("elearning_run:run", kwargs={"token": bad, "path": "index.html"})
        assert client.get(url).status_code == 404


def test_step_page_carries_the_offline_frame_and_thai_note(client, learner, step):
    client.force_login(learner)
    body = client.get(step.url).content.decode()
    token = services.offline_token(package=step.package)
    assert f'data-src="/elearning/run/{token}/index.html"' in body
    assert "คุณออฟไลน์อยู่" in body
    assert "จะไม่ถูกบันทึก" in body
    assert "package-offline.js" in body


def test_manifest_queries_do_not_grow_with_packages(
    client, course, learner, django_assert_max_num_queries
):
    make_package_step(course, packages.scorm12_zip(mastery=80))
    client.force_login(learner)
    url = reverse("offline:course", args=[course.pk])
    client.get(url)  # warm caches
    with django_assert_max_num_queries(30) as before:
        client.get(url)
    count = len(before)  # now: the query log is a bounded ring
    for n in range(4):
        make_package_step(course, packages.scorm12_zip(mastery=50 + n))
    client.get(url)  # publishing re-reads the site once
    with django_assert_max_num_queries(count):
        manifest = client.get(url).json()
    steps = [e for e in manifest["lessons"] if "package" in e]
    assert len(steps) == PackagePage.objects.count() == 5


def test_signed_out_gets_no_manifest(client, course, step):
    assert client.get(reverse("offline:course", args=[course.pk])).status_code == 401
    assert factories  # the shared factories are what the fixtures use
