"""One demo user per role; the README lists them. They share one password that meets the policy."""

from django.utils import timezone

from tuijin.accounts.models import Role, User
from tuijin.accounts.services import role_grant, user_create
from tuijin.org.models import Region, TaskForce, Unit

from .org import DemoOrg

DEMO_PASSWORD = "Tuijin@2026"

# (user name, display name, role, what the scope is)
DEMO_USERS = [
    ("office", "省重大办 王主任", Role.OFFICE, "province"),
    ("district_office", "区领导小组办公室 李科长", Role.OFFICE, "district"),
    ("leader", "省领导 赵副省长", Role.LEADER, "province"),
    ("taskforce", "机械制造专班 孙联络员", Role.TASK_FORCE, "district:机械制造专班"),
    ("unit", "区财政局 钱科长", Role.UNIT, "unit:区财政局"),
    ("territory", "柳青街道 周干事", Role.TERRITORY, "town:柳青街道"),
    ("enterprise", "临川重工 吴经理", Role.ENTERPRISE, "unit:临川重工机械有限公司"),
    ("auditor", "安全审计员 郑工", Role.AUDITOR, ""),
]


def load_users(org: DemoOrg) -> list[User]:
    users = []
    admin = User.objects.create_superuser("admin", password=DEMO_PASSWORD, display_name="系统管理员")
    admin.password_changed_at = timezone.now()
    admin.save(update_fields=["password_changed_at"])
    for username, display_name, role, scope in DEMO_USERS:
        kind, _sep, name = scope.partition(":")
        unit = Unit.objects.get(name=name) if kind == "unit" else None
        user = user_create(
            username=username, password=DEMO_PASSWORD, display_name=display_name, unit=unit, must_change_password=False
        )
        grant = {
            "province": {"region": org.province},
            "district": {"region": org.district},
            "town": {"region": Region.objects.filter(name=name).first()},
            "unit": {"unit": unit},
        }.get(kind, {})
        if role == Role.TASK_FORCE:
            grant = {"task_force": TaskForce.objects.get(name=name, programme=org.district_programme)}
        role_grant(by=admin, user=user, role=role, **grant)
        users.append(user)
    return users
