"""Documents and tasks in the top navigation."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from tuijin.core import access
from tuijin.core.navigation import NavLink, NavSection, register
from tuijin.org.models import Programme

from .models import Document, Task


def _sees(model: type) -> Any:
    return lambda user: access.may_any(user, access.policy_for(model).see)


def _imports(user: Any) -> bool:
    return access.may_any(user, access.policy_for(Programme).change)


def register_navigation() -> None:
    register(
        NavSection(
            "plans",
            _("Policy tasks"),
            25,
            [
                NavLink(_("Documents"), "plans:documents", allowed=_sees(Document)),
                NavLink(_("Tasks"), "plans:tasks", allowed=_sees(Task)),
                NavLink(_("Behind schedule"), "plans:behind", allowed=_sees(Task)),
                NavLink(_("Import a document"), "plans:import", allowed=_imports),
            ],
            allowed=_sees(Task),
        )
    )
