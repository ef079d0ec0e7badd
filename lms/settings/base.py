"""Settings shared by every environment.

Environment-specific modules (dev, test, production) start with
``from .base import *`` and override what they need. Nothing secret lives here:
the production module reads its secrets from the environment.
"""

import os
from pathlib import Path

import dj_database_url
import fontpkg_sarabun
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = False
ALLOWED_HOSTS: list[str] = []

DJANGO_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]
THIRD_PARTY_APPS = [
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "lms.accounts.apps.WagtailUsersConfig",  # wagtail.users with the phone field
    "wagtail.snippets",
    "wagtail.documents",
    "wagtailmedia",  # uploaded video files for lessons (VideoFileBlock)
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.locales",
    "wagtail.api.v2",
    "wagtail.api.v3",  # its API tokens (admin: Settings → API tokens) sign in the app
    "ninja",  # serves the API docs' Swagger UI from our static files, not a CDN
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "import_export",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "axes",
]
LOCAL_APPS = [
    "lms.accounts.apps.AccountsConfig",
    "lms.dataprotection.apps.DataProtectionConfig",
    "lms.apiv1.apps.ApiV1Config",
    "lms.home.apps.HomeConfig",
    "lms.offline.apps.OfflineConfig",
    "competencies.apps.CompetenciesConfig",
    "courses.apps.CoursesConfig",
    "courses.quiz.apps.QuizConfig",
    "certificates.apps.CertificatesConfig",
    "elearning.apps.ElearningConfig",
    "lms.reports.apps.ReportsConfig",
    "lms.volunteers.apps.VolunteersConfig",
    "lms.demo.apps.DemoConfig",
    "lms.privacy.apps.PrivacyConfig",
]
# Local apps first so their templates and translations win over Wagtail's.
INSTALLED_APPS = LOCAL_APPS + DJANGO_APPS + THIRD_PARTY_APPS

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "lms.middleware.ControlCharactersMiddleware",
    "lms.csp.CSPMiddleware",
    # Inside CSP (a fresh header on every response, cached or not): anonymous
    # pages from the cache, the request's site without a query (lms/pagecache.py).
    "lms.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "lms.middleware.DatabaseUnavailableMiddleware",
    # After authentication: a person owing an acceptance sees the new notice first.
    "lms.dataprotection.middleware.NoticeMiddleware",
    # JSON-only writes and JSON errors for oversize bodies on /api/v1/.
    "lms.apiv1.middleware.ApiRequestMiddleware",
    # Last, as django-axes asks: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "lms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "lms.wsgi.application"

# SQLite is the embedded default: `make run` needs no other server. Any
# DATABASE_URL (PostgreSQL in production and in CI's second run) replaces it.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the dev server read while a worker writes; a busy timeout
    # keeps a second writer waiting instead of failing at once.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out sign-in before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "lms.accounts.backends.PhoneOrEmailBackend",
]
# Login throttling (django-axes): five failures for the same username from
# the same address lock that pair out for 15 minutes. Locking by the pair,
# not by username alone, means nobody can lock a volunteer out from afar.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "lms.accounts.backends.throttle_key"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
# The client address of every limit (axes, API throttles, verification,
# sign-up) comes from lms.clientip with this one proxy count.
AXES_CLIENT_IP_CALLABLE = "lms.clientip.client_ip"
AXES_VERBOSE = False
# Per account, whatever the address: after this many failures in the window,
# only browsers that signed in to the account before may sign in to it until
# the window ends (lms/accounts/ceiling.py). Not a lock-out a stranger can
# cause: the owner's phone keeps working, and a new password clears it.
LMS_LOGIN_ACCOUNT_CEILING = 20
LMS_LOGIN_ACCOUNT_WINDOW = 15 * 60  # seconds
# Sign-up answers "already registered" at most this often per address per
# window; then sign-up from that address waits (lms/accounts/limits.py).
LMS_SIGNUP_TAKEN_LIMIT = 10
LMS_SIGNUP_WINDOW = 60 * 60  # seconds

# Content-Security-Policy (django-csp). Scripts only from this site or with
# the per-request nonce; no inline event handlers; nothing from a CDN (the
# machine may be offline). Inline style attributes stay allowed: Wagtail's
# admin uses them and they cannot run code. Frames: the video hosts lesson
# embeds use.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:", "https://i.ytimg.com"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "media-src": [SELF],
        "frame-src": [
            SELF,  # e-learning packages, served sandboxed (elearning/views.py)
            "https://www.youtube.com",
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
        ],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "courses:dashboard"
LOGOUT_REDIRECT_URL = "/"

AUTH_PASSWORD_VALIDATORS = [
    {
        # Phone and e-mail first: they are also the username of a volunteer,
        # and the message should name the field the person typed.
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {
            "user_attributes": ("phone", "email", "first_name", "last_name", "username")
        },
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 8},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Thai first, English second: for the interface (gettext) and for content
# (Wagtail locales, one page tree per language).
LANGUAGE_CODE = "th"
LANGUAGES = [
    ("th", "ไทย"),
    ("en", "English"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Bangkok"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
# Sarabun (the typeface of Thai government documents) is served from the
# fontpkg-sarabun package itself, for pages and for certificate PDFs alike.
SARABUN_DIR = Path(fontpkg_sarabun.__file__).resolve().parent / "files"
STATICFILES_DIRS = [BASE_DIR / "static", ("fonts/sarabun", SARABUN_DIR)]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
# Unpacked SCORM and H5P packages: never under MEDIA_ROOT (whose files are
# served as they are), only through the sandboxed package view. Shared by
# the web machines like the media directory.
ELEARNING_ROOT = Path(
    os.environ.get("DJANGO_ELEARNING_ROOT", BASE_DIR / "elearning-packages")
)
ELEARNING_MAX_UPLOAD_BYTES = 200 * 1024 * 1024
ELEARNING_MAX_UNPACKED_BYTES = 1024 * 1024 * 1024
ELEARNING_MAX_FILES = 10_000
ELEARNING_MAX_RATIO = 100

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
    },
}

# Background work (level recomputation, bulk certificates) goes through the
# tasks framework. The database backend needs no other server; run a worker
# with `python manage.py db_worker`. Wagtail's own small tasks (reference
# index, search index) stay immediate so the site works without a worker.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}

# No avatars from gravatar.com: the admin works offline and tells no third party who uses it.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_SITE_NAME = "อาสาสมัครดิจิทัล LMS"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
}
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "key",
    "odt",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "xlsx",
    "zip",
]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

# Moderation: a trainer submits, an administrator approves or rejects with a
# comment, and Wagtail e-mails the trainer (the comment is in the e-mail).
# Reviewers are the Administrator group of the workflow's task, so superusers
# (technical accounts) are not copied on every submission.
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "noreply@localhost")
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_USE_HTML = True
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False

WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 50
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}

# Behind N reverse proxies that append to X-Forwarded-For, DJANGO_PROXY_COUNT=N:
# every limit counting clients (django-axes, the API throttles, the
# verification and sign-up limits) then takes the address N hops from the
# right (lms/clientip.py). With 0 the header is ignored, so a client cannot
# dodge a limit by sending it.
LMS_PROXY_COUNT = int(os.environ.get("DJANGO_PROXY_COUNT", "0"))
NINJA_NUM_PROXIES = LMS_PROXY_COUNT  # ours override get_ident; kept consistent
# Requests per period: token requests per address, calls per person, public
# calls per address.
LMS_API_THROTTLE_RATES = {"sign_in": "10/min", "user": "600/min", "anon": "300/min"}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "lms": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}

# django-import-export strips a leading "=" from exported cells; our volunteer
# export also quotes + - @ (lms.volunteers.files.neutralise).
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = True

# Site-wide labels that templates show.
SITE_TAGLINE = _("Learning for Thailand's digital volunteers")

# Personal data (PDPA): retention periods in days (lms/privacy/retention.py).
# Inactive accounts are notified after inactive_days without a sign-in and
# anonymised notice_days later; old sign-in records, task results and data
# exports are purged. `manage.py apply_retention --dry-run` shows what a run would do.
PRIVACY_RETENTION = {
    "inactive_days": int(os.environ.get("PRIVACY_INACTIVE_DAYS", 3 * 365)),
    "notice_days": int(os.environ.get("PRIVACY_NOTICE_DAYS", 30)),
    "sign_in_days": int(os.environ.get("PRIVACY_SIGN_IN_DAYS", 180)),
    "task_results_days": int(os.environ.get("PRIVACY_TASK_RESULTS_DAYS", 30)),
    "exports_days": int(os.environ.get("PRIVACY_EXPORTS_DAYS", 7)),
}
# Open Badges 3.0 signing (certificates/openbadges). The issuer's private key
# (Ed25519 for EdDSA, or P-256 for ES256) comes from the environment: PEM text
# in CERTIFICATES_SIGNING_KEY or a path in CERTIFICATES_SIGNING_KEY_FILE. Never
# the database, never the repository. Outside production, with neither set, a
# development key is made on first use in CERTIFICATES_DEV_KEY_DIR (default
# ~/.local/state/lms-openbadges).
CERTIFICATES_SIGNING_KEY = os.environ.get("CERTIFICATES_SIGNING_KEY", "")
CERTIFICATES_SIGNING_KEY_FILE = os.environ.get("CERTIFICATES_SIGNING_KEY_FILE", "")
CERTIFICATES_DEV_KEY = True
CERTIFICATES_DEV_KEY_DIR = os.environ.get("CERTIFICATES_DEV_KEY_DIR", "")
# Text messages (password-reset codes), pluggable like EMAIL_BACKEND:
# lms.accounts.sms.backends.{console,filebased,locmem,http}.SmsBackend.
SMS_BACKEND = os.environ.get(
    "SMS_BACKEND", "lms.accounts.sms.backends.console.SmsBackend"
)
SMS_FILE_PATH = os.environ.get("SMS_FILE_PATH", str(BASE_DIR / "sms-outbox"))

# A form posted without a valid CSRF token gets the site's own page.
CSRF_FAILURE_VIEW = "lms.errors.csrf_failure"


# Caches in each process's memory, beside the shared "default" one (Redis in
# production): both hold what never changes under its key, so no process can
# serve another's stale copy. Wagtail reads and writes an image's rendition
# in "renditions" at every {% image %} (a rendition deleted shows broken for
# at most 5 minutes in the other processes); "fragments" holds the course
# cards of the home page and the catalogue and the rendered lesson bodies,
# keyed by the content generation.
PROCESS_CACHES = {
    "renditions": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "renditions",
        "TIMEOUT": 300,
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
    "fragments": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "fragments",
        "TIMEOUT": 3600,
        "OPTIONS": {"MAX_ENTRIES": 3000},
    },
}
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    **PROCESS_CACHES,
}
