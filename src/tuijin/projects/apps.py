from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "tuijin.projects"
    label = "projects"
    verbose_name = _("Project library")

    def ready(self) -> None:
        from .library.navigation import register_navigation as register_library
        from .ranking.navigation import register_navigation as register_ranking
        from .reporting.navigation import register_navigation as register_reporting

        # The library first: its section is open to every role that sees projects (enterprises
        # included); the ranking and reporting links then join it with their own, narrower, checks.
        register_library()
        register_ranking()
        register_reporting()
