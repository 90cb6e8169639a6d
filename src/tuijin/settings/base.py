"""Settings for every deployment; the embedded default runs on a SQLite file with no variables set."""

from pathlib import Path

import dj_database_url

from .env import env_bool, env_int, env_list, env_str

SRC_DIR = Path(__file__).resolve().parents[2]
BASE_DIR = SRC_DIR.parent
VAR_DIR = Path(env_str("TUIJIN_VAR_DIR", str(BASE_DIR / "var")))

# Local development gets a fixed key so a fresh checkout runs; production.py insists on a real one.
SECRET_KEY = env_str("TUIJIN_SECRET_KEY", "dev-only-insecure-key-do-not-deploy")
DEBUG = env_bool("TUIJIN_DEBUG", False)
ALLOWED_HOSTS = env_list("TUIJIN_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("TUIJIN_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    "simple_history",
    "axes",
    "tuijin.core",
    "tuijin.accounts",
    "tuijin.org",
    "tuijin.plans",
    "tuijin.projects",
    "tuijin.sheets",
    "tuijin.problems",
    "tuijin.dispatch",
    "tuijin.onboarding",
    "tuijin.portal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "tuijin.accounts.middleware.PasswordExpiryMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "tuijin.urls"
WSGI_APPLICATION = "tuijin.wsgi.application"

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
                "tuijin.core.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'tuijin.sqlite3'}"),
        conn_max_age=env_int("TUIJIN_DB_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the job loop write while pages read; IMMEDIATE avoids lock upgrades failing mid-transaction.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": env_int("TUIJIN_PASSWORD_MIN_LENGTH", 10)},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {
        "NAME": "tuijin.accounts.passwords.CharacterClassValidator",
        "OPTIONS": {"min_classes": env_int("TUIJIN_PASSWORD_MIN_CLASSES", 3)},
    },
]
# 等保 2.0 level 3: passwords expire, sessions end when idle, repeated failures lock the account.
TUIJIN_PASSWORD_MAX_AGE_DAYS = env_int("TUIJIN_PASSWORD_MAX_AGE_DAYS", 90)
SESSION_COOKIE_AGE = env_int("TUIJIN_IDLE_TIMEOUT_SECONDS", 30 * 60)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
AXES_FAILURE_LIMIT = env_int("TUIJIN_LOCKOUT_FAILURES", 5)
AXES_COOLOFF_TIME = env_int("TUIJIN_LOCKOUT_MINUTES", 30) / 60
AXES_LOCKOUT_PARAMETERS = ["username"]
# We lock accounts (the 等保 requirement); many users share an office's NAT address, so locking by
# IP would lock out a whole office. Throttling by address belongs to the reverse proxy.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:login"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LANGUAGE_COOKIE_NAME = "tuijin_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
# Each app keeps its own catalogue in <app>/locale (found through INSTALLED_APPS).

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("TUIJIN_STATIC_ROOT", str(BASE_DIR / "staticfiles")))
# Front-end packages come from the npm registry (package-lock.json) and are served by us, never a
# CDN; `make assets` copies the files we use from node_modules into build/vendor.
STATICFILES_DIRS = [SRC_DIR / "tuijin" / "static", ("vendor", BASE_DIR / "build" / "vendor")]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
TUIJIN_MAX_UPLOAD_BYTES = env_int("TUIJIN_MAX_UPLOAD_BYTES", 20 * 1024 * 1024)
# An office workbook of more rows than this imports in the background (onboarding.services.import_start).
TUIJIN_IMPORT_INLINE_ROWS = env_int("TUIJIN_IMPORT_INLINE_ROWS", 1000)
# A month's reports are due from the 1st of the next month through this day (1st–5th by default).
TUIJIN_REPORTING_WINDOW_DAYS = env_int("TUIJIN_REPORTING_WINDOW_DAYS", 5)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
}
SPECTACULAR_SETTINGS = {"TITLE": "Tuijin API", "VERSION": "1"}

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

# Background jobs (tuijin.dispatch). Production: Celery worker and beat on Redis. Embedded:
# `manage.py run_jobs --loop` runs the same jobs in-process, and Redis is not needed.
REDIS_URL = env_str("REDIS_URL", "redis://127.0.0.1:6379/0")
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", REDIS_URL)
CELERY_TASK_ACKS_LATE = True  # a task killed with its worker is delivered again…
CELERY_TASK_REJECT_ON_WORKER_LOST = True  # …also when only the pool process dies
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_TIMEZONE = "Asia/Shanghai"
CELERY_BROKER_TRANSPORT_OPTIONS = {
    # An unacknowledged task (its worker died) goes back to the queue after this many seconds.
    "visibility_timeout": env_int("TUIJIN_CELERY_VISIBILITY_TIMEOUT", 3600),
    "unacked_restore_interval": env_int("TUIJIN_CELERY_RESTORE_INTERVAL", 10),
    "unacked_restore_throttle": env_int("TUIJIN_CELERY_RESTORE_THROTTLE", 10),
}
# Notifications go out through SMTP when a host is set; without one the email channel is off. Named
# apart from EMAIL_BACKEND, which Django's test set-up swaps for an in-memory one: ours stays SMTP.
TUIJIN_EMAIL_BACKEND = env_str("TUIJIN_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("TUIJIN_EMAIL_HOST", "")
EMAIL_PORT = env_int("TUIJIN_EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("TUIJIN_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = env_str("TUIJIN_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("TUIJIN_EMAIL_TLS", False)
EMAIL_TIMEOUT = env_int("TUIJIN_EMAIL_TIMEOUT", 20)
DEFAULT_FROM_EMAIL = env_str("TUIJIN_EMAIL_FROM", "tuijin@localhost")
TUIJIN_BASE_URL = env_str("TUIJIN_BASE_URL", "http://127.0.0.1:8000")
# Outside sends: a failed one waits backoff × 2^(attempts−1) seconds, up to this many attempts;
# a send claimed by a worker that died is free again after the lease.
TUIJIN_DELIVERY_BACKOFF_SECONDS = env_int("TUIJIN_DELIVERY_BACKOFF_SECONDS", 60)
TUIJIN_DELIVERY_MAX_ATTEMPTS = env_int("TUIJIN_DELIVERY_MAX_ATTEMPTS", 6)
TUIJIN_DELIVERY_LEASE_SECONDS = env_int("TUIJIN_DELIVERY_LEASE_SECONDS", 300)
TUIJIN_WEBHOOK_TIMEOUT = env_int("TUIJIN_WEBHOOK_TIMEOUT", 10)
# Reminders go out once a day, from this hour on (local time).
TUIJIN_REMINDER_HOUR = env_int("TUIJIN_REMINDER_HOUR", 8)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("TUIJIN_LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}
