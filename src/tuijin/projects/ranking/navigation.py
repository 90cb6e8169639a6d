"""The ranking pages in the top navigation, under the project library's section."""

from django.utils.translation import gettext_lazy as _

from tuijin.core import access
from tuijin.core.navigation import NavLink, NavSection, register

from . import selectors


def register_navigation() -> None:
    from ..models import Notice

    def sees_notices(user: object) -> bool:
        return access.may_any(user, access.policy_for(Notice).see)

    register(
        NavSection(
            "projects",
            _("Project library"),
            20,
            [
                NavLink(_("Dashboard"), "projects:dashboard", allowed=selectors.may_rank),
                NavLink(_("Rankings"), "projects:ranking", allowed=selectors.may_rank),
                NavLink(_("Monthly notices"), "projects:notice_list", allowed=sees_notices),
                NavLink(_("Ranking rules"), "projects:ranking_rules", allowed=selectors.may_rank),
            ],
            allowed=lambda user: access.may_any(user, access.policy_for(Notice).see),
        )
    )
