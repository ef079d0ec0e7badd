"""Writes each message to its own file in ``SMS_FILE_PATH`` (development and
browser tests: another process reads the code from the file)."""

import json
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from .base import BaseSmsBackend


class SmsBackend(BaseSmsBackend):
    def __init__(self, *, file_path=None, **kwargs):
        super().__init__(**kwargs)
        path = file_path or getattr(settings, "SMS_FILE_PATH", "")
        if not path:
            raise ImproperlyConfigured("Set SMS_FILE_PATH for the file SMS backend.")
        self.directory = Path(path)

    def send_messages(self, messages) -> int:
        self.directory.mkdir(parents=True, exist_ok=True)
        for message in messages:
            name = f"{time.time_ns()}-{uuid.uuid4().hex[:8]}.json"
            (self.directory / name).write_text(
                json.dumps(
                    {"to": message.to, "text": message.text}, ensure_ascii=False
                ),
                encoding="utf-8",
            )
        return len(messages)
