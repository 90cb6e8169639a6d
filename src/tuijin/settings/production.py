"""Production: PostgreSQL, Redis, HTTPS behind a reverse proxy. Every secret comes from the environment."""

from .base import *  # noqa: F403
from .env import env_bool, env_int, env_list, env_str

SECRET_KEY = env_str("TUIJIN_SECRET_KEY")
DEBUG = False
ALLOWED_HOSTS = env_list("TUIJIN_ALLOWED_HOSTS")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("TUIJIN_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("TUIJIN_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("TUIJIN_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
