"""The demo's documents go through the decomposer and the import like an upload, and the demo's
tasks stand in every state."""

import pytest
from django.utils import timezone

from tuijin.accounts.models import User
from tuijin.core.periods import add_months, month_start
from tuijin.demo.load import load_demo
from tuijin.demo.org import load_org
from tuijin.demo.plans import DEMO_DOCUMENTS, DOCUMENTS
from tuijin.demo.users import load_users
from tuijin.plans import imports, selectors
from tuijin.plans.due import missing_task_reports
from tuijin.plans.models import Task, UnitRole
from tuijin.plans.progress import Standing

pytestmark = pytest.mark.django_db

# (document number, [(path, title, lead units, cooperating units, deadline)]) per demo document.
EXPECTED = {
    "dongchuan_2026_action_plan.txt": (
        "东政办发〔2026〕12号",
        [
            ("二.1", "深化“放管服”改革", ["省委编办", "省政府办公厅"], [], ""),
            ("二.2", "推进要素市场化配置改革", ["省自然资源厅"], ["省发展改革委", "省财政厅"], "2026-09-30"),
            ("二.3", "深化科技创新体制改革", ["省科技厅"], ["省财政厅", "省工业和信息化厅"], "2026-12-31"),
            ("二.4", "完善金融支持实体经济机制", ["省地方金融监管局"], ["省财政厅", "省发展改革委"], ""),
            ("三.1", "实施“十强”产业集群培育工程", ["省工业和信息化厅"], ["省发展改革委", "省商务厅"], "2026-12-31"),
            ("三.2", "加快新型基础设施建设", ["省工业和信息化厅"], ["省通信管理局"], "2026-11-30"),
            ("三.3", "推进绿色低碳转型", ["省发展改革委"], ["省生态环境厅", "省工业和信息化厅"], "2026-12-31"),
            ("三.4", "扩大高水平对外开放", ["省商务厅"], [], ""),
            ("三.5", "健全重大项目推进机制", ["省新旧动能转换重大工程推进办公室"], ["省统计局"], ""),
        ],
    ),
    "qingshan_2026_tasks.txt": (
        "青发〔2026〕3号",
        [
            (
                "二.一",
                "推进机械制造产业智能化改造",
                ["区经信局"],
                ["区发展改革局", "区财政局", "青山经济开发区管委会"],
                "2026-12-31",
            ),
            ("二.二", "壮大医养健康产业", ["区卫健局"], ["区民政局", "区发展改革局"], "2026-12-31"),
            (
                "二.三",
                "推动木业产业绿色转型",
                ["区林业局"],
                ["区环保局", "白沙镇人民政府", "义堂镇人民政府"],
                "2026-10-31",
            ),
            ("二.四", "打造商贸物流枢纽", ["青山商城管委会"], ["区商务局", "区投资促进局"], "2026-12-31"),
            ("三.一", "设立新旧动能转换引导基金", ["区财政局"], ["区金融办", "区发展改革局"], "2026-09-30"),
            ("三.二", "保障重点项目用地", ["青山自然资源分局"], ["区财政局", "区发展改革局"], "2026-12-31"),
            ("三.三", "加大人才引育力度", ["区人才办"], ["区人力资源社会保障局", "区科技局"], "2026-11-30"),
            ("三.四", "推进企业上市挂牌", ["区金融办"], ["区财政局", "区市场监管局"], ""),
            ("四.一", "深化“一窗受理、一次办好”改革", ["区行政审批服务局"], ["区编办", "区市场监管局"], "2026-06-30"),
            ("四.二", "落实减税降费政策", ["区财政局"], ["区税务局", "区市场监管局"], "2026-12-31"),
            ("四.三", "强化督导考核", ["区委督委办"], ["区新旧动能转换重大工程建设领导小组办公室", "区统计局"], ""),
        ],
    ),
    "qingshan_business_environment_hant.txt": (
        "青政辦發〔2026〕8號",
        [
            ("二.一", "提升政務服務效能", ["区行政审批服务局"], ["区编办"], "2027-06-30"),
            ("二.二", "降低企業融資成本", ["区金融办"], ["区财政局"], "2026-12-31"),
            ("二.三", "優化項目審批服務", ["区行政审批服务局"], ["青山自然资源分局", "区发展改革局"], "2027-06-30"),
            ("二.四", "構建親清政商關係", ["区委督委办"], ["区投资促进局", "区财政局"], ""),
        ],
    ),
}


def _names(task: Task, role: str) -> list[str]:
    return [a.unit.name for a in task.assignments.filter(role=role).select_related("unit").order_by("position")]


@pytest.mark.parametrize(("file_name", "upload_name", "where", "kind"), DEMO_DOCUMENTS, ids=lambda v: str(v)[:12])
def test_each_demo_document_imports_into_its_tasks(file_name: str, upload_name: str, where: str, kind: str) -> None:
    org = load_org()
    load_users(org)
    programme = org.province_programme if where == "province" else org.district_programme
    result = imports.import_text(
        user=User.objects.get(username="admin"),
        programme=programme,
        task_force=None,
        kind=kind,
        file_name=upload_name,
        data=(DOCUMENTS / file_name).read_bytes(),
    )
    number, tasks = EXPECTED[file_name]
    assert result.document.doc_number == number and result.created == len(tasks)
    found = [
        (
            t.path,
            t.title,
            _names(t, UnitRole.LEAD),
            _names(t, UnitRole.COOPERATING),
            t.deadline.isoformat() if t.deadline else "",
        )
        for t in result.document.tasks.order_by("position")
    ]
    assert found == [(p, title, leads, coop, deadline) for p, title, leads, coop, deadline in tasks]


def test_the_demo_has_tasks_in_every_state() -> None:
    load_demo()
    office = User.objects.get(username="office")
    standings = {
        row.position.standing
        for row in selectors.task_rows(selectors.tasks_visible(user=office), as_of=timezone.localdate())
    }
    assert {Standing.ON_TRACK, Standing.DONE} <= standings
    # The documents are dated 2026: from 2027 on, the lagging tasks are past their deadlines too.
    assert standings & {Standing.BEHIND, Standing.OVERDUE}
    last_month = add_months(month_start(timezone.localdate()), -1)
    district = Task.objects.filter(document__doc_number="青发〔2026〕3号").first().document.programme
    assert missing_task_reports(programme=district, period=last_month)
