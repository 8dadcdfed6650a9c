"""One settings module, driven by COFFEECHAT_* environment variables (see .env.example)."""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from coffeechat.config import (
    coffeechat_home,
    env_bool,
    env_int,
    env_list,
    env_str,
    make_home_private,
    secret_key,
)
from coffeechat.edges.proxy import trusted_networks

PACKAGE_DIR = Path(__file__).resolve().parent
HOME = coffeechat_home()
# Before anything is written there (the secret key, the database).
make_home_private(HOME, None if env_str("DATABASE_URL") else HOME / "coffeechat.sqlite3")

DEBUG = env_bool("COFFEECHAT_DEBUG", False)
SECRET_KEY = secret_key(HOME)
ALLOWED_HOSTS = env_list("COFFEECHAT_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("COFFEECHAT_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "csp",
    "axes",
    # Layers, lowest first (docs/architecture.md); a layer imports only the ones above it here.
    "coffeechat.foundation.core",
    "coffeechat.foundation.accounts",
    "coffeechat.network.research",
    "coffeechat.network.people",
    "coffeechat.network.duplicates",
    "coffeechat.pipeline.conversations",
    "coffeechat.pipeline.outreach",
    "coffeechat.pipeline.followups",
    "coffeechat.pages.accounts",
    "coffeechat.pages.people",
    "coffeechat.pages.research",
    "coffeechat.pages.duplicates",
    "coffeechat.pages.outreach",
    "coffeechat.pages.conversations",
    "coffeechat.pages.today",
    "coffeechat.pages.calendar",
    "coffeechat.pages.reminders",
    "coffeechat.pages.insights",
    "coffeechat.pages.search",
    "coffeechat.edges.imports",
    "coffeechat.edges.records",
    "coffeechat.edges.commands",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "coffeechat.foundation.accounts.middleware.UserTimezoneMiddleware",
    "coffeechat.foundation.accounts.private_pages.PrivatePagesMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "coffeechat.urls"
WSGI_APPLICATION = "coffeechat.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
            ],
            "builtins": ["coffeechat.foundation.core.templatetags.coffeechat"],
        },
    }
]

# The embedded SQLite file is the default; DATABASE_URL switches to PostgreSQL.
SQLITE_PATH = HOME / "coffeechat.sqlite3"
DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
    if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        DATABASES["default"].setdefault("OPTIONS", {})
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(SQLITE_PATH),
            "OPTIONS": {},
            # Each server thread keeps its connection (and SQLite's page cache) between
            # requests instead of opening the file again every time.
            "CONN_MAX_AGE": 600,
            "CONN_HEALTH_CHECKS": True,
        }
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several requests write at once: WAL lets readers go on, IMMEDIATE takes the write lock
    # up front (no deadlocked upgrade from a read lock), and the busy timeout waits for it.
    DATABASES["default"]["OPTIONS"].update(
        {
            "init_command": "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;"
            "PRAGMA foreign_keys=ON",
            "transaction_mode": "IMMEDIATE",
            "timeout": env_int("COFFEECHAT_SQLITE_BUSY_TIMEOUT", 20, minimum=1),
        }
    )
    DATABASES["default"]["TEST"] = {"NAME": env_str("COFFEECHAT_TEST_SQLITE") or None}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
# Only the test suite sets this, for the servers it starts: Argon2 is slow on purpose, and
# thousands of test logins would spend minutes on it. Never set it anywhere else.
if env_bool("COFFEECHAT_TESTS_HASH_PASSWORDS_FAST", False):
    PASSWORD_HASHERS.insert(0, "django.contrib.auth.hashers.MD5PasswordHasher")
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "coffeechat.foundation.accounts.backends.UsernameOrEmailBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "followups:today"
LOGOUT_REDIRECT_URL = "accounts:login"

# Login throttling: five failures for one username from one address lock it for 15 minutes.
# A link to reset a forgotten password works once (Django's tokens) and for a day at most.
PASSWORD_RESET_TIMEOUT = 24 * 60 * 60
AXES_FAILURE_LIMIT = env_int("COFFEECHAT_LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = 0.25
# Failed logins from one client address, over all usernames, before it is stopped too.
COFFEECHAT_LOGIN_ADDRESS_LIMIT = env_int("COFFEECHAT_LOGIN_ADDRESS_LIMIT", 30, minimum=1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Typed as a username or as the account's e-mail address, a failure counts against the account.
AXES_USERNAME_CALLABLE = "coffeechat.foundation.accounts.backends.lockout_username"
AXES_LOCKOUT_CALLABLE = "coffeechat.pages.accounts.views.locked_out"
AXES_VERBOSE = False

LANGUAGE_CODE = "en-us"
TIME_ZONE = env_str("COFFEECHAT_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = HOME / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Serve straight from the app folders too, so a fresh checkout works before collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# Cookies and headers. HTTPS-only flags are on when COFFEECHAT_HTTPS says the site sits
# behind TLS (a career-centre deployment); a laptop on 127.0.0.1 has no certificate.
HTTPS = env_bool("COFFEECHAT_HTTPS", False)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 24 * 14
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Strict"
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS and env_bool("COFFEECHAT_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
# Behind a reverse proxy, X-Forwarded-Proto/-For/-Host are believed from the addresses named
# here only (coffeechat/edges/proxy.py, wrapped around the WSGI app): HTTPS, the host and the
# client address (which the login lockout counts by) are then the client's own.
COFFEECHAT_BEHIND_PROXY = env_bool("COFFEECHAT_BEHIND_PROXY", False)
COFFEECHAT_TRUSTED_PROXIES = env_list("COFFEECHAT_TRUSTED_PROXIES", ["127.0.0.1", "::1"])
try:
    trusted_networks(COFFEECHAT_TRUSTED_PROXIES)
except ValueError as error:
    raise ImproperlyConfigured(str(error)) from None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# No inline script or style anywhere: everything comes from our own static files.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "connect-src": [SELF],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("COFFEECHAT_LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

# Outgoing mail for "Send" on the compose page, for every user who has not set up their own
# server on the profile page. Empty COFFEECHAT_SMTP_HOST: no deployment-wide server.
EMAIL_HOST = env_str("COFFEECHAT_SMTP_HOST").strip()
EMAIL_PORT = env_int("COFFEECHAT_SMTP_PORT", 587, minimum=1)
EMAIL_HOST_USER = env_str("COFFEECHAT_SMTP_USER")
EMAIL_HOST_PASSWORD = env_str("COFFEECHAT_SMTP_PASSWORD")
EMAIL_USE_SSL = env_bool("COFFEECHAT_SMTP_SSL", False)
EMAIL_USE_TLS = env_bool("COFFEECHAT_SMTP_TLS", not EMAIL_USE_SSL)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = env_str("COFFEECHAT_SMTP_FROM").strip() or "webmaster@localhost"
if EMAIL_HOST:
    if EMAIL_USE_SSL and EMAIL_USE_TLS:
        raise ImproperlyConfigured(
            "COFFEECHAT_SMTP_SSL=true and COFFEECHAT_SMTP_TLS=true exclude each other: "
            "SSL for port 465, TLS (STARTTLS) for port 587."
        )
    if "@" not in env_str("COFFEECHAT_SMTP_FROM"):
        raise ImproperlyConfigured(
            "COFFEECHAT_SMTP_HOST is set, so COFFEECHAT_SMTP_FROM must be the address "
            "messages come from, e.g. coffeechat@careers.example.edu."
        )

# The morning digest. Its links point at COFFEECHAT_BASE_URL (empty: the address `coffeechat
# serve` listens on, or http://127.0.0.1:8000 for `coffeechat remind`); the scheduler thread in
# `coffeechat serve` sends it (and the messages scheduled with "Send later") by itself unless
# COFFEECHAT_DIGEST_SCHEDULER=false.
COFFEECHAT_BASE_URL = env_str("COFFEECHAT_BASE_URL").strip().rstrip("/")
if COFFEECHAT_BASE_URL and not COFFEECHAT_BASE_URL.startswith(("http://", "https://")):
    raise ImproperlyConfigured(
        f"COFFEECHAT_BASE_URL={COFFEECHAT_BASE_URL!r} must start with http:// or https://, "
        "e.g. https://coffeechat.example.edu."
    )
COFFEECHAT_DIGEST_SCHEDULER = env_bool("COFFEECHAT_DIGEST_SCHEDULER", True)

# Upload cap: request bodies and imported files (the import form enforces it for files).
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("COFFEECHAT_MAX_UPLOAD_MB", 10, minimum=1) * 1024 * 1024
