from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgConfig(AppConfig):
    name = "tuijin.org"
    label = "org"
    verbose_name = _("Organisation")

    def ready(self) -> None:
        from tuijin.core import access
        from tuijin.core.navigation import NavLink, NavSection, register

        from . import records  # noqa: F401  (registers the organisation's record pages)
        from .models import Programme, TaskForce

        def sees(model: type) -> object:
            return lambda user: access.may_any(user, access.policy_for(model).see)

        register(
            NavSection(
                "org",
                _("Organisation"),
                10,
                [
                    NavLink(_("Programmes"), "org:programme_list", allowed=sees(Programme)),
                    NavLink(_("Task forces"), "records:list", ("taskforce",), allowed=sees(TaskForce)),
                    NavLink(_("Units"), "records:list", ("unit",)),
                    NavLink(_("People"), "records:list", ("person",)),
                    NavLink(_("Regions"), "records:list", ("region",), allowed=sees(Programme)),
                    NavLink(_("Industries"), "records:list", ("industry",), allowed=sees(Programme)),
                    NavLink(_("Policy register"), "records:list", ("policy",), allowed=sees(Programme)),
                    NavLink(
                        _("Import and export"), "org:import", allowed=lambda user: access.may_create(user, TaskForce)
                    ),
                ],
                allowed=lambda user: access.may_any(user, {*access.policy_for(TaskForce).see, "enterprise"}),
            )
        )
