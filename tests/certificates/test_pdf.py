"""The PDF: Thai name, Buddhist-Era date and code in its text; stored once; rendered once."""

import shutil
import subprocess
import threading
import time

import pytest
from django.db import connection
from django.test import override_settings
from django.utils import translation

from certificates import pdf, rendering, services
from certificates.models import CertificateTemplate, IssuedCertificate

pytestmark = pytest.mark.django_db

LONG_NAME = "นางสาวกัญญาณัฐฐ์ศิริ ประเสริฐวงศ์ตระกูลพิพัฒน์สุขสวัสดิ์"


def pdf_text(data: bytes, tmp_path) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "c.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture
def certificate(award, volunteer):
    return services.certificate_issue(user=volunteer, award=award)[0]


def test_pdf_text_has_thai_name_buddhist_era_date_and_code(certificate, tmp_path):
    text = pdf_text(rendering.certificate_pdf(certificate=certificate), tmp_path)
    flat = "".join(text.split())
    assert "สมหญิงใจงาม" in flat
    assert "การค้าออนไลน์อย่างปลอดภัย" in flat
    assert pdf.format_date(certificate.issued_at, "th").replace(" ", "") in flat
    assert str(certificate.issued_at.year + 543) in flat
    assert certificate.code in flat


def test_thai_date_is_buddhist_era_with_thai_month_english_is_gregorian():
    from datetime import datetime
    from zoneinfo import ZoneInfo

    moment = datetime(2026, 11, 24, 20, 0, tzinfo=ZoneInfo("UTC"))  # 25 Nov in Bangkok
    assert pdf.format_date(moment, "th") == "25 พฤศจิกายน 2569"
    assert pdf.format_date(moment, "en") == "25 November 2026"


def test_english_template_prints_english_texts(award, volunteer, tmp_path):
    template = award.template
    template.language = CertificateTemplate.Language.ENGLISH
    template.body_en = "This certifies that\n\n{name}\n\ncompleted {award} on {date}."
    template.save()
    certificate = services.certificate_issue(user=volunteer, award=award)[0]
    text = " ".join(
        pdf_text(rendering.certificate_pdf(certificate=certificate), tmp_path).split()
    )
    assert "Certificate of Completion" in text and "This certifies that" in text
    assert (
        str(certificate.issued_at.year) in text
        and str(certificate.issued_at.year + 543) not in text
    )


def test_font_is_sarabun_from_the_package(certificate, tmp_path):
    if not shutil.which("pdffonts"):
        pytest.skip("pdffonts (poppler-utils) is not installed")
    path = tmp_path / "c.pdf"
    path.write_bytes(rendering.certificate_pdf(certificate=certificate))
    fonts = subprocess.run(
        ["pdffonts", str(path)], check=True, capture_output=True, text=True
    ).stdout
    assert "Sarabun" in fonts
    assert "file://" in pdf.font_faces() and "fontpkg_sarabun" in pdf.font_faces()


def test_placeholders_are_filled_and_escaped(template):
    data = pdf.sample_data(template)
    data.name = "<b>สมชาย</b>"
    html = pdf.render_body("ขอมอบให้ {name} รหัส {code}\n\n{name}", data)
    assert "&lt;b&gt;สมชาย&lt;/b&gt;" in html and "<b>" not in html
    assert data.code in html and 'class="name-line"' in html


def test_long_names_shrink():
    assert pdf.name_size("สมชาย ใจดี") == "34pt"
    assert len(LONG_NAME) >= 40
    assert float(pdf.name_size(LONG_NAME)[:-2]) < 28


def test_pdf_is_stored_once_and_rerendered_when_missing(certificate, monkeypatch):
    calls = []
    real = pdf.render_certificate_pdf
    monkeypatch.setattr(
        pdf, "render_certificate_pdf", lambda c: calls.append(c.pk) or real(c)
    )
    first = rendering.certificate_pdf(certificate=certificate)
    second = rendering.certificate_pdf(certificate=certificate)
    assert first == second and first.startswith(b"%PDF") and len(calls) == 1
    certificate.refresh_from_db()
    assert (
        certificate.pdf.name.endswith(f"{certificate.code}.pdf")
        and certificate.pdf_rendered_at
    )
    certificate.pdf.storage.delete(certificate.pdf.name)
    rendering.certificate_pdf(certificate=certificate)
    assert len(calls) == 2 and certificate.pdf.storage.exists(certificate.pdf.name)


def test_unwritable_media_directory_gives_a_clear_error_and_no_broken_row(
    certificate, tmp_path, client
):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("x")
    with override_settings(MEDIA_ROOT=str(blocker / "media")):
        with (
            translation.override("en"),
            pytest.raises(services.CertificateError, match="could not be stored"),
        ):
            rendering.certificate_pdf(certificate=certificate)
        certificate.refresh_from_db()
        assert not certificate.pdf and certificate.pdf_rendered_at is None
        client.force_login(certificate.user)
        response = client.get(f"/th/certificates/{certificate.code}/pdf/")
        assert response.status_code == 503
        assert "ไม่สามารถบันทึกไฟล์ PDF" in response.content.decode()
    assert IssuedCertificate.objects.filter(
        pk=certificate.pk, revoked_at__isnull=True
    ).exists()


@pytest.mark.django_db(transaction=True)
def test_concurrent_downloads_render_once(monkeypatch, catalogue):
    """Two threads ask for the same PDF at once: the row lock makes the second wait and read."""
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL (SQLite serialises writers anyway)")
    from tests import factories

    from .conftest import make_award

    course = factories.make_course(catalogue, lessons=1)
    user = factories.make_user()
    certificate = services.certificate_issue(
        user=user, award=make_award(courses=[course])
    )[0]
    calls = []
    real = pdf.render_certificate_pdf

    def slow(c):
        calls.append(c.pk)
        time.sleep(0.5)
        return real(c)

    monkeypatch.setattr(pdf, "render_certificate_pdf", slow)
    results, errors = [], []

    def download():
        try:
            results.append(
                rendering.certificate_pdf(
                    certificate=IssuedCertificate.objects.get(pk=certificate.pk)
                )
            )
        except Exception as err:  # noqa: BLE001 - reported below
            errors.append(err)
        finally:
            connection.close()

    threads = [threading.Thread(target=download) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(results) == 3 and len(set(results)) == 1
    assert len(calls) == 1
