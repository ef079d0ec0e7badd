"""Production-like settings for the page benchmarks (``bench/pages.py``).

DEBUG off, cached template loaders (Django's default without DEBUG), the
production middleware (WhiteNoise, CSP, sessions, axes), sessions and cache
in Redis when ``REDIS_URL`` is set (else the database and local memory), and
the bench-only ``floor`` app: a bare Wagtail page type to measure against.
Not the site's settings: never used by ``manage.py`` or the tests.
"""

import os

from lms.settings.base import *  # noqa: F403
from lms.settings.base import INSTALLED_APPS, MIDDLEWARE, PROCESS_CACHES

SECRET_KEY = "bench-only-insecure-key"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "floor.testserver", "localhost", "127.0.0.1"]
INSTALLED_APPS = [*INSTALLED_APPS, "bench.floor"]
MIDDLEWARE = [
    MIDDLEWARE[0],
    "whitenoise.middleware.WhiteNoiseMiddleware",
    *MIDDLEWARE[1:],
]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
AXES_ENABLED = True
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SMS_BACKEND = "lms.accounts.sms.backends.locmem.SmsBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "lms.rediscache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        },
        **PROCESS_CACHES,
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        **PROCESS_CACHES,
    }
