"""Drawing certificates: HTML from a template, then WeasyPrint to PDF.

The font is Sarabun from the ``fontpkg_sarabun`` package, loaded with
``@font-face`` from its files (file:// URLs), so no system font is needed.
Thai certificates carry Buddhist-Era dates with Thai month names; English
ones an English date. The QR code (segno, inline SVG) points at the absolute
verification URL.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from pythainlp.util import thai_strftime

from .codes import generate_code
from .models import CertificateTemplate, IssuedCertificate
from .selectors import verification_url


def format_date(value: datetime, language: str) -> str:
    """25 พฤศจิกายน 2569 (Thai, Buddhist Era) or 25 November 2026 (English)."""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    if language == "th":
        return thai_strftime(value, "%-d %B %Y")
    return f"{value.day} {value:%B} {value.year}"


def font_faces() -> str:
    """@font-face rules pointing at the packaged Sarabun files."""
    directory = Path(settings.SARABUN_DIR)
    rules = []
    for weight, style, filename in (
        (400, "normal", "Sarabun-Regular.ttf"),
        (400, "italic", "Sarabun-Italic.ttf"),
        (600, "normal", "Sarabun-SemiBold.ttf"),
        (700, "normal", "Sarabun-Bold.ttf"),
    ):
        url = (directory / filename).resolve().as_uri()
        rules.append(
            f"@font-face {{ font-family: 'Sarabun'; font-weight: {weight}; font-style: {style}; "
            f"src: url('{url}') format('truetype'); }}"
        )
    return "\n".join(rules)


def qr_svg(url: str) -> str:
    """An inline SVG QR code (error correction M) for ``url``."""
    return segno.make(url, error="m").svg_inline(scale=3, border=0, dark="#111")


def _image_uri(image) -> str | None:
    if image is None:
        return None
    try:
        return Path(image.file.path).resolve().as_uri()
    except (NotImplementedError, ValueError, OSError):
        return image.file.url


def _visible_length(text: str) -> int:
    """Characters that take width: Thai vowels above/below and tone marks do not."""
    return sum(
        1
        for ch in text
        if not unicodedata.combining(ch) and unicodedata.category(ch) != "Mn"
    )


def name_size(name: str) -> str:
    """Shrink long names so they fit one line on the certificate."""
    n = _visible_length(name)
    if n <= 24:
        return "34pt"
    if n <= 34:
        return "28pt"
    if n <= 46:
        return "23pt"
    return "19pt"


@dataclass
class CertificateData:
    """Everything the HTML needs; built from an issued certificate or sample data."""

    template: CertificateTemplate
    name: str
    award: str
    date: str
    competencies: list[str]
    code: str
    verify_url: str
    revoked: bool = False
    extra: dict = field(default_factory=dict)


_PLACEHOLDER = re.compile(r"\{(name|award|date|competencies|code)\}")


def render_body(text: str, data: CertificateData) -> str:
    """Escape the template's text and fill its placeholders.

    Paragraphs are separated by blank lines; a paragraph that is just
    ``{name}`` becomes the large name line, just ``{competencies}`` a list.
    """
    values = {
        "name": f'<span class="ph-name">{escape(data.name)}</span>',
        "award": f'<span class="ph-award">{escape(data.award)}</span>',
        "date": f'<span class="ph-date">{escape(data.date)}</span>',
        "competencies": escape(", ".join(data.competencies)),
        "code": f'<span class="ph-code">{escape(data.code)}</span>',
    }
    paragraphs = []
    for para in re.split(r"\n\s*\n", text.strip()):
        stripped = para.strip()
        if stripped == "{name}":
            paragraphs.append(
                f'<p class="name-line" style="font-size:{name_size(data.name)}">{escape(data.name)}</p>'
            )
        elif stripped == "{award}":
            paragraphs.append(f'<p class="award-line">{escape(data.award)}</p>')
        elif stripped == "{competencies}":
            if data.competencies:
                items = "".join(f"<li>{escape(c)}</li>" for c in data.competencies)
                paragraphs.append(f'<ul class="competencies">{items}</ul>')
        else:
            html = _PLACEHOLDER.sub(lambda m: values[m.group(1)], escape(stripped))
            paragraphs.append("<p>" + html.replace("\n", "<br>") + "</p>")
    # Every value above went through escape(); the markup is ours.
    return mark_safe("\n".join(paragraphs))  # nosec B308 B703


def render_html(data: CertificateData) -> str:
    template = data.template
    language = template.language
    other_title = template.title_en if language == "th" else template.title_th
    logos = [
        uri for uri in (_image_uri(logo.image) for logo in template.logos.all()) if uri
    ]
    signatories = [
        {"name": s.name, "position": s.position, "signature": _image_uri(s.signature)}
        for s in template.signatories.all()
    ]
    return render_to_string(
        "certificates/pdf/certificate.html",
        {
            # Our own @font-face CSS and segno's SVG: no user text in either.
            "font_faces": mark_safe(font_faces()),  # nosec B308 B703
            "t": template,
            "lang": language,
            "title": template.text("title"),
            "other_title": other_title,
            "body": render_body(template.text("body"), data),
            "issuer": data.extra.get("issuer") or template.text("issuer_name"),
            "logos": logos,
            "signatories": signatories,
            "data": data,
            "qr": mark_safe(qr_svg(data.verify_url)),  # nosec B308 B703
            "landscape": template.orientation
            == CertificateTemplate.Orientation.LANDSCAPE,
        },
    )


def html_to_pdf(html: str) -> bytes:
    # reason: importing WeasyPrint costs 0.5 s (measured), paid only by PDF renders
    from weasyprint import HTML

    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()


def certificate_data(certificate: IssuedCertificate) -> CertificateData:
    language = certificate.language
    award = certificate.award_name_th
    competencies = certificate.competencies_th
    if language == "en":
        award = certificate.award_name_en or award
        competencies = certificate.competencies_en or competencies
    return CertificateData(
        template=certificate.template,
        name=certificate.recipient_name,
        award=award,
        date=format_date(certificate.issued_at, language),
        competencies=[line for line in competencies.splitlines() if line.strip()],
        code=certificate.code,
        verify_url=verification_url(code=certificate.code),
        revoked=certificate.revoked_at is not None,
        extra={"issuer": certificate.issuer_name},
    )


def render_certificate_pdf(certificate: IssuedCertificate) -> bytes:
    return html_to_pdf(render_html(certificate_data(certificate)))


def sample_data(template: CertificateTemplate) -> CertificateData:
    """Sample recipient and award for the admin's "preview PDF"."""
    code = generate_code()
    if template.language == "en":
        name, award = "Somchai Jaidee", "Safe online selling for community shops"
        competencies = ["D1 Digital literacy", "D4 Online safety"]
    else:
        name, award = "นางสาวกัญญ์ณัฏฐ์ ศรีสุวรรณภูมิ", "การค้าออนไลน์อย่างปลอดภัยสำหรับร้านค้าชุมชน"
        competencies = ["D1 การรู้ดิจิทัล", "D4 ความปลอดภัยออนไลน์"]
    return CertificateData(
        template=template,
        name=name,
        award=award,
        date=format_date(timezone.now(), template.language),
        competencies=competencies,
        code=code,
        verify_url=verification_url(code=code),
    )


def render_sample_pdf(template: CertificateTemplate) -> bytes:
    return html_to_pdf(render_html(sample_data(template)))
