from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import RoleGrant, User


class RoleGrantInline(admin.TabularInline):
    model = RoleGrant
    extra = 0
    autocomplete_fields = ["region", "task_force", "unit"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = (
        *BaseUserAdmin.fieldsets,
        ("Tuijin", {"fields": ("display_name", "phone", "unit", "language", "password_changed_at")}),
    )
    list_display = ("username", "display_name", "unit", "is_active", "last_login")
    autocomplete_fields = ["unit"]
    inlines = [RoleGrantInline]


@admin.register(RoleGrant)
class RoleGrantAdmin(SimpleHistoryAdmin):
    list_display = ("user", "role", "region", "task_force", "unit")
    list_filter = ("role",)
    autocomplete_fields = ["user", "region", "task_force", "unit"]
