"""The demo's problems hang on its projects and show every stage: each level, each status, one
flagged for supervision, one past its date."""

import pytest
from django.utils import timezone

from tuijin.demo.generator.projects import Calendar
from tuijin.problems.models import Problem, ProblemLevel, ProblemStatus

pytestmark = pytest.mark.django_db


def test_it_raises_problems_at_every_level_and_status(demo: Calendar) -> None:
    problems = Problem.objects.all()
    assert set(problems.values_list("level", flat=True)) == set(ProblemLevel.values)
    assert set(problems.values_list("status", flat=True)) == set(ProblemStatus.values)


def test_it_flags_one_and_leaves_one_past_its_date(demo: Calendar) -> None:
    assert Problem.objects.filter(flagged=True).count() == 1
    late = Problem.objects.filter(status=ProblemStatus.OPEN, due_on__lt=timezone.localdate())
    assert late.count() == 1


def test_it_hangs_them_on_the_projects_of_the_demo_users(demo: Calendar) -> None:
    names = set(Problem.objects.values_list("project__name", flat=True))
    assert "临川重工智能工程机械产业园（二期）项目" in names  # the enterprise user's
    assert "临川康养医养结合康养综合体（二期）项目" in names  # in the territory user's town
    assert "青山木业年产30万立方米高端板材及烘干车间建设项目" in names
