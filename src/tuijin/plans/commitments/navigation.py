"""The commitment pages in the top navigation."""

from django.utils.translation import gettext_lazy as _

from tuijin.core.navigation import NavLink, NavSection, register

from . import selectors


def register_navigation() -> None:
    register(
        NavSection(
            "commitments",
            _("Commitments"),
            35,
            [
                NavLink(_("Commitment list"), "commitments:list", allowed=selectors.may_read),
                NavLink(_("Approval queue"), "commitments:queue", allowed=selectors.may_review),
                NavLink(_("Public page"), "portal:index"),
            ],
            allowed=selectors.may_read,
        )
    )
