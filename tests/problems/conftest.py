"""Problems in the world of tests/projects/conftest.py: project P-T1-A lies in town T1 (whose
government is u_t1), belongs to task force tf_d1 (lead unit u_d) and enterprise ent; programme
prog_d gets a leading group lg_d, the standard categories and level time limits."""

import pytest

from tuijin.org.models import Person, Unit
from tuijin.problems import services
from tuijin.problems.models import Problem, ProblemCategory

from ..projects.conftest import project_world  # noqa: F401  (the fixture, used through problem_world)
from ..world import World


@pytest.fixture
def problem_world(project_world: World) -> World:  # noqa: F811
    w = project_world
    r = w.records
    r["lg_d"] = Unit.objects.create(name="lg_d", region=r["D"], kind="leading_group")
    prog = r["prog_d"]
    prog.leading_group = r["lg_d"]
    prog.save()
    services.problem_defaults_ensure(user=w["office_d"], programme=prog)
    r["permits"] = ProblemCategory.objects.get(programme=prog, sort_order=1)
    r["leader_person"] = Person.objects.create(name="张副区长", unit=r["lg_d"])
    for name, user in w.users.items():
        user.email = f"{name}@example.test"
        user.save()
    return w


def raise_problem(
    world: World, title: str = "环评批复迟迟未下", project: str = "P-T1-A", by: str = "enterprise"
) -> Problem:
    return services.problem_raise(
        user=world[by],
        project=world[project],
        category=world["permits"],
        title=title,
        description="项目环评已提交两个月，尚未批复。",
        request="请协调尽快批复。",
    )
