"""The library's pages in the top navigation, in the project library's section (the ranking pages
register theirs into the same section)."""

from django.utils.translation import gettext_lazy as _

from tuijin.core.navigation import NavLink, NavSection, register

from . import selectors


def register_navigation() -> None:
    register(
        NavSection(
            "projects",
            _("Project library"),
            20,
            [
                NavLink(_("Projects"), "projects:project_list", allowed=selectors.may_see_projects),
                NavLink(_("Origination targets"), "projects:origination", allowed=selectors.may_see_origination),
            ],
            allowed=selectors.may_see_projects,
        )
    )
