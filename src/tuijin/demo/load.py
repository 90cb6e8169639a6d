"""Builds the whole demo in one transaction, in the order the parts depend on each other."""

from django.db import transaction

from .commitments import load_commitments
from .org import load_org
from .plans import load_plans
from .problems import load_problems
from .projects import load_projects
from .users import load_users


@transaction.atomic
def load_demo() -> None:
    org = load_org()
    load_users(org)
    load_projects(org)
    load_problems(org)
    load_commitments(org)
    load_plans(org)
