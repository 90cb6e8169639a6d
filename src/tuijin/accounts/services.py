"""State changes of accounts: passwords and role grants."""

from typing import Any

from django.contrib.auth import password_validation
from django.db import transaction
from django.utils import timezone

from tuijin.core.services import attribute_change

from .models import RoleGrant, User


@transaction.atomic
def password_change(*, user: User, new_password: str) -> None:
    password_validation.validate_password(new_password, user)
    user.set_password(new_password)
    user.password_changed_at = timezone.now()
    user.save(update_fields=["password", "password_changed_at"])


@transaction.atomic
def user_create(
    *,
    username: str,
    password: str,
    display_name: str = "",
    unit: Any = None,
    must_change_password: bool = True,
    validate: bool = True,
) -> User:
    user = User(username=username, display_name=display_name, unit=unit)
    if validate:
        password_validation.validate_password(password, user)
    user.set_password(password)
    user.password_changed_at = None if must_change_password else timezone.now()
    user.full_clean(exclude=["password"])
    user.save()
    return user


@transaction.atomic
def role_grant(
    *, by: Any, user: User, role: str, region: Any = None, task_force: Any = None, unit: Any = None
) -> RoleGrant:
    grant = RoleGrant(user=user, role=role, region=region, task_force=task_force, unit=unit)
    grant.full_clean()
    attribute_change(grant, user=by)
    grant.save()
    return grant
