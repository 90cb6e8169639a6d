import datetime as dt
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone


class PasswordExpiryMiddleware:
    """Sends a user whose password has expired (or was set by someone else) to change it first."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and self._expired(user) and not self._exempt(request.path):
            return redirect(f"{reverse('accounts:password_change')}?expired=1")
        return self.get_response(request)

    @staticmethod
    def _expired(user: object) -> bool:
        changed = getattr(user, "password_changed_at", None)
        if changed is None:
            return True
        return timezone.now() - changed > dt.timedelta(days=settings.TUIJIN_PASSWORD_MAX_AGE_DAYS)

    @staticmethod
    def _exempt(path: str) -> bool:
        exempt = (reverse("accounts:password_change"), reverse("accounts:logout"), reverse("set_language"))
        return path.startswith(exempt) or path.startswith(settings.STATIC_URL)
