from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from . import models


@admin.register(models.Problem)
class ProblemAdmin(SimpleHistoryAdmin):
    list_display = ("title", "project", "level", "owner_unit", "status", "due_on", "flagged")
    list_filter = ("status", "level", "flagged")
    search_fields = ("title",)
    raw_id_fields = ("project", "owner_unit", "raised_by", "raised_by_unit", "flag_leader")


@admin.register(models.ProblemEvent)
class ProblemEventAdmin(admin.ModelAdmin):
    list_display = ("problem", "kind", "at", "user")
    list_filter = ("kind",)


for model in (models.ProblemCategory, models.LevelLimit, models.Consultation, models.Decision):
    admin.site.register(model, SimpleHistoryAdmin)
admin.site.register(models.WeeklyDigest)
