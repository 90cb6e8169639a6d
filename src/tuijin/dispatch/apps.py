from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DispatchConfig(AppConfig):
    name = "tuijin.dispatch"
    label = "dispatch"
    verbose_name = _("Dispatch")

    def ready(self) -> None:
        from tuijin.core import access
        from tuijin.core.navigation import NavLink, NavSection, register

        from . import due, jobs, records  # noqa: F401  (register the providers, jobs and record pages)
        from .models import Cadence, ThematicReport, Webhook
        from .selectors import may_see_jobs

        def sees(model: type) -> object:
            return lambda user: access.may_any(user, access.policy_for(model).see)

        register(
            NavSection(
                "dispatch",
                _("Dispatch"),
                40,
                [
                    NavLink(_("Calendar"), "dispatch:calendar", allowed=sees(Cadence)),
                    NavLink(_("Inbox"), "dispatch:inbox"),
                    NavLink(_("Thematic reports"), "dispatch:thematic_list", allowed=sees(ThematicReport)),
                    NavLink(_("Cadence"), "records:list", ("cadence",), allowed=sees(Cadence)),
                    NavLink(_("Unit contacts"), "records:list", ("unitcontact",), allowed=sees(Cadence)),
                    NavLink(_("Group robots"), "records:list", ("webhook",), allowed=sees(Webhook)),
                    NavLink(_("Background jobs"), "dispatch:jobs", allowed=may_see_jobs),
                ],
            )
        )
