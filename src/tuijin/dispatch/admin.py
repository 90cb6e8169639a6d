from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from . import models


@admin.register(models.Cadence)
class CadenceAdmin(SimpleHistoryAdmin):
    list_display = ("name", "kind", "frequency", "programme", "is_active")
    list_filter = ("kind", "frequency")


@admin.register(models.Webhook)
class WebhookAdmin(SimpleHistoryAdmin):
    # The address and the secret are never listed; the change form shows them to superusers only.
    list_display = ("name", "kind", "unit", "is_active")
    list_filter = ("kind",)


@admin.register(models.Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ("subject", "recipient", "day", "created_at", "read_at")
    search_fields = ("subject", "what")


@admin.register(models.Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ("subject", "channel", "whom", "status", "attempts", "sent_at")
    list_filter = ("channel", "status")
    exclude = ("body",)


@admin.register(models.Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ("name", "status", "started_at", "finished_at", "runner")
    list_filter = ("name", "status")


for model in (models.ThematicReport, models.ReminderPolicy, models.UnitContact):
    admin.site.register(model, SimpleHistoryAdmin)
