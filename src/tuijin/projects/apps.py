from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "tuijin.projects"
    label = "projects"
    verbose_name = _("Project library")

    def ready(self) -> None:
        from .ranking.navigation import register_navigation
        from .reporting.navigation import register_navigation as register_reporting

        register_navigation()
        register_reporting()
