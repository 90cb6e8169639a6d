from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from tuijin.core.models import TrackedModel


class User(AbstractUser):
    display_name = models.CharField(_("name"), max_length=100, blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("unit"), null=True, blank=True, on_delete=models.SET_NULL, related_name="users"
    )
    language = models.CharField(_("language"), max_length=10, blank=True)
    # Null means the password was set by someone else and must be changed at the next login.
    password_changed_at = models.DateTimeField(_("password changed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.display_name or self.username


class Role(models.TextChoices):
    OFFICE = "office", _("Programme office")
    LEADER = "leader", _("Leader")
    TASK_FORCE = "task_force", _("Task force")
    UNIT = "unit", _("Unit")
    TERRITORY = "territory", _("Territory")
    ENTERPRISE = "enterprise", _("Enterprise")
    AUDITOR = "auditor", _("Auditor")


# Which scope each role is granted with.
REGION_ROLES = {Role.OFFICE, Role.LEADER, Role.TERRITORY}
UNIT_ROLES = {Role.UNIT, Role.ENTERPRISE}


class RoleGrant(TrackedModel):
    """A role held by a user within a scope: a region subtree, a task force or a unit."""

    user = models.ForeignKey(User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="grants")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    region = models.ForeignKey(
        "org.Region", verbose_name=_("region"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    task_force = models.ForeignKey(
        "org.TaskForce", verbose_name=_("task force"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("unit"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("role grant")
        verbose_name_plural = _("role grants")

    def __str__(self) -> str:
        scope = self.region or self.task_force or self.unit or ""
        return f"{self.get_role_display()} {scope}".strip()

    def clean(self) -> None:
        needs = {
            "region": self.role in REGION_ROLES,
            "task_force": self.role == Role.TASK_FORCE,
            "unit": self.role in UNIT_ROLES,
        }
        for field, needed in needs.items():
            has = getattr(self, f"{field}_id") is not None
            if needed and not has:
                raise ValidationError({field: _("This role needs this scope.")})
            if has and not needed:
                raise ValidationError({field: _("This role is not granted with this scope.")})
        if self.role == Role.ENTERPRISE and self.unit and self.unit.kind != "enterprise":
            raise ValidationError({"unit": _("An enterprise role is granted on an enterprise.")})

    @property
    def anchor_region(self):
        """The region a grant's visibility hangs from."""
        if self.region_id:
            return self.region
        if self.task_force_id:
            return self.task_force.programme.region
        if self.unit_id:
            return self.unit.region
        return None
