"""Text messages (SMS), pluggable like Django's e-mail backends.

``SMS_BACKEND`` names a class with ``send_messages(messages) -> int``; the
site only calls :func:`send_sms`. Backends: ``console`` (prints, for
development), ``filebased`` (one file per message in ``SMS_FILE_PATH``),
``locmem`` (``lms.accounts.sms.outbox``, for tests) and ``http`` (a Thai SMS
gateway, configured from the environment in production).
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string

# Filled by the locmem backend, like django.core.mail.outbox.
outbox: list["SmsMessage"] = []


@dataclass(frozen=True)
class SmsMessage:
    to: str  # a Thai mobile number, digits only: 0812345678
    text: str


class SmsError(Exception):
    """The gateway refused or could not be reached."""


def get_connection(backend: str | None = None, **kwargs):
    """An instance of ``backend`` (a dotted path), by default ``SMS_BACKEND``."""
    path = backend or getattr(
        settings, "SMS_BACKEND", "lms.accounts.sms.backends.console.SmsBackend"
    )
    return import_string(path)(**kwargs)


def send_sms(*, to: str, text: str, connection=None) -> int:
    """Send one message; returns the number sent (0 or 1). Raises ``SmsError``."""
    connection = connection or get_connection()
    return connection.send_messages([SmsMessage(to=to, text=text)])
