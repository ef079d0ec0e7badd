"""Settings for `make run`: SQLite, debug on, a throw-away secret key."""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-insecure-key-do-not-deploy")
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]", "testserver"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

try:
    # reason: optional, untracked developer overrides (lms/settings/local.py)
    from .local import *  # noqa: F403
except ImportError:
    pass
