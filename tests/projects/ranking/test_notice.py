"""The monthly notice: Word and Excel files an office would circulate, regenerated while a draft,
frozen once published."""

import io
import os
import re
import zipfile

import docx
import openpyxl
import pytest
from django.core.exceptions import PermissionDenied

from tuijin.core.services import StaleRecord
from tuijin.projects.models import Notice, NoticeStatus, ReportingMonth
from tuijin.projects.ranking import services
from tuijin.projects.ranking.notices.services import NoticeRefused, files_intact, notice_generate, notice_publish
from tuijin.projects.ranking.rules import RuleConfig

from ...world import World
from .conftest import JUNE


def generate(world: World) -> Notice:
    return notice_generate(user=world["office_p"], programme=world["prog_p"], period=JUNE)


def word(notice: Notice) -> docx.document.Document:
    with notice.docx.open("rb") as stored:
        return docx.Document(io.BytesIO(stored.read()))


def ranking_table(document: docx.document.Document, first_name: str) -> list[list[str]]:
    for table in document.tables:
        rows = [[cell.text for cell in row.cells] for row in table.rows]
        if rows[0][0] == "名称" and rows[1][0] == first_name:
            return rows
    raise AssertionError(f"no ranking table starting with {first_name}")


def test_it_writes_the_ranking_tables_into_the_word_file(june: World) -> None:
    rows = ranking_table(word(generate(june)), "C")
    assert rows[0][:5] == ["名称", "计划开工", "已开工", "开工率", "开工率排名"]
    assert rows[1] == ["C", "2", "1", "50.0%", "1", "0.35", "0.09", "25.7%", "−24.3", "1", "2"]
    assert rows[2] == ["C2", "2", "1", "50.0%", "1", "0.14", "0.03", "21.4%", "−28.6", "2", "1"]
    assert rows[3][0] == "合计" and rows[3][1:4] == ["5", "3", "60.0%"]


def test_it_writes_sentences_that_match_its_tables(june: World) -> None:
    document = word(generate(june))
    text = "\n".join(p.text for p in document.paragraphs)
    for first in ("C", "tf_p2"):
        rows = ranking_table(document, first)[1:-1]
        by_start = sorted(rows, key=lambda r: int(r[4]))
        top = "、".join(f"{r[0]}（{r[3]}）" for r in by_start if int(r[4]) <= 3)
        assert f"开工率排名前三位的是：{top}。" in text
        by_completion = sorted(rows, key=lambda r: int(r[9]))
        order = "、".join(f"{r[0]}（{r[7]}）" for r in by_completion)
        assert f"投资完成率由高到低依次是：{order}。" in text
        below = "、".join(
            f"{r[0]}（低于时序进度{r[8].lstrip('−')}个百分点）" for r in by_completion if r[8].startswith("−")
        )
        assert f"投资完成率低于时序进度的有：{below}。" in text


def test_it_states_the_headline_figures_and_the_rule(june: World) -> None:
    text = "\n".join(p.text for p in word(generate(june)).paragraphs)
    assert "关于2025年6月P重大项目推进情况的通报" in text
    assert "计划开工5个，已开工3个，开工率60.0%" in text
    assert "投资完成率23.7%，低于时序进度26.3个百分点" in text
    assert "排名规则：2025年标准排名规则（第1版）" in text


def test_it_draws_a_native_chart_of_the_rates_in_the_word_file(june: World) -> None:
    with generate(june).docx.open("rb") as stored:
        package = zipfile.ZipFile(io.BytesIO(stored.read()))
    chart = package.read("word/charts/chart1.xml").decode()
    assert "<c:v>C</c:v>" in chart and "<c:v>C2</c:v>" in chart and "<c:v>0.5</c:v>" in chart
    assert any(name.startswith("word/embeddings/") for name in package.namelist())


def test_it_lists_the_projects_far_behind_in_the_workbook(june: World) -> None:
    """More than 30 points behind 50 %: A2 and B2 (nothing done), Z1 (10 %); B1 at 30 % is only yellow."""
    with generate(june).xlsx.open("rb") as stored:
        workbook = openpyxl.load_workbook(io.BytesIO(stored.read()))
    behind = workbook["低于时序进度"]
    assert [row[0] for row in behind.iter_rows(min_row=3, values_only=True)] == ["A2", "B2", "Z1"]
    assert workbook["图1"]._charts


def test_it_regenerates_a_draft_with_new_files_and_drops_the_old_ones(
    june: World, django_capture_on_commit_callbacks
) -> None:
    first = generate(june)
    old_path = first.docx.path
    with django_capture_on_commit_callbacks(execute=True):
        again = generate(june)
    assert again.pk == first.pk and again.status == NoticeStatus.DRAFT
    assert again.docx.name != first.docx.name and again.version == first.version + 1
    assert files_intact(again)
    assert not os.path.exists(old_path)


def test_it_freezes_a_published_notice_whatever_changes_after(june: World) -> None:
    notice = generate(june)
    published = notice_publish(user=june["office_p"], notice=notice, expected_version=notice.version)
    frozen_hash, frozen_files = published.content_hash, (published.docx.name, published.xlsx.name)
    services.ranking_rule_save(
        user=june["office_p"],
        programme=june["prog_p"],
        year=2025,
        config=RuleConfig(count_resumed=True),
        name="开复工率",
        based_on=1,
    )
    with pytest.raises(NoticeRefused):
        generate(june)
    published.refresh_from_db()
    assert (published.status, published.content_hash) == (NoticeStatus.PUBLISHED, frozen_hash)
    assert (published.docx.name, published.xlsx.name) == frozen_files and files_intact(published)
    assert published.rule.number == 1


def test_it_closes_the_reporting_month_when_publishing(june: World) -> None:
    notice = generate(june)
    notice_publish(user=june["office_p"], notice=notice, expected_version=notice.version)
    assert ReportingMonth.objects.get(programme=june["prog_p"], period=JUNE).closed_at is not None


def test_it_refuses_to_publish_a_draft_regenerated_since_it_was_read(june: World) -> None:
    read = generate(june)
    generate(june)
    with pytest.raises(StaleRecord):
        notice_publish(user=june["office_p"], notice=read, expected_version=read.version)
    assert Notice.objects.get(pk=read.pk).status == NoticeStatus.DRAFT


def test_it_refuses_to_publish_files_that_changed_on_disk(june: World) -> None:
    notice = generate(june)
    with open(notice.docx.path, "ab") as stored:
        stored.write(b"tampered")
    with pytest.raises(NoticeRefused):
        notice_publish(user=june["office_p"], notice=notice, expected_version=notice.version)


def test_it_leaves_no_notice_when_the_user_may_not_make_one(june: World) -> None:
    with pytest.raises(PermissionDenied):
        notice_generate(user=june["office_d"], programme=june["prog_p"], period=JUNE)
    assert not Notice.objects.exists()


def test_it_writes_a_notice_in_chinese_whoever_asks(june: World) -> None:
    from django.utils import translation

    with translation.override("en"):
        notice = generate(june)
    assert re.search(r"[\u4e00-\u9fff]", notice.title) and "通报" in notice.title
    assert notice.rule.name == "2025年标准排名规则"


def test_it_says_how_many_projects_a_shortened_list_leaves_out(june: World, monkeypatch: pytest.MonkeyPatch) -> None:
    from tuijin.projects.ranking.notices import sections

    monkeypatch.setattr(sections, "WORD_ROWS", 1)
    monkeypatch.setattr(sections, "EXCEL_ROWS", 2)
    notice = generate(june)
    text = "\n".join(p.text for p in word(notice).paragraphs)
    assert "投资完成率低于时序进度30个百分点以上的项目3个" in text
    assert "共3个，此处列出前1个" in text
    with notice.xlsx.open("rb") as stored:
        sheet = openpyxl.load_workbook(io.BytesIO(stored.read()))["低于时序进度"]
    assert "共3个，列出差距最大的前2个" in sheet["A1"].value
    assert [row[0] for row in sheet.iter_rows(min_row=3, values_only=True)] == ["A2", "B2"]
