"""Login security to the 等保 2.0 level-3 bar: complexity, expiry, lockout, idle timeout, last-login
notice, and every login, failed login and logout in the audit log."""

import datetime as dt

import pytest
from django.conf import settings
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tuijin.core.models import AuditEntry

from ..world import PASSWORD, make_user

LOGIN = reverse("accounts:login")


def _login(client: Client, username: str, password: str):
    return client.post(LOGIN, {"username": username, "password": password})


@pytest.fixture
def user(db: None):
    return make_user("alice")


def test_it_logs_in_and_records_it(user) -> None:
    client = Client()
    response = _login(client, "alice", PASSWORD)
    assert response.status_code == 302
    assert AuditEntry.objects.filter(action="login", username="alice").count() == 1


def test_it_records_a_failed_login(user) -> None:
    _login(Client(), "alice", "wrong")
    assert AuditEntry.objects.filter(action="login_failed", username="alice").count() == 1


def test_it_records_a_logout(user) -> None:
    client = Client()
    _login(client, "alice", PASSWORD)
    client.post(reverse("accounts:logout"))
    assert AuditEntry.objects.filter(action="logout", username="alice").count() == 1


def test_it_locks_the_account_after_repeated_failures(user) -> None:
    client = Client()
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "alice", "wrong")
    response = _login(client, "alice", PASSWORD)
    assert response.status_code == 429
    assert b"locked" in response.content or "锁定".encode() in response.content
    assert not client.session.get("_auth_user_id")


def test_it_locks_by_account_not_by_address(user) -> None:
    make_user("bob")
    client = Client()
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "alice", "wrong")
    assert _login(client, "bob", PASSWORD).status_code == 302


def test_it_shows_the_previous_login_and_failures_since(user) -> None:
    first = Client(REMOTE_ADDR="10.0.0.7")
    _login(first, "alice", PASSWORD)
    _login(Client(), "alice", "wrong")
    client = Client()
    response = _login(client, "alice", PASSWORD)
    page = client.get(response.url).content.decode()
    assert "10.0.0.7" in page
    assert client.session["last_login"]["ip"] == "10.0.0.7"
    assert client.session["last_login"]["failures"] == 1


def test_it_sends_an_expired_password_to_the_change_page(user) -> None:
    user.password_changed_at = timezone.now() - dt.timedelta(days=settings.TUIJIN_PASSWORD_MAX_AGE_DAYS + 1)
    user.save()
    client = Client()
    client.force_login(user)
    response = client.get(reverse("core:home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:password_change"))


def test_it_lets_a_user_with_a_fresh_password_through(user) -> None:
    client = Client()
    client.force_login(user)
    assert client.get(reverse("core:home")).status_code == 200


def test_it_records_the_change_of_password(user) -> None:
    user.password_changed_at = None
    user.save()
    client = Client()
    client.force_login(user)
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": "Another-Good-7x", "new_password2": "Another-Good-7x"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Another-Good-7x")
    assert user.password_changed_at is not None


@pytest.mark.parametrize("password", ["alllowercase1234", "ALLUPPER12345678", "Short1!", "12345678901234"])
def test_it_refuses_a_simple_password(db: None, password: str) -> None:
    with pytest.raises(ValidationError):
        password_validation.validate_password(password)


def test_it_accepts_a_complex_password(db: None) -> None:
    password_validation.validate_password("Tuijin-Strong-2026")


def test_it_ends_idle_sessions(user) -> None:
    client = Client()
    client.force_login(user)
    client.get(reverse("core:home"))
    assert settings.SESSION_SAVE_EVERY_REQUEST
    assert 0 < client.session.get_expiry_age() <= settings.SESSION_COOKIE_AGE <= 30 * 60
