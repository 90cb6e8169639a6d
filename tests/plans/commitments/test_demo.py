"""The demo's commitments: the district's for this year in every state, last year's evaluated, and the
demo users keeping their own."""

import pytest
from django.db.models import Count
from django.utils import timezone

from tuijin.demo.load import load_demo
from tuijin.plans.models import Commitment


@pytest.mark.django_db
def test_it_loads_commitments_in_every_state() -> None:
    load_demo()
    year = timezone.localdate().year
    states = dict(Commitment.objects.filter(year=year).values_list("state").annotate(n=Count("id")))
    assert set(states) == {"draft", "submitted", "returned", "approved", "published"}
    assert set(Commitment.objects.filter(year=year - 1).values_list("state", flat=True)) == {"evaluated"}
    kinds = set(Commitment.objects.values_list("owner_kind", flat=True))
    assert kinds == {"industry", "service_line", "territory"}
    published = Commitment.objects.filter(year=year, state="published")
    assert published.filter(progress__gt=0).count() == published.count()
    keepers = set(Commitment.objects.values_list("events__user__username", flat=True))
    assert {"taskforce", "unit", "territory", "district_office"} <= keepers
