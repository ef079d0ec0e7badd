"""Checking and unpacking uploaded e-learning packages (SCORM zips, .h5p files).

An archive is refused before anything is written when it is too big, not a
zip, holds too many files, a path that escapes the package (``..``, an
absolute or drive path, a backslash), a symbolic link, a member whose
declared size or compression ratio makes it a zip bomb, or no usable
manifest. Unpacking then streams each member with a byte budget, so a
member lying about its size in the zip directory cannot fill the disk, and
writes into a temporary directory that is renamed into place only when
everything is out: a refusal half-way leaves nothing behind.

Manifests are read with ``defusedxml`` (no entities, no external
references): SCORM's ``imsmanifest.xml`` gives the version, title, launch
file and mastery score; H5P's ``h5p.json`` the title and main library.
"""

import json
import os
import posixpath
import shutil
import stat
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException
from django.conf import settings
from django.utils.translation import gettext as _

SCORM_12 = "scorm12"
SCORM_2004 = "scorm2004"
H5P = "h5p"

CHUNK = 64 * 1024


class PackageError(Exception):
    """The archive is refused; the message says why, in the reader's language."""


@dataclass
class PackageInfo:
    kind: str
    title: str
    launch: str
    mastery_score: float | None  # percent, 0–100
    file_count: int
    total_size: int
    version_label: str = ""


def limits() -> dict[str, int]:
    """Upload limits (settings ``ELEARNING_*``, with defaults fit for phones' packages)."""
    return {
        "upload": getattr(settings, "ELEARNING_MAX_UPLOAD_BYTES", 200 * 1024 * 1024),
        "total": getattr(settings, "ELEARNING_MAX_UNPACKED_BYTES", 1024 * 1024 * 1024),
        "files": getattr(settings, "ELEARNING_MAX_FILES", 10_000),
        "ratio": getattr(settings, "ELEARNING_MAX_RATIO", 100),
    }


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f}"


def safe_name(name: str) -> str | None:
    """The member's path inside the package, or None when it must be refused."""
    if not name or "\\" in name or "\x00" in name:
        return None
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return None
    parts = name.split("/")
    if any(part in ("..",) for part in parts):
        return None
    normal = posixpath.normpath(name)
    if normal.startswith("../") or normal == ".." or normal.startswith("/"):
        return None
    return normal


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    mode = info.external_attr >> 16
    return stat.S_ISLNK(mode)


def _check_members(archive: zipfile.ZipFile) -> tuple[list[zipfile.ZipInfo], int]:
    lim = limits()
    members = archive.infolist()
    if len(members) > lim["files"]:
        raise PackageError(
            _("The package holds more than %(n)s files.") % {"n": lim["files"]}
        )
    total = 0
    for info in members:
        if safe_name(info.filename) is None:
            raise PackageError(
                _(
                    "The package contains a file outside its folder (“%(name)s”); it was refused."
                )
                % {"name": info.filename[:120]}
            )
        if _is_symlink(info):
            raise PackageError(
                _("The package contains a symbolic link (“%(name)s”); it was refused.")
                % {"name": info.filename[:120]}
            )
        if info.flag_bits & 0x1:
            raise PackageError(_("The package contains encrypted files."))
        total += info.file_size
        if info.file_size > 1024 * 1024 and info.file_size > lim["ratio"] * max(
            info.compress_size, 1
        ):
            raise PackageError(
                _(
                    "The package looks like a zip bomb (“%(name)s” expands too much); it was refused."
                )
                % {"name": info.filename[:120]}
            )
        if total > lim["total"]:
            raise PackageError(
                _("Unpacked, the package would be larger than %(mb)s MB.")
                % {"mb": _mb(lim["total"])}
            )
    return members, total


def _read_member(
    archive: zipfile.ZipFile, name: str, limit: int = 5 * 1024 * 1024
) -> bytes:
    with archive.open(name) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise PackageError(_("The package's manifest is too large."))
    return data


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element, name: str) -> list:
    return [c for c in element if _local(c.tag) == name]


def _first(element, name: str):
    for child in element.iter():
        if _local(child.tag) == name:
            return child
    return None


def _text(element) -> str:
    return (element.text or "").strip() if element is not None else ""


def _is_sco(resource) -> bool:
    """A resource the runtime talks to (``adlcp:scormtype``, ``scormType`` in 2004)."""
    if resource is None:
        return False
    return any(
        _local(name).lower() == "scormtype" and value.strip().lower() == "sco"
        for name, value in resource.attrib.items()
    )


def parse_scorm_manifest(data: bytes, names: set[str]) -> PackageInfo:
    """Version, title, launch file and mastery score from ``imsmanifest.xml``."""
    try:
        root = ElementTree.fromstring(data)
    except (ElementTree.ParseError, DefusedXmlException, ValueError) as err:
        raise PackageError(
            _("The package's imsmanifest.xml is not valid XML.")
        ) from err
    if _local(root.tag) != "manifest":
        raise PackageError(_("The package's imsmanifest.xml is not a SCORM manifest."))
    schema_version = _text(_first(root, "schemaversion"))
    namespaces = (
        " ".join([root.tag, *(el.tag for el in root.iter())][:200])
        + " "
        + " ".join(str(v) for el in root.iter() for v in el.attrib.values())[:5000]
    )
    if schema_version == "1.2" or (
        not schema_version and "adlcp_rootv1p2" in namespaces
    ):
        kind, label = SCORM_12, "SCORM 1.2"
    elif (
        "2004" in schema_version
        or schema_version.startswith("CAM 1.3")
        or "adlcp_v1p3" in namespaces
    ):
        kind, label = SCORM_2004, f"SCORM {schema_version or '2004'}"
    else:
        raise PackageError(
            _(
                "This SCORM version (“%(version)s”) is not supported: use SCORM 1.2 or 2004."
            )
            % {"version": schema_version[:40] or "?"}
        )
    organizations = _first(root, "organizations")
    organization = None
    if organizations is not None:
        default = organizations.attrib.get("default")
        orgs = _children(organizations, "organization")
        organization = next(
            (o for o in orgs if o.attrib.get("identifier") == default), None
        ) or (orgs[0] if orgs else None)
    if organization is None:
        raise PackageError(
            _("The package's manifest has no organisation (no lesson to launch).")
        )
    title = _text(next(iter(_children(organization, "title")), None))
    item = next(
        (
            i
            for i in organization.iter()
            if _local(i.tag) == "item" and i.attrib.get("identifierref")
        ),
        None,
    )
    if item is None:
        raise PackageError(_("The package's manifest names no launchable item."))
    resources = {
        r.attrib.get("identifier"): r
        for r in root.iter()
        if _local(r.tag) == "resource"
    }
    # One package plays as one step, with one runtime and one result. A course
    # exported as several SCOs would silently show only its first one, so it is
    # refused with what to do instead (multi-SCO sequencing is not built).
    scos = [
        i
        for i in organization.iter()
        if _local(i.tag) == "item"
        and _is_sco(resources.get(i.attrib.get("identifierref")))
    ]
    if len(scos) > 1:
        raise PackageError(
            _(
                "The package holds %(count)s separate SCORM lessons (SCOs); a step plays "
                "one. Export each lesson as its own package (or the course as a single "
                "SCO) and add one step per package."
            )
            % {"count": len(scos)}
        )
    resource = resources.get(item.attrib.get("identifierref"))
    href = resource.attrib.get("href", "") if resource is not None else ""
    if not href:
        raise PackageError(_("The package's manifest names no launch file."))
    base = resource.attrib.get("{http://www.w3.org/XML/1998/namespace}base", "")
    launch = posixpath.join(base, href) if base else href
    launch_path = launch.split("?", 1)[0].split("#", 1)[0]
    if safe_name(launch_path) is None or safe_name(launch_path) not in names:
        raise PackageError(
            _("The launch file “%(name)s” named by the manifest is not in the package.")
            % {"name": launch_path[:120]}
        )
    mastery = None
    if kind == SCORM_12:
        raw = _text(
            next((c for c in item.iter() if _local(c.tag) == "masteryscore"), None)
        )
        if raw:
            try:
                mastery = max(0.0, min(100.0, float(raw)))
            except ValueError:
                mastery = None
    else:
        measure = next(
            (c for c in item.iter() if _local(c.tag) == "minNormalizedMeasure"),
            None,
        )
        objective = next(
            (c for c in item.iter() if _local(c.tag) == "primaryObjective"), None
        )
        if measure is not None and (
            objective is None
            or objective.attrib.get("satisfiedByMeasure", "false") == "true"
        ):
            try:
                mastery = max(0.0, min(100.0, float(_text(measure)) * 100))
            except ValueError:
                mastery = None
    item_title = _text(next(iter(_children(item, "title")), None))
    return PackageInfo(
        kind=kind,
        title=(title or item_title)[:255],
        launch=launch[:500],
        mastery_score=mastery,
        file_count=0,
        total_size=0,
        version_label=label,
    )


def parse_h5p(data: bytes, names: set[str]) -> PackageInfo:
    try:
        meta = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as err:
        raise PackageError(_("The H5P file's h5p.json is not valid JSON.")) from err
    if not isinstance(meta, dict) or not meta.get("mainLibrary"):
        raise PackageError(_("The H5P file's h5p.json names no main library."))
    if "content/content.json" not in names:
        raise PackageError(_("The H5P file has no content/content.json."))
    main = str(meta["mainLibrary"])
    deps = meta.get("preloadedDependencies") or []
    dep = next(
        (d for d in deps if isinstance(d, dict) and d.get("machineName") == main), None
    )
    if dep is None:
        raise PackageError(
            _("The H5P file does not list its main library among its dependencies.")
        )
    folder = f"{main}-{dep.get('majorVersion')}.{dep.get('minorVersion')}"
    if f"{folder}/library.json" not in names:
        raise PackageError(
            _("The H5P file does not bundle its library “%(name)s”.")
            % {"name": folder[:80]}
        )
    return PackageInfo(
        kind=H5P,
        title=str(meta.get("title") or "")[:255],
        launch="h5p.json",
        mastery_score=None,
        file_count=0,
        total_size=0,
        version_label="H5P",
    )


def inspect(upload, *, expected: str | None = None) -> PackageInfo:
    """Check an uploaded archive without writing anything; raise PackageError."""
    lim = limits()
    size = getattr(upload, "size", None)
    if size is None:
        upload.seek(0, os.SEEK_END)
        size = upload.tell()
    if size > lim["upload"]:
        raise PackageError(
            _("The file is larger than %(mb)s MB.") % {"mb": _mb(lim["upload"])}
        )
    upload.seek(0)
    if not zipfile.is_zipfile(upload):
        raise PackageError(
            _("The file is not a SCORM package (.zip) or an H5P file (.h5p).")
        )
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            members, total = _check_members(archive)
            names = {safe_name(m.filename) for m in members if not m.is_dir()}
            if "imsmanifest.xml" in names and expected != H5P:
                info = parse_scorm_manifest(
                    _read_member(archive, "imsmanifest.xml"), names
                )
            elif "h5p.json" in names and expected != SCORM_12:
                info = parse_h5p(_read_member(archive, "h5p.json"), names)
            else:
                raise PackageError(
                    _(
                        "The package has no imsmanifest.xml (SCORM) or h5p.json (H5P) at its top level."
                    )
                )
    except (zipfile.BadZipFile, zlib.error, EOFError) as err:
        raise PackageError(_("The file is a damaged zip archive.")) from err
    info.file_count = len(names)
    info.total_size = total
    return info


def extract(upload, destination: Path) -> None:
    """Unpack a checked archive into ``destination`` (which must not exist).

    Each member is copied with a budget of what the directory declared, so
    a member lying about its size stops the unpacking; on any refusal the
    temporary directory is removed and ``destination`` is never created.
    """
    lim = limits()
    destination = Path(destination)
    destination.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".unpack-", dir=destination.parent))
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            members, _total = _check_members(archive)
            written = 0
            made: set[Path] = set()
            for info in members:
                # safe_name() leaves only normal relative paths without "..",
                # and nothing here creates links, so joining stays inside.
                name = safe_name(info.filename)
                if name is None or name in (".", ""):
                    continue
                target = work / name
                if info.is_dir():
                    target.mkdir(parents=True, exist_ok=True)
                    continue
                if target.parent not in made:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    made.add(target.parent)
                budget = info.file_size
                with archive.open(info) as source, open(target, "wb") as out:
                    while True:
                        chunk = source.read(CHUNK)
                        if not chunk:
                            break
                        budget -= len(chunk)
                        written += len(chunk)
                        if budget < 0 or written > lim["total"]:
                            raise PackageError(
                                _("The package looks like a zip bomb; it was refused.")
                            )
                        out.write(chunk)
        os.replace(work, destination)
    except (zipfile.BadZipFile, zlib.error, EOFError) as err:
        shutil.rmtree(work, ignore_errors=True)
        raise PackageError(_("The file is a damaged zip archive.")) from err
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
