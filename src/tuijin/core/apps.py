from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "tuijin.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from . import audit  # noqa: F401  (connects the audit receivers)
        from .navigation import NavLink, NavSection, register
        from .selectors import may_read_audit

        register(NavSection("home", _("Overview"), 0, [NavLink(_("Overview"), "core:home")]))
        register(
            NavSection("audit", _("Audit log"), 90, [NavLink(_("Audit log"), "core:audit_log")], allowed=may_read_audit)
        )
