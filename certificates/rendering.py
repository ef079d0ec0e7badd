"""A certificate's PDF: drawn once by ``certificates.pdf``, stored, then served from storage."""

import logging

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import pdf
from .models import IssuedCertificate
from .services import CertificateError

logger = logging.getLogger("lms.certificates")


def _stored(certificate: IssuedCertificate) -> bool:
    return bool(certificate.pdf) and default_storage.exists(certificate.pdf.name)


def certificate_pdf(*, certificate: IssuedCertificate) -> bytes:
    """The certificate's PDF: the stored file, or rendered once and stored.

    Rendering happens with the certificate row locked, so two simultaneous
    downloads render once: the second waits and then reads the stored file.
    A media directory that cannot be written raises ``CertificateError`` and
    leaves the certificate as it was.
    """
    if _stored(certificate):
        with default_storage.open(certificate.pdf.name, "rb") as fh:
            return fh.read()
    with transaction.atomic():
        locked = (
            IssuedCertificate.objects.select_for_update()
            .select_related("template")
            .get(pk=certificate.pk)
        )
        if _stored(locked):
            with default_storage.open(locked.pdf.name, "rb") as fh:
                return fh.read()
        data = pdf.render_certificate_pdf(locked)
        path = f"certificates/{locked.issued_at:%Y}/{locked.code}.pdf"
        try:
            if default_storage.exists(path):
                default_storage.delete(path)
            name = default_storage.save(path, ContentFile(data))
        except OSError as err:
            logger.error("certificate PDF %s could not be stored: %s", locked.code, err)
            raise CertificateError(
                _(
                    "The certificate's PDF could not be stored (media directory not writable). Tell an administrator."
                )
            ) from err
        locked.pdf = name
        locked.pdf_rendered_at = timezone.now()
        locked.save(update_fields=["pdf", "pdf_rendered_at"])
    certificate.pdf = locked.pdf
    return data
