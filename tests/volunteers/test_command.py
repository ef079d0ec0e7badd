"""``manage.py import_volunteers``: the same rules as the admin, for scripts."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from .conftest import FILES

pytestmark = pytest.mark.django_db

User = get_user_model()


class TestImportVolunteersCommand:
    def test_dry_run_reports_and_writes_nothing(self, roles, capsys):
        call_command("import_volunteers", str(FILES / "clean.csv"), "--dry-run")
        assert "would import 2 rows (2 new, 0 updated)" in capsys.readouterr().out
        assert User.objects.count() == 0

    def test_imports_and_records_the_importer(self, roles, administrator, capsys):
        from lms.accounts.models import VolunteerImport

        call_command(
            "import_volunteers",
            str(FILES / "clean.csv"),
            "--by",
            administrator.username,
        )
        assert "imported 2 rows" in capsys.readouterr().out
        assert User.objects.filter(phone="0811111111").exists()
        assert VolunteerImport.objects.get().created_by == administrator

    def test_row_errors_are_printed_and_exit_non_zero(self, existing, capsys):
        with pytest.raises(CommandError, match="nothing was imported"):
            call_command("import_volunteers", str(FILES / "bad_email.csv"))
        err = capsys.readouterr().err
        assert "row 2, email:" in err and "somchai@@example" in err
        assert not User.objects.filter(phone="0811111111").exists()

    def test_bad_encoding_is_a_command_error(self, roles, tmp_path):
        path = tmp_path / "excel.csv"
        path.write_bytes(
            (FILES / "clean.csv").read_text(encoding="utf-8").encode("cp874")
        )
        with pytest.raises(CommandError, match="TIS-620"):
            call_command("import_volunteers", str(path))

    def test_missing_file(self, db):
        with pytest.raises(CommandError, match="Cannot read"):
            call_command("import_volunteers", "/nonexistent/file.csv")

    def test_exit_status_is_non_zero_from_the_shell(self, existing):
        # call_command raises; manage.py turns CommandError into exit status 1.
        from django.core.management import ManagementUtility

        utility = ManagementUtility(
            ["manage.py", "import_volunteers", str(FILES / "bad_phone.csv")]
        )
        with pytest.raises(SystemExit) as exit_info:
            utility.execute()
        assert exit_info.value.code == 1

    def test_messages_are_thai_in_thai(self, roles, capsys):
        from django.utils import translation

        with translation.override("th"):
            call_command("import_volunteers", str(FILES / "clean.csv"), "--dry-run")
            with pytest.raises(CommandError, match="อ่านไฟล์"):
                call_command("import_volunteers", "/nonexistent/file.csv")
        assert "จะนำเข้า 2 แถว (ใหม่ 2 คน ปรับปรุง 0 คน)" in capsys.readouterr().out
