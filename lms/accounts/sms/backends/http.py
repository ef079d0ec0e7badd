"""A Thai SMS gateway over HTTPS: one form-encoded POST per message with the
number, the sender name and the text (the shape ThaiBulkSMS, SMSMKT and most
Thai gateways take). Configured in production from the environment:

- ``SMS_GATEWAY_URL``: the gateway's send endpoint (required);
- ``SMS_SENDER``: the registered sender name;
- ``SMS_GATEWAY_TOKEN`` (sent as ``Authorization: Bearer …``) or
  ``SMS_GATEWAY_USERNAME`` + ``SMS_GATEWAY_PASSWORD`` (HTTP basic auth);
- ``SMS_GATEWAY_FIELDS``: the three field names, default ``number,sender,text``;
- ``SMS_GATEWAY_INTERNATIONAL``: ``1`` sends 66812345678 instead of 0812345678;
- ``SMS_GATEWAY_TIMEOUT``: seconds, default 10.

Any answer other than 2xx, or no answer, raises ``SmsError``.
"""

import logging

import requests
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from .. import SmsError
from .base import BaseSmsBackend

logger = logging.getLogger("lms")


def international(number: str) -> str:
    """0812345678 -> 66812345678."""
    return "66" + number[1:] if number.startswith("0") else number


class SmsBackend(BaseSmsBackend):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        # Checked when sending: a site without a gateway still starts, and
        # a reset then says the message could not be sent (and logs why).
        self.url = getattr(settings, "SMS_GATEWAY_URL", "")
        self.sender = getattr(settings, "SMS_SENDER", "")
        fields = getattr(settings, "SMS_GATEWAY_FIELDS", "number,sender,text")
        names = [name.strip() for name in fields.split(",")]
        if len(names) != 3 or not all(names):
            raise ImproperlyConfigured(
                "SMS_GATEWAY_FIELDS takes three names: number,sender,text."
            )
        self.number_field, self.sender_field, self.text_field = names
        self.international = getattr(settings, "SMS_GATEWAY_INTERNATIONAL", False)
        self.timeout = float(getattr(settings, "SMS_GATEWAY_TIMEOUT", 10))
        self.headers = {}
        token = getattr(settings, "SMS_GATEWAY_TOKEN", "")
        if token:
            self.headers["Authorization"] = f"Bearer {token}"
        username = getattr(settings, "SMS_GATEWAY_USERNAME", "")
        self.auth = (
            (username, getattr(settings, "SMS_GATEWAY_PASSWORD", ""))
            if username
            else None
        )

    def send_messages(self, messages) -> int:
        if not self.url:
            logger.error("SMS_GATEWAY_URL is not set: no SMS can be sent")
            raise SmsError("SMS_GATEWAY_URL is not set")
        sent = 0
        for message in messages:
            number = international(message.to) if self.international else message.to
            data = {
                self.number_field: number,
                self.sender_field: self.sender,
                self.text_field: message.text,
            }
            try:
                response = requests.post(
                    self.url,
                    data=data,
                    headers=self.headers,
                    auth=self.auth,
                    timeout=self.timeout,
                )
            except requests.RequestException as err:
                logger.warning("SMS gateway unreachable: %s", type(err).__name__)
                raise SmsError(str(err)) from err
            if not 200 <= response.status_code < 300:
                logger.warning("SMS gateway answered %s", response.status_code)
                raise SmsError(f"gateway answered {response.status_code}")
            sent += 1
        return sent
