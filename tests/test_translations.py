"""Thai is the first language: the interface is translated and compiled."""

import json
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parent.parent / "locale" / "th" / "LC_MESSAGES"


def _entries(po_text: str):
    """(msgid, first msgstr, fuzzy) for each entry of a .po file, header skipped."""
    for block in po_text.split("\n\n"):
        fields: dict[str, str] = {}
        key = None
        for line in block.splitlines():
            if line.startswith("#"):
                continue
            if " " in line and not line.startswith('"'):
                key, _, rest = line.partition(" ")
                fields[key] = json.loads(rest)
            elif line.startswith('"') and key:
                fields[key] += json.loads(line)
        msgid = fields.get("msgid")
        if msgid:
            yield (
                msgid,
                fields.get("msgstr", fields.get("msgstr[0]", "")),
                "#, fuzzy" in block,
            )


def test_every_message_has_a_thai_translation():
    text = (LOCALE / "django.po").read_text(encoding="utf-8")
    untranslated = [
        msgid for msgid, msgstr, fuzzy in _entries(text) if not msgstr or fuzzy
    ]
    assert untranslated == []


def test_compiled_catalogue_is_up_to_date():
    po, mo = LOCALE / "django.po", LOCALE / "django.mo"
    assert mo.exists()
    assert mo.stat().st_mtime >= po.stat().st_mtime - 1


@pytest.mark.parametrize(
    ("path", "expected", "unexpected"),
    [
        ("/th/search/", "ค้นหาหลักสูตร", "Search courses"),
        ("/en/search/", "Search courses", "ค้นหาหลักสูตร"),
    ],
)
def test_interface_follows_the_url_language(
    client, home_page, path, expected, unexpected
):
    html = client.get(path).content.decode()
    assert expected in html
    assert unexpected not in html


def test_every_message_in_the_code_is_in_the_catalogue(tmp_path, settings):
    """A string wrapped in gettext but never extracted would stay English:
    extract afresh, in a copy of the sources, and compare with the catalogue."""
    import os
    import shutil

    from django.core.management import call_command

    if shutil.which("xgettext") is None:
        pytest.skip("xgettext (Debian's gettext) is not installed")
    root = LOCALE.parent.parent.parent
    copy = tmp_path / "src"
    shutil.copytree(
        root,
        copy,
        ignore=shutil.ignore_patterns(
            ".venv",
            ".git",
            "__pycache__",
            "*.pyc",
            "*.mo",
            "tests",
            "bench",
            "docs",
            "media",
            "staticfiles",
            ".test-media",
            "*.sqlite3",
        ),
    )
    settings.LOCALE_PATHS = [copy / "locale"]
    cwd = Path.cwd()
    os.chdir(copy)
    try:
        call_command("makemessages", locale=["th"], no_obsolete=True, verbosity=0)
    finally:
        os.chdir(cwd)
    extracted = {
        m
        for m, _s, _f in _entries(
            (copy / "locale/th/LC_MESSAGES/django.po").read_text("utf-8")
        )
    }
    ours = {m for m, _s, _f in _entries((LOCALE / "django.po").read_text("utf-8"))}
    assert len(extracted) > 100
    assert sorted(extracted - ours) == [], "run `make messages` and translate these"
