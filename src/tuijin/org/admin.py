from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from . import models


@admin.register(models.Region)
class RegionAdmin(SimpleHistoryAdmin):
    list_display = ("code", "name", "level", "parent")
    list_filter = ("level",)
    search_fields = ("code", "name")
    autocomplete_fields = ("parent",)


@admin.register(models.Unit)
class UnitAdmin(SimpleHistoryAdmin):
    list_display = ("name", "kind", "region")
    list_filter = ("kind",)
    search_fields = ("name", "aliases")
    autocomplete_fields = ("region",)


@admin.register(models.TaskForce)
class TaskForceAdmin(SimpleHistoryAdmin):
    list_display = ("name", "kind", "programme", "lead_unit")
    list_filter = ("kind",)
    search_fields = ("name",)
    autocomplete_fields = ("lead_unit", "member_units", "lead_officials", "contact", "industry")


@admin.register(models.Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ("name", "post", "unit")
    search_fields = ("name",)
    autocomplete_fields = ("unit",)


@admin.register(models.Industry)
class IndustryAdmin(SimpleHistoryAdmin):
    list_display = ("name", "region")
    search_fields = ("name",)


for model in (models.Programme, models.ThinkTank, models.Expert, models.Alliance, models.Fund, models.Policy):
    admin.site.register(model, SimpleHistoryAdmin)
