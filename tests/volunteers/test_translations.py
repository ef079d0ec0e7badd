"""Every new interface string of the import and the audit log has its Thai text
waiting in locale/pending/admin.json (integration merges it into locale/th)."""

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [
    "lms/accounts/resources.py",
    "lms/accounts/admin_views.py",
    "lms/accounts/wagtail_hooks.py",
    "lms/accounts/models.py",
    "lms/audit.py",
]
TEMPLATES = ["templates/accounts/admin/import.html"]


def _msgids():
    ids = set()
    for name in SOURCES:
        text = (ROOT / name).read_text(encoding="utf-8")
        for match in re.finditer(
            r'(?<![\w.])(?:_|gettext_lazy)\(\s*((?:"[^"]*"\s*)+)[,)]', text
        ):
            ids.add("".join(re.findall(r'"([^"]*)"', match.group(1))))
    for name in TEMPLATES:
        text = (ROOT / name).read_text(encoding="utf-8")
        ids.update(re.findall(r'{% translate "([^"]*)"', text))
        for body in re.findall(
            r"{% blocktranslate[^%]*%}(.*?){% endblocktranslate %}", text, re.S
        ):
            body = re.sub(r"{{ (\w+) }}", r"%(\1)s", body)
            ids.add(body.replace("{% plural %}", "|||"))
    return ids


def test_every_new_string_has_thai():
    pending = json.loads(
        (ROOT / "locale/pending/admin.json").read_text(encoding="utf-8")
    )
    catalogue = (ROOT / "locale/th/LC_MESSAGES/django.po").read_text(encoding="utf-8")
    django_own = {"This field is required."}
    missing = [
        msgid
        for msgid in _msgids()
        if msgid not in pending
        and f'msgid "{msgid}"' not in catalogue
        and msgid not in django_own
    ]
    assert missing == []
    assert all(value for value in pending.values())
