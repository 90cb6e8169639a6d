"""The state machine of 定诺、亮诺、践诺、评诺: every step by the right person in the right state,
recorded on the timeline and in history; refused moves, refused people and stale forms."""

from decimal import Decimal

import pytest

from tuijin.core.access import AccessDenied
from tuijin.core.models import AuditEntry
from tuijin.core.services import StaleRecord
from tuijin.dispatch.models import Notification
from tuijin.plans.commitments import services
from tuijin.plans.models import Commitment, CommitmentEvent

from ...world import World
from .conftest import YEAR, make_commitment

pytestmark = pytest.mark.django_db


def test_it_walks_a_commitment_through_every_step_and_records_each(world: World) -> None:
    c = make_commitment(world, state="evaluated")
    assert (c.state, c.progress, c.score) == ("evaluated", 100, Decimal("92.5"))
    kinds = list(c.events.values_list("kind", flat=True))
    assert kinds == ["created", "submitted", "approved", "published", "progress", "evaluated"]
    users = list(c.events.values_list("user__username", flat=True))
    assert users == ["taskforce_d1", "taskforce_d1", "office_d", "office_d", "taskforce_d1", "office_d"]
    assert c.published_at is not None
    assert c.history.count() == 6
    audited = AuditEntry.objects.filter(model="plans.Commitment", object_id=str(c.pk))
    assert set(audited.values_list("username", flat=True)) == {"taskforce_d1", "office_d"}


def test_it_reads_the_target_figure_from_the_text(world: World) -> None:
    c = make_commitment(world, target="全年招引亿元以上项目突破15个")
    assert (c.target_value, c.target_unit, c.target_comparator) == (Decimal(15), "个", ">")


def test_it_reads_the_target_in_traditional_script_and_keeps_the_text_as_typed(world: World) -> None:
    c = make_commitment(world, target="新增規上工業企業10家以上")
    assert c.target == "新增規上工業企業10家以上"
    assert (c.target_value, c.target_unit, c.target_comparator) == (Decimal(10), "家", ">=")


def test_it_keeps_a_figure_the_owner_typed(world: World) -> None:
    c = make_commitment(
        world, target="产业规模明显扩大", target_value=Decimal(30), target_unit="亿元", target_comparator=">="
    )
    assert (c.target_value, c.target_unit) == (Decimal(30), "亿元")


def test_it_reads_the_figure_again_when_the_target_text_changes(world: World) -> None:
    c = make_commitment(world)
    c = services.commitment_edit(
        user=world["taskforce_d1"], commitment=c, expected_version=c.version, target="新增规上工业企业不少于20家"
    )
    assert (c.target_value, c.target_comparator) == (Decimal(20), ">=")


def test_it_places_a_task_force_commitment_at_the_programme_and_a_town_one_at_the_town(world: World) -> None:
    assert make_commitment(world, "tf_d1").region == world["D"]
    town = make_commitment(world, "T1")
    assert (town.region, town.owner_kind, town.owner_name) == (world["T1"], "territory", "T1")
    assert make_commitment(world, "tf_d2").owner_kind == "service_line"


@pytest.mark.parametrize(
    ("state", "step"),
    [
        ("draft", "approve"),
        ("draft", "publish"),
        ("submitted", "publish"),
        ("approved", "return"),
        ("draft", "progress"),
        ("approved", "evaluate"),
        ("evaluated", "progress"),
        ("published", "submit"),
    ],
)
def test_it_refuses_a_step_the_state_does_not_allow(world: World, state: str, step: str) -> None:
    c = make_commitment(world, state=state)
    user = world["taskforce_d1"] if step in {"submit", "progress"} else world["office_d"]
    call = {
        "approve": lambda: services.commitment_approve(user=user, commitment=c, expected_version=c.version),
        "publish": lambda: services.commitment_publish(user=user, commitment=c, expected_version=c.version),
        "return": lambda: services.commitment_return(user=user, commitment=c, comment="x", expected_version=c.version),
        "submit": lambda: services.commitment_submit(user=user, commitment=c, expected_version=c.version),
        "progress": lambda: services.commitment_progress_report(
            user=user, commitment=c, progress=50, narrative="x", expected_version=c.version
        ),
        "evaluate": lambda: services.commitment_evaluate(
            user=user, commitment=c, score=Decimal(80), comment="x", expected_version=c.version
        ),
    }[step]
    with pytest.raises(services.CommitmentRefused):
        call()
    assert Commitment.objects.get(pk=c.pk).state == state


def test_it_lets_only_the_office_approve(world: World) -> None:
    c = make_commitment(world, state="submitted")
    with pytest.raises(AccessDenied):
        services.commitment_approve(user=world["taskforce_d1"], commitment=c, expected_version=c.version)
    with pytest.raises(AccessDenied):
        services.commitment_approve(user=world["leader_d"], commitment=c, expected_version=c.version)
    assert Commitment.objects.get(pk=c.pk).state == "submitted"


def test_it_lets_only_the_owner_report_progress(world: World) -> None:
    c = make_commitment(world, state="published")
    for intruder in ("office_d", "territory_t1"):
        with pytest.raises(AccessDenied):
            services.commitment_progress_report(
                user=world[intruder], commitment=c, progress=40, narrative="x", expected_version=c.version
            )
    c = services.commitment_progress_report(
        user=world["taskforce_d1"], commitment=c, progress=40, narrative="培育库入库30家", expected_version=c.version
    )
    assert (c.progress, c.progress_note) == (40, "培育库入库30家")


def test_it_lets_the_department_leading_a_service_line_keep_its_commitments(world: World) -> None:
    c = make_commitment(world, "tf_d2", state="published")
    c = services.commitment_progress_report(
        user=world["unit_d"], commitment=c, progress=30, narrative="x", expected_version=c.version
    )
    assert c.progress == 30


def test_it_refuses_a_town_drafting_for_a_task_force(world: World) -> None:
    with pytest.raises(AccessDenied):
        services.commitment_create(
            user=world["territory_t1"],
            programme=world["prog_d"],
            year=YEAR,
            task_force=world["tf_d1"],
            title="x",
            target="x",
            measures="x",
            responsible="x",
        )
    assert not Commitment.objects.exists() and not CommitmentEvent.objects.exists()


def test_it_refuses_a_town_drafting_for_another_town(world: World) -> None:
    with pytest.raises(AccessDenied):
        services.commitment_create(
            user=world["territory_t1"],
            programme=world["prog_d"],
            year=YEAR,
            region=world["T2"],
            title="x",
            target="x",
            measures="x",
            responsible="x",
        )


@pytest.mark.parametrize(
    ("where", "year"),
    [
        ({"task_force": "tf_x"}, YEAR),
        ({"region": "D2"}, YEAR),
        ({"region": "D"}, YEAR),
        ({"task_force": "tf_d1"}, 2030),
    ],
)
def test_it_refuses_an_owner_outside_the_programme_or_a_year_outside_it(world: World, where: dict, year: int) -> None:
    with pytest.raises(services.CommitmentRefused):
        services.commitment_create(
            user=world["office_p"],
            programme=world["prog_d"],
            year=year,
            **{key: world[name] for key, name in where.items()},
            title="x",
            target="x",
            measures="x",
            responsible="x",
        )


def test_it_refuses_a_stale_form(world: World) -> None:
    c = make_commitment(world, state="submitted")
    seen = c.version
    services.commitment_return(user=world["office_d"], commitment=c, comment="请补充措施", expected_version=seen)
    with pytest.raises(StaleRecord):
        services.commitment_approve(user=world["office_d"], commitment=c, expected_version=seen)
    assert Commitment.objects.get(pk=c.pk).state == "returned"


def test_it_needs_a_comment_to_return_and_to_evaluate(world: World) -> None:
    c = make_commitment(world, state="submitted")
    with pytest.raises(services.CommitmentRefused):
        services.commitment_return(user=world["office_d"], commitment=c, comment="  ", expected_version=c.version)
    c = make_commitment(world, state="published")
    with pytest.raises(services.CommitmentRefused):
        services.commitment_evaluate(
            user=world["office_d"], commitment=c, score=Decimal(90), comment="", expected_version=c.version
        )


@pytest.mark.parametrize("score", [Decimal("-1"), Decimal("100.5")])
def test_it_refuses_a_score_outside_0_to_100(world: World, score: Decimal) -> None:
    c = make_commitment(world, state="published")
    with pytest.raises(services.CommitmentRefused):
        services.commitment_evaluate(
            user=world["office_d"], commitment=c, score=score, comment="x", expected_version=c.version
        )


def test_it_lets_a_returned_commitment_be_edited_and_submitted_again(world: World) -> None:
    c = make_commitment(world, state="returned")
    keeper = world["taskforce_d1"]
    c = services.commitment_edit(user=keeper, commitment=c, expected_version=c.version, measures="新措施")
    c = services.commitment_submit(user=keeper, commitment=c, expected_version=c.version)
    assert (c.state, c.measures) == ("submitted", "新措施")
    assert list(c.events.values_list("kind", flat=True))[-3:] == ["returned", "edited", "submitted"]


def test_it_refuses_editing_a_published_commitment(world: World) -> None:
    c = make_commitment(world, state="published")
    with pytest.raises(services.CommitmentRefused):
        services.commitment_edit(user=world["taskforce_d1"], commitment=c, expected_version=c.version, title="改")


def test_it_tells_the_office_of_a_submission_and_the_keepers_of_a_return(world: World) -> None:
    c = make_commitment(world, "tf_d1", state="returned")
    submitted = Notification.objects.get(what__startswith="commitment-event:", subject__contains="等待您审核")
    assert submitted.recipient == world["office_d"] and submitted.url == c.get_absolute_url()
    returned = Notification.objects.filter(body="目标偏低，请提高。")
    assert set(returned.values_list("recipient__username", flat=True)) == {"taskforce_d1", "unit_d"}


def test_it_tells_a_town_s_keepers_and_nobody_for_a_draft(world: World) -> None:
    make_commitment(world, "T1")
    assert not Notification.objects.exists()
    make_commitment(world, "T1", state="published")
    told = Notification.objects.filter(subject__contains="已亮诺")
    assert list(told.values_list("recipient__username", flat=True)) == ["territory_t1"]


def test_it_tells_a_comment_holding_a_percent_sign_as_typed(world: World) -> None:
    c = make_commitment(world, state="submitted")
    services.commitment_return(
        user=world["office_d"], commitment=c, comment="增速应不低于8.1%。", expected_version=c.version
    )
    assert Notification.objects.filter(body="增速应不低于8.1%。").exists()
