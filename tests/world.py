"""A small organisation with one record of each kind in each place that matters for access:
province P with city C (county D with towns T1, T2; county D2) and city C2.
The role-matrix test states by hand what each role must see and change in it."""

from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from tuijin.accounts.models import Role, RoleGrant, User
from tuijin.org.models import (
    Alliance,
    Expert,
    Fund,
    Industry,
    Person,
    Policy,
    Programme,
    Region,
    TaskForce,
    ThinkTank,
    Unit,
)
from tuijin.plans.models import Document

PASSWORD = "Correct-Horse-9"


@dataclass
class World:
    records: dict[str, Any] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Any:
        return self.records.get(name) or self.users[name]


def make_user(username: str, role: str | None = None, **scope: Any) -> User:
    user = User.objects.create_user(username=username, password=PASSWORD, password_changed_at=timezone.now())
    if role:
        RoleGrant.objects.create(user=user, role=role, **scope)
    return user


def build_world() -> World:
    w = World()
    r = w.records

    def region(name: str, code: str, level: str, parent: str | None = None) -> None:
        r[name] = Region.objects.create(name=name, code=code, level=level, parent=r.get(parent) if parent else None)

    region("P", "990000", "province")
    region("C", "990100", "city", "P")
    region("C2", "990200", "city", "P")
    region("D", "990102", "county", "C")
    region("D2", "990103", "county", "C")
    region("T1", "990102001", "town", "D")
    region("T2", "990102002", "town", "D")

    def unit(name: str, where: str, kind: str = "department") -> None:
        r[name] = Unit.objects.create(name=name, region=r[where], kind=kind)

    unit("u_p", "P")
    unit("u_d", "D")
    unit("u_d2", "D2")
    unit("u_t1", "T1", "government")
    unit("ent", "T1", "enterprise")
    unit("ent2", "T2", "enterprise")
    for person, where in [("p_p", "u_p"), ("p_d", "u_d"), ("p_d2", "u_d2"), ("p_t1", "u_t1"), ("p_ent", "ent")]:
        r[person] = Person.objects.create(name=person, unit=r[where])
    r["ind_p"] = Industry.objects.create(name="ind_p", region=r["P"])
    r["ind_d"] = Industry.objects.create(name="ind_d", region=r["D"])
    for name, where in [("prog_p", "P"), ("prog_d", "D"), ("prog_d2", "D2")]:
        r[name] = Programme.objects.create(name=name, region=r[where], start_year=2024, end_year=2028)
    r["tf_p"] = TaskForce.objects.create(
        name="tf_p", programme=r["prog_p"], kind="industry", industry=r["ind_p"], lead_unit=r["u_p"]
    )
    r["tf_d1"] = TaskForce.objects.create(
        name="tf_d1", programme=r["prog_d"], kind="industry", industry=r["ind_d"], lead_unit=r["u_d"]
    )
    r["tf_d2"] = TaskForce.objects.create(name="tf_d2", programme=r["prog_d"], kind="service_line", lead_unit=r["u_d"])
    r["tf_x"] = TaskForce.objects.create(name="tf_x", programme=r["prog_d2"], kind="pillar", lead_unit=r["u_d2"])
    r["tt_d1"] = ThinkTank.objects.create(name="tt_d1", task_force=r["tf_d1"])
    r["tt_d2"] = ThinkTank.objects.create(name="tt_d2", task_force=r["tf_d2"])
    r["e_d1"] = Expert.objects.create(name="e_d1", think_tank=r["tt_d1"], is_chief=True)
    r["al_d1"] = Alliance.objects.create(name="al_d1", task_force=r["tf_d1"])
    r["f_p"] = Fund.objects.create(name="f_p", programme=r["prog_p"], task_force=r["tf_p"])
    r["f_d1"] = Fund.objects.create(name="f_d1", programme=r["prog_d"], task_force=r["tf_d1"])
    r["pol_d2"] = Policy.objects.create(
        title="pol_d2", programme=r["prog_d"], task_force=r["tf_d2"], issuer="x", domain="land"
    )
    r["doc_d1"] = Document.objects.create(title="doc_d1", programme=r["prog_d"], task_force=r["tf_d1"], kind="plan")

    w.users = {
        "office_p": make_user("office_p", Role.OFFICE, region=r["P"]),
        "office_d": make_user("office_d", Role.OFFICE, region=r["D"]),
        "leader_d": make_user("leader_d", Role.LEADER, region=r["D"]),
        "taskforce_d1": make_user("taskforce_d1", Role.TASK_FORCE, task_force=r["tf_d1"]),
        "unit_d": make_user("unit_d", Role.UNIT, unit=r["u_d"]),
        "territory_t1": make_user("territory_t1", Role.TERRITORY, region=r["T1"]),
        "enterprise": make_user("enterprise", Role.ENTERPRISE, unit=r["ent"]),
        "auditor": make_user("auditor", Role.AUDITOR),
        "outsider": make_user("outsider"),
    }
    return w
