"""The reporting pages in the top navigation, beside the rankings in the project library's section."""

from django.utils.translation import gettext_lazy as _

from tuijin.core import access
from tuijin.core.navigation import NavLink, NavSection, register

from . import selectors


def register_navigation() -> None:
    register(
        NavSection(
            "projects",
            _("Project library"),
            20,
            [
                NavLink(_("Monthly reports"), "projects:report_grid", allowed=selectors.may_report),
                NavLink(_("Review reports"), "projects:report_review", allowed=selectors.may_review),
                NavLink(_("Flagged reports"), "projects:report_flagged", allowed=selectors.may_review),
            ],
            allowed=lambda user: access.may_any(user, selectors.REPORTER_ROLES),
        )
    )
