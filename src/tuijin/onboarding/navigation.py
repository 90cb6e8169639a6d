"""The import page in the top navigation, under the project library, for office users."""

from django.utils.translation import gettext_lazy as _

from tuijin.core.navigation import NavLink, NavSection, register

from . import selectors


def register_navigation() -> None:
    register(
        NavSection(
            "projects",
            _("Project library"),
            20,
            [NavLink(_("Import office workbooks"), "onboarding:home", allowed=selectors.may_import)],
            allowed=selectors.may_import,
        )
    )
