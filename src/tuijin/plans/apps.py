from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "tuijin.plans"
    label = "plans"
    verbose_name = _("Plans and tasks")

    def ready(self) -> None:
        from . import due, navigation
        from .commitments.navigation import register_navigation

        due.register()
        navigation.register_navigation()
        register_navigation()
