from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from . import models


@admin.register(models.ImportJob)
class ImportJobAdmin(SimpleHistoryAdmin):
    list_display = ("file_name", "programme", "period", "user", "status", "created", "updated", "reports", "skipped")
    list_filter = ("status",)
    raw_id_fields = ("programme", "user")


@admin.register(models.LayoutMapping)
class LayoutMappingAdmin(SimpleHistoryAdmin):
    list_display = ("sheet", "programme", "signature", "confirmed_by", "updated_at")
    raw_id_fields = ("programme", "confirmed_by")
