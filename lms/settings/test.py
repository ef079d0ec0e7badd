"""Settings for the test suite: fast hashing, local memory cache, immediate tasks."""

import os
import tempfile

from .base import *  # noqa: F403

SECRET_KEY = "test-only-insecure-key"
DEBUG = False
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    **PROCESS_CACHES,  # noqa: F405
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SMS_BACKEND = "lms.accounts.sms.backends.locmem.SmsBackend"
MEDIA_ROOT = Path(os.environ.get("TEST_MEDIA_ROOT", BASE_DIR / ".test-media"))  # noqa: F405
ELEARNING_ROOT = MEDIA_ROOT.parent / (MEDIA_ROOT.name + "-elearning")
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"

# Django's test client signs in without a request, which django-axes refuses;
# the throttling tests switch it on with the ``settings`` fixture.
AXES_ENABLED = False

# The development signing key of the test run lives outside the repository.
CERTIFICATES_DEV_KEY_DIR = os.path.join(tempfile.gettempdir(), "lms-test-openbadges")

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not Django's shared in-memory database: the live server's
    # threads then each have their own connection, and two requests at once
    # (two tabs syncing) wait on WAL's busy timeout as in development instead
    # of failing with "database table is locked". One file per test run.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(tempfile.gettempdir(), f"lms-test-{os.getpid()}.sqlite3")
    }
