"""geotimeline settings, all from the environment (see .env.example).

One module for every environment: local development sets DEBUG=1 (the Makefile
does), production sets SECRET_KEY and ALLOWED_HOSTS and leaves DEBUG off.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from typing import Any

import dj_database_url
import django
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), got {value!r}.")


def envint(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, got {value!r}.") from None


def envlist(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = envbool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set SECRET_KEY in the environment (see .env.example), "
            "or set DEBUG=1 for local development."
        )
    # Local development only: a fixed key is harmless when DEBUG is on and the
    # server listens on 127.0.0.1, and it keeps sessions across restarts.
    SECRET_KEY = "insecure-local-development-key-do-not-use-in-production"

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    # Records failed logins and locks out (security section below).
    "axes",
    "events",
    "timeline",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Security headers (security section below): before WhiteNoise, so that the
    # static files it answers carry them too.
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before anything reads the session or the database: a NUL in the request
    # line or headers is a 400 (PostgreSQL cannot compare text holding one).
    "timeline.errors.RejectNulMiddleware",
    # An unavailable database is a 503 with Retry-After from every view
    # (JSON under /api/); see also handler500 in config/urls.py.
    "timeline.errors.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Records the logged-in user on every historical record (who changed what).
    "simple_history.middleware.HistoryRequestMiddleware",
    # Turns a lockout (security section below) into its page; last, as axes asks.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite by default (nothing to set up); DATABASE_URL switches to PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}",
        conn_max_age=envint("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A fresh checkout has no var/ yet; SQLite would fail with "unable to open".
    if DATABASES["default"]["NAME"] not in ("", ":memory:"):
        Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            # WAL lets readers go on while an editor or ingestion writes;
            # IMMEDIATE avoids "database is locked" on upgrade from read to write.
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "timeout": 20,
        }
    )
    # SQLite connections are cheap; persistent ones only add lock contention.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # Tests use a file as production does, not Django's shared in-memory database,
    # whose table locks fail at once instead of waiting: concurrent writers are tested.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "var" / "test-db.sqlite3")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
        if os.environ.get("REDIS_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    # plotly.js from the plotly package, as plotly/plotly.min.js (no CDN).
    "timeline.staticfiles.PlotlyJsFinder",
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or envbool("PLAIN_STATIC_STORAGE", False)
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

LOGIN_URL = "admin:login"

# Mail: the console in development; in production SMTP, by default the local
# mail server on port 25 (Django's own default), or the relay EMAIL_HOST names.
_MAIL_BACKEND = (
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG and not os.environ.get("EMAIL_HOST")
    else "django.core.mail.backends.smtp.EmailBackend"
)
_SMTP_OPTIONS: dict[str, str | int | bool] = {
    "host": os.environ.get("EMAIL_HOST", "localhost"),
    "port": envint("EMAIL_PORT", 25),
    "username": os.environ.get("EMAIL_HOST_USER", ""),
    "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
    "use_tls": envbool("EMAIL_USE_TLS", False),
}
if django.VERSION >= (6, 1):
    # Django 6.1 replaces EMAIL_* with MAILERS (the old names are deprecated).
    MAILERS = {
        "default": {
            "BACKEND": _MAIL_BACKEND,
            "OPTIONS": _SMTP_OPTIONS if "smtp" in _MAIL_BACKEND else {},
        }
    }
else:
    EMAIL_BACKEND = _MAIL_BACKEND
    EMAIL_HOST = str(_SMTP_OPTIONS["host"])
    EMAIL_PORT = int(_SMTP_OPTIONS["port"])
    EMAIL_HOST_USER = str(_SMTP_OPTIONS["username"])
    EMAIL_HOST_PASSWORD = str(_SMTP_OPTIONS["password"])
    EMAIL_USE_TLS = bool(_SMTP_OPTIONS["use_tls"])
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "geotimeline@localhost")

# Security: strict by default outside development. Behind a TLS-terminating
# proxy set SECURE_PROXY_SSL_HEADER_ENABLED=1.
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = envbool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = envbool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if envbool("SECURE_PROXY_SSL_HEADER_ENABLED", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# --- Content-Security-Policy (django-csp) -------------------------------------
# Every page loads its scripts, styles, images and data from this server only:
# the timeline's plotly.js and site JS, the admin's JS and Swagger UI (sidecar) are
# static files, and data travels in json_script blocks, which are not executed.
# The one inline script, Swagger UI's start-up (templates/drf_spectacular/), runs by
# the per-request nonce. Styles allow 'unsafe-inline': plotly.js writes its chart
# styles into a <style> element and style attributes at run time, and Swagger UI
# and the admin carry style attributes. The timeline pages add 'unsafe-eval' for
# plotly.js's WebGL traces alone (timeline/views.py, `chart_csp`).
_CSP_DIRECTIVES: dict[str, list[Any]] = {
    "default-src": [SELF],
    "script-src": [SELF, NONCE],
    "style-src": [SELF, UNSAFE_INLINE],
    # data: for the SVG icons of Swagger UI and the admin; blob: for the chart's PNG
    # (plotly.js draws its SVG into a canvas through a blob: URL).
    "img-src": [SELF, "data:", "blob:"],
    "font-src": [SELF],
    "connect-src": [SELF],
    "object-src": [NONE],
    "base-uri": [NONE],
    "form-action": [SELF],
    # As X_FRAME_OPTIONS: no site may frame these pages.
    "frame-ancestors": [NONE],
}
if os.environ.get("CSP_REPORT_URI"):
    _CSP_DIRECTIVES["report-uri"] = [os.environ["CSP_REPORT_URI"]]
# CSP_REPORT_ONLY=1 reports violations without blocking: for trying a change of
# policy on a live site before enforcing it.
if envbool("CSP_REPORT_ONLY", False):
    CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": _CSP_DIRECTIVES}
else:
    CONTENT_SECURITY_POLICY = {"DIRECTIVES": _CSP_DIRECTIVES}

# --- Permissions-Policy (django-permissions-policy) ---------------------------
# No page here uses these browser features; an empty list turns a feature off for
# the pages and for anything they might embed.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

# --- Login throttling (django-axes) ------------------------------------------
# AXES_FAILURE_LIMIT failed logins for one username from one address lock that
# pair out for AXES_COOLOFF_MINUTES (a correct password is refused meanwhile, on
# a page that says so). Wrong API tokens count per address
# (timeline/api/authentication.py) and get 429 with Retry-After. Keyed on the pair
# rather than the username alone, so that nobody can lock an editor out from
# elsewhere; behind proxies, set TRUSTED_PROXY_COUNT (below).
AUTHENTICATION_BACKENDS = [
    # Refuses a locked-out login before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5)
_AXES_COOLOFF_MINUTES = envint("AXES_COOLOFF_MINUTES", 15)
if AXES_FAILURE_LIMIT < 1 or _AXES_COOLOFF_MINUTES < 1:
    # A limit of 0 would lock every login out; a cool-off of 0, none.
    raise ImproperlyConfigured("AXES_FAILURE_LIMIT and AXES_COOLOFF_MINUTES must be at least 1.")
AXES_COOLOFF_TIME = timedelta(minutes=_AXES_COOLOFF_MINUTES)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Attempts during a lockout do not extend it: the editor who retries with the right
# password gets in once the cool-off has passed.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "events.admin.lockout.lockout_response"
# Behind TRUSTED_PROXY_COUNT reverse proxies that append to X-Forwarded-For, the
# client's address is read from there (config/client_address.py), not REMOTE_ADDR.
TRUSTED_PROXY_COUNT = envint("TRUSTED_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "config.client_address.client_address"
# Failures and lockouts are logged as warnings; no start-up banner in every command.
AXES_VERBOSE = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

# Ingestion, per article (events/ingest/limits.py): a larger text, or one that
# takes longer to read, fails with a message naming the limit and stores nothing.
# 500 kB is ten times a long report; the budget leaves a web worker's default
# 30 s timeout room to store what was read.
INGEST_MAX_ARTICLE_BYTES = envint("INGEST_MAX_ARTICLE_BYTES", 500_000)
INGEST_TIME_BUDGET_SECONDS = envint("INGEST_TIME_BUDGET_SECONDS", 20)

# Token that `make run` prints for the local editor; see events/management.
LOCAL_EDITOR_USERNAME = os.environ.get("LOCAL_EDITOR_USERNAME", "editor")

REST_FRAMEWORK: dict[str, object] = {
    # Token first: an anonymous write then gets 401 with WWW-Authenticate: Token.
    # Wrong tokens count towards a lockout (Login throttling, above).
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "timeline.api.authentication.LockoutTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.DjangoModelPermissionsOrAnonReadOnly"
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    # Documents the 400/401/403/404/412 responses drf-spectacular leaves out.
    "DEFAULT_SCHEMA_CLASS": "timeline.api.schema.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # Errors in JSON whatever the view renders (the docs page is HTML, the schema YAML).
    "EXCEPTION_HANDLER": "timeline.errors.api_exception_handler",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    # `format` is an ordinary word in queries; exports name their format in the path.
    "URL_FORMAT_OVERRIDE": None,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "geotimeline API",
    "DESCRIPTION": "Curated geopolitical events with uncertain dates, actors, sources and quotes.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/",
    "COMPONENT_SPLIT_REQUEST": True,
    # One name per vocabulary: several serializers share `kind`, `status`, `role`.
    "ENUM_NAME_OVERRIDES": {
        "ActorKindEnum": "events.vocab.ActorKind",
        "LinkKindEnum": "events.vocab.LinkKind",
        "RoleEnum": "events.vocab.Role",
        "StatusEnum": "events.vocab.Status",
        "PrecisionEnum": "events.vocab.Precision",
        "CategoryEnum": "events.vocab.Category",
        "QuadClassEnum": "events.vocab.QuadClass",
    },
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}
