"""Keeps messages in ``lms.accounts.sms.outbox`` (tests)."""

from .. import outbox
from .base import BaseSmsBackend


class SmsBackend(BaseSmsBackend):
    def send_messages(self, messages) -> int:
        outbox.extend(messages)
        return len(messages)
