"""The export_framework and import_framework management commands."""

import json
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from competencies.models import Competency
from competencies.services import PROGRAMME_FRAMEWORK
from tests import factories

from .conftest import counts


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.mark.usefixtures("english")
class TestImportCommand:
    def test_first_import_reports_what_was_created(self, db):
        out = run("import_framework", str(PROGRAMME_FRAMEWORK))
        assert "Imported framework dv-competency, version 2026.1." in out
        assert "areas: 2 created, 0 updated, 0 unchanged, 0 deleted" in out
        assert "competencies: 6 created, 0 updated, 0 unchanged, 0 deleted" in out
        assert "proficiency levels: 18 created" in out
        assert counts() == (1, 2, 6, 18)

    def test_second_import_reports_everything_unchanged(self, programme):
        out = run("import_framework", str(PROGRAMME_FRAMEWORK))
        assert "competencies: 0 created, 0 updated, 6 unchanged, 0 deleted" in out
        assert counts() == (1, 2, 6, 18)

    def test_competencies_missing_from_the_file_are_reported_as_kept(
        self, programme, programme_data, tmp_path
    ):
        programme_data["CFItems"].pop()
        path = tmp_path / "framework.json"
        path.write_text(
            json.dumps(programme_data, ensure_ascii=False), encoding="utf-8"
        )
        out = run("import_framework", str(path))
        assert "Kept (in the database but not in the file): competency 'D3'" in out

    @pytest.mark.parametrize(
        ("content", "message"),
        [
            pytest.param('{"CFDocument": {', "is not valid JSON", id="truncated"),
            pytest.param("", "is not valid JSON", id="empty"),
            pytest.param(b"\xff\xfe{}", "is not UTF-8 text", id="not-utf8"),
            pytest.param("[1, 2]", "must contain a JSON object", id="a-list"),
        ],
    )
    def test_unreadable_files_are_clear_errors(self, db, tmp_path, content, message):
        path = tmp_path / "bad.json"
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        with pytest.raises(CommandError, match=message):
            run("import_framework", str(path))
        assert counts() == (0, 0, 0, 0)

    def test_a_missing_file_is_a_clear_error(self, db, tmp_path):
        with pytest.raises(CommandError, match="Cannot read"):
            run("import_framework", str(tmp_path / "nope.json"))

    def test_an_invalid_file_lists_every_problem_and_writes_nothing(self, db, tmp_path):
        path = tmp_path / "bad.json"
        data = {
            "CFDocument": {"title": {"en": "No Thai title"}},
            "CFItems": [
                {
                    "identifier": "basic",
                    "CFItemType": "Area",
                    "fullStatement": {"th": "พื้นฐาน"},
                },
                {
                    "identifier": "B1",
                    "CFItemType": "Competency",
                    "isChildOf": "basic",
                    "fullStatement": {"th": "ก"},
                },
                {
                    "identifier": "B1",
                    "CFItemType": "Competency",
                    "isChildOf": "other",
                    "fullStatement": {"th": "ข"},
                },
            ],
        }
        path.write_text(json.dumps(data), encoding="utf-8")
        with pytest.raises(CommandError) as excinfo:
            run("import_framework", str(path))
        lines = str(excinfo.value).splitlines()
        assert lines[0] == "Nothing was imported; fix these problems:"
        assert lines[1:] == [
            "- CFDocument.identifier: required.",
            "- CFDocument.title.th: a Thai name is required.",
            "- CFItems[2].identifier: duplicate code 'B1'.",
            "- CFItems[2].isChildOf: unknown area 'other'.",
        ]
        assert counts() == (0, 0, 0, 0)

    def test_the_command_exits_non_zero_on_a_bad_file(self, tmp_path):
        path = tmp_path / "bad.json"
        path.write_text("{not json", encoding="utf-8")
        result = subprocess.run(
            [sys.executable, "manage.py", "import_framework", str(path)],
            cwd=Path(settings.BASE_DIR),
            capture_output=True,
            text=True,
            env={
                "DJANGO_SETTINGS_MODULE": "lms.settings.test",
                "LANG": "C.UTF-8",
                "PATH": "",
            },
            timeout=120,
        )
        # Commands speak the site's language (Thai) outside the tests.
        assert result.returncode == 1
        assert result.stderr.startswith("CommandError: ")
        assert "bad.json" in result.stderr and "JSON" in result.stderr


@pytest.mark.usefixtures("english")
class TestExportCommand:
    def test_writes_readable_thai_json_to_stdout(self, programme, programme_data):
        out = run("export_framework")
        assert "การรู้ดิจิทัล" in out  # ensure_ascii=False
        assert '\n  "CFDocument": {' in out  # indent=2
        assert json.loads(out) == programme_data

    def test_writes_a_utf8_file(self, programme, programme_data, tmp_path):
        path = tmp_path / "framework.json"
        run("export_framework", "--framework", "dv-competency", "--output", str(path))
        assert json.loads(path.read_text(encoding="utf-8")) == programme_data

    def test_asks_which_framework_when_there_are_several(self, programme):
        factories.make_framework(code="pilot")
        with pytest.raises(CommandError, match="available: dv-competency, pilot"):
            run("export_framework")
        assert (
            json.loads(run("export_framework", "--framework", "pilot"))["CFItems"] == []
        )

    def test_an_unknown_framework_is_an_error(self, programme):
        with pytest.raises(CommandError, match="--framework CODE"):
            run("export_framework", "--framework", "nope")

    def test_export_then_import_elsewhere_gives_the_same_framework(
        self, programme, tmp_path
    ):
        path = tmp_path / "framework.json"
        run("export_framework", "--output", str(path))
        first = path.read_text(encoding="utf-8")
        Competency.objects.filter(code="D2").update(name_en="changed")
        run("import_framework", str(path))
        run("export_framework", "--output", str(path))
        assert path.read_text(encoding="utf-8") == first
