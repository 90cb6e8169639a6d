import datetime as dt

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OnboardingConfig(AppConfig):
    name = "tuijin.onboarding"
    label = "onboarding"
    verbose_name = _("Onboarding")

    def ready(self) -> None:
        from tuijin.dispatch.jobs import JobSpec, register_job

        from .navigation import register_navigation
        from .services import queued_imports_run

        register_navigation()
        register_job(
            JobSpec(
                "onboarding_imports",
                _("Import the office workbooks queued for the background"),
                queued_imports_run,
                dt.timedelta(seconds=15),
            )
        )
