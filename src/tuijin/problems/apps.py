from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProblemsConfig(AppConfig):
    name = "tuijin.problems"
    label = "problems"
    verbose_name = _("Problems")

    def ready(self) -> None:
        from tuijin.core import access
        from tuijin.core.navigation import NavLink, NavSection, register
        from tuijin.projects.ranking.notices.content import register_section

        from . import jobs, records  # noqa: F401  (registers the record pages)
        from .models import Consultation, Problem, WeeklyDigest
        from .notice import flagged_section

        jobs.register()
        register_section(45, flagged_section)

        def sees(model: type) -> object:
            return lambda user: access.may_any(user, access.policy_for(model).see)

        register(
            NavSection(
                "problems",
                _("Problems"),
                30,
                [
                    NavLink(_("Problem list"), "problems:list", allowed=sees(Problem)),
                    NavLink(_("Flagged for supervision"), "problems:flagged", allowed=sees(Problem)),
                    NavLink(_("Weekly digest"), "problems:digest", allowed=sees(WeeklyDigest)),
                    NavLink(_("Consultations"), "problems:consultation_list", allowed=sees(Consultation)),
                    NavLink(_("Problem categories"), "records:list", ("problemcategory",), allowed=sees(Consultation)),
                    NavLink(_("Level time limits"), "records:list", ("levellimit",), allowed=sees(Consultation)),
                ],
                allowed=sees(Problem),
            )
        )
