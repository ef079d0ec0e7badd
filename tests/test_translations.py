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
            yield msgid, fields.get("msgstr", fields.get("msgstr[0]", "")), "#, fuzzy" in block


def test_every_message_has_a_thai_translation():
    text = (LOCALE / "django.po").read_text(encoding="utf-8")
    untranslated = [msgid for msgid, msgstr, fuzzy in _entries(text) if not msgstr or fuzzy]
    assert untranslated == []


def test_compiled_catalogue_is_up_to_date():
    po, mo = LOCALE / "django.po", LOCALE / "django.mo"
    assert mo.exists()
    assert mo.stat().st_mtime >= po.stat().st_mtime - 1


@pytest.mark.parametrize(
    ("path", "expected", "unexpected"),
    [("/th/search/", "ค้นหาหลักสูตร", "Search courses"), ("/en/search/", "Search courses", "ค้นหาหลักสูตร")],
)
def test_interface_follows_the_url_language(client, home_page, path, expected, unexpected):
    html = client.get(path).content.decode()
    assert expected in html
    assert unexpected not in html
