"""Uploaded archives: good SCORM 1.2, 2004 and H5P packages are read and
unpacked; malicious or broken ones are refused with a clear message and
nothing is written."""

import io

import pytest
from django.conf import settings

from elearning import archive, services
from elearning.models import Package

from . import packages
from .helpers import upload


def _nothing_written(root):
    return not root.exists() or not any(root.iterdir())


class TestGoodPackages:
    def test_scorm12_manifest(self):
        info = archive.inspect(io.BytesIO(packages.scorm12_zip(mastery=70)))
        assert (info.kind, info.launch, info.mastery_score) == (
            "scorm12",
            "index.html",
            70.0,
        )
        assert info.title == "รู้ทันข่าวปลอม (SCORM 1.2)"

    @pytest.mark.parametrize("edition", ["3rd", "4th"])
    def test_scorm2004_manifest_with_xml_base(self, edition):
        info = archive.inspect(
            io.BytesIO(packages.scorm2004_zip(mastery=80, edition=edition))
        )
        assert (info.kind, info.launch, info.mastery_score) == (
            "scorm2004",
            "content/index.html",
            80.0,
        )
        assert info.version_label == f"SCORM 2004 {edition} Edition"

    def test_h5p(self):
        info = archive.inspect(io.BytesIO(packages.h5p_zip()))
        assert (info.kind, info.launch) == ("h5p", "h5p.json")

    def test_package_is_unpacked_outside_media(self, db, _package_root):
        package = services.package_create(upload=upload(packages.scorm12_zip()))
        assert (package.directory / "index.html").is_file()
        assert settings.MEDIA_ROOT not in package.directory.parents


MALICIOUS = [
    (packages.bad_zip_slip, "outside its folder"),
    (packages.bad_absolute, "outside its folder"),
    (packages.bad_symlink, "symbolic link"),
    (packages.bad_bomb, "zip bomb"),
    (packages.bad_no_manifest, "no imsmanifest.xml"),
    (packages.bad_manifest_xml, "not valid XML"),
    (packages.bad_launch_missing, "is not in the package"),
    (packages.bad_two_scos, "holds 2 separate SCORM lessons"),
    (lambda: b"not a zip at all", "not a SCORM package"),
]


@pytest.mark.parametrize("build, message", MALICIOUS)
def test_malicious_or_broken_archives_are_refused_and_nothing_written(
    db, english, _package_root, build, message
):
    with pytest.raises(archive.PackageError, match=message):
        services.package_create(upload=upload(build()))
    assert Package.objects.count() == 0
    assert _nothing_written(_package_root)


def test_too_big_upload_is_refused_before_reading(db, english, settings, _package_root):
    settings.ELEARNING_MAX_UPLOAD_BYTES = 1000
    with pytest.raises(archive.PackageError, match="larger than"):
        services.package_create(upload=upload(packages.scorm12_zip()))
    assert _nothing_written(_package_root)


def test_total_unpacked_size_is_limited(db, english, settings, _package_root):
    settings.ELEARNING_MAX_UNPACKED_BYTES = 2000
    with pytest.raises(archive.PackageError, match="would be larger"):
        services.package_create(upload=upload(packages.scorm12_zip()))
    assert _nothing_written(_package_root)


def test_a_member_lying_about_its_size_stops_unpacking(
    db, english, tmp_path, monkeypatch
):
    """The zip directory says 10 bytes, the data holds more: unpacking stops
    and the half-written directory is removed."""
    checked = archive._check_members

    def lying(zf):
        members, total = checked(zf)
        for info in members:
            info.file_size = min(info.file_size, 10)
        return members, total

    monkeypatch.setattr(archive, "_check_members", lying)
    destination = tmp_path / "out"
    with pytest.raises(archive.PackageError):
        archive.extract(io.BytesIO(packages.scorm12_zip()), destination)
    assert not destination.exists()
    assert list(tmp_path.iterdir()) == []


def test_safe_name():
    assert archive.safe_name("a/b.html") == "a/b.html"
    for bad in ("../x", "a/../../x", "/etc/passwd", "C:/x", "a\\..\\x", ""):
        assert archive.safe_name(bad) is None
