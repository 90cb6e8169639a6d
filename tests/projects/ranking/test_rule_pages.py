"""The office changes the ranking rule through a form: a new version, a preview beside the current
rule, stale forms refused; and records exemptions and bonuses on the draft notice."""

import re
from urllib.parse import urlencode

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tuijin.projects.models import Notice, NoticeStatus, RankingRule
from tuijin.projects.ranking import services
from tuijin.projects.ranking.models import BoardExemption, ScoreAdjustment
from tuijin.projects.ranking.notices.services import notice_generate
from tuijin.projects.ranking.rules import RuleConfig

from ...world import World
from .conftest import JUNE
from .test_pages import client_for


def query(world: World) -> str:
    return urlencode({"programme": world["prog_p"].pk, "period": "2025-06"})


def form_data(client, url: str, **changes: object) -> dict:
    """The form as the page renders it, with some fields changed."""
    page = client.get(url).content.decode()
    data = {}
    for tag in re.findall(r"<(?:input|select|textarea)[^>]*>", page):
        name = re.search(r'name="([^"]+)"', tag)
        if not name or name[1] == "csrfmiddlewaretoken":
            continue
        value = re.search(r'value="([^"]*)"', tag)
        if 'type="checkbox"' in tag:
            if "checked" in tag:
                data.setdefault(name[1], []).append(value[1] if value else "on")
            continue
        data[name[1]] = value[1] if value else ""
    for select, chosen in re.findall(
        r'<select[^>]*name="([^"]+)"[^>]*>.*?<option value="([^"]*)" selected', page, re.S
    ):
        data[select] = chosen
    textareas = re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', page, re.S)
    data.update({name: text.strip() for name, text in textareas})
    data.update(changes)
    return data


def test_it_saves_a_changed_rule_as_a_new_version(june: World) -> None:
    client = client_for(june, "office_p")
    url = f"{reverse('projects:ranking_rule_edit')}?{query(june)}"
    data = form_data(client, url, name="开复工率规则", start_base="all_listed", count_resumed="on", save="1")
    response = client.post(url, data)
    assert response.status_code == 302
    rule = RankingRule.objects.get(programme=june["prog_p"], year=2025)
    config = RuleConfig.from_json(rule.config)
    assert (rule.number, rule.name, config.start_base, config.count_resumed) == (1, "开复工率规则", "all_listed", True)
    page = client.get(response["Location"]).content.decode()
    assert "开复工率" in page and 'data-version="1"' in page


def test_it_previews_the_effect_beside_the_current_rule_without_saving(june: World) -> None:
    client = client_for(june, "office_p")
    url = f"{reverse('projects:ranking_rule_edit')}?{query(june)}"
    data = form_data(client, url, start_base="all_listed", count_resumed="on", preview="1")
    page = client.post(url, data).content.decode()
    assert 'id="preview"' in page and 'data-comparison="region"' in page
    assert not RankingRule.objects.exists()


def test_it_refuses_a_rule_form_opened_before_someone_else_saved(june: World) -> None:
    client = client_for(june, "office_p")
    url = f"{reverse('projects:ranking_rule_edit')}?{query(june)}"
    stale = form_data(client, url, save="1")
    client.post(url, form_data(client, url, save="1"))
    page = client.post(url, stale).content.decode()
    assert "您打开此记录后，他人已修改了它" in page
    assert RankingRule.objects.count() == 1


def test_it_explains_a_bad_band_in_the_readers_language(june: World) -> None:
    client = client_for(june, "office_p")
    url = f"{reverse('projects:ranking_rule_edit')}?{query(june)}"
    page = client.post(url, form_data(client, url, scoring="on", bands="十亿:3", save="1")).content.decode()
    assert "“十亿:3”不是有效的档次" in page
    assert not RankingRule.objects.exists()


def test_it_lets_only_the_office_change_the_rule(june: World) -> None:
    url = f"{reverse('projects:ranking_rule_edit')}?{query(june)}"
    assert client_for(june, "leader_d").get(url).status_code == 403


def test_it_records_an_exemption_and_a_bonus_on_the_draft(june: World) -> None:
    RankingRule.objects.create(
        programme=june["prog_p"],
        year=2025,
        number=1,
        name="红黑榜",
        config={"boards": {"red_top": 1, "black_bottom": 1}, "scoring": {}},
    )
    notice = notice_generate(user=june["office_p"], programme=june["prog_p"], period=JUNE)
    client = client_for(june, "office_p")
    member = f"task_force|{june['tf_p'].pk}"
    client.post(
        reverse("projects:notice_mark", args=[notice.pk, "exemption"]),
        {"member": member, "reason": "force_majeure", "note": "汛期停工"},
    )
    client.post(
        reverse("projects:notice_mark", args=[notice.pk, "adjustment"]),
        {"member": member, "points": "3", "note": "表彰"},
    )
    exemption, adjustment = BoardExemption.objects.get(), ScoreAdjustment.objects.get()
    assert (exemption.member_name, exemption.recorded_by, adjustment.points) == ("tf_p", june["office_p"], 3)
    page = client.get(notice.get_absolute_url()).content.decode()
    assert "汛期停工" in page and "表彰" in page


def _marked_draft(w: World) -> tuple:
    """A draft notice of a rule with boards and scores, with one exemption and one bonus on it."""
    RankingRule.objects.create(
        programme=w["prog_p"], year=2025, number=1, name="红黑榜", config={"boards": {}, "scoring": {}}
    )
    notice = notice_generate(user=w["office_p"], programme=w["prog_p"], period=JUNE)
    client = client_for(w, "office_p")
    member = f"task_force|{w['tf_p'].pk}"
    client.post(
        reverse("projects:notice_mark", args=[notice.pk, "exemption"]),
        {"member": member, "reason": "other", "note": "误录"},
    )
    client.post(
        reverse("projects:notice_mark", args=[notice.pk, "adjustment"]),
        {"member": member, "points": "-2", "note": "扣分"},
    )
    return notice, client, BoardExemption.objects.get(), ScoreAdjustment.objects.get()


def test_it_withdraws_a_mark_recorded_in_error_and_keeps_it_in_the_history(june: World) -> None:
    notice, client, exemption, adjustment = _marked_draft(june)
    page = client.get(notice.get_absolute_url()).content.decode()
    withdraw = reverse("projects:notice_mark_withdraw", args=[notice.pk, "exemption", exemption.pk])
    assert withdraw in page
    client.post(withdraw, {"reason": "重复录入"})
    assert not BoardExemption.objects.exists() and ScoreAdjustment.objects.get() == adjustment
    gone = BoardExemption.history.filter(id=exemption.pk).latest("history_date")
    assert (gone.history_type, gone.history_change_reason, gone.history_user) == ("-", "重复录入", june["office_p"])
    client.post(
        reverse("projects:notice_mark_withdraw", args=[notice.pk, "adjustment", adjustment.pk]), {"reason": "撤销"}
    )
    assert not ScoreAdjustment.objects.exists()


def test_it_refuses_a_withdrawal_without_a_reason_or_by_someone_else(june: World) -> None:
    notice, client, exemption, _adjustment = _marked_draft(june)
    url = reverse("projects:notice_mark_withdraw", args=[notice.pk, "exemption", exemption.pk])
    page = client.post(url, {"reason": " "}, follow=True).content.decode()
    assert "请说明撤销的原因" in page and BoardExemption.objects.exists()
    assert client_for(june, "leader_d").post(url, {"reason": "x"}).status_code in (403, 404)
    assert BoardExemption.objects.exists()


def test_it_refuses_to_withdraw_a_mark_of_a_published_month(june: World) -> None:
    notice, _client, exemption, _adjustment = _marked_draft(june)
    Notice.objects.filter(pk=notice.pk).update(status=NoticeStatus.PUBLISHED)
    with pytest.raises(ValidationError):
        services.ranked_mark_withdraw(user=june["office_p"], mark=exemption, reason="x")
    assert BoardExemption.objects.exists()


def test_it_refuses_a_member_that_is_not_ranked(june: World) -> None:
    RankingRule.objects.create(programme=june["prog_p"], year=2025, number=1, name="红黑榜", config={"boards": {}})
    notice = notice_generate(user=june["office_p"], programme=june["prog_p"], period=JUNE)
    client_for(june, "office_p").post(
        reverse("projects:notice_mark", args=[notice.pk, "exemption"]),
        {"member": "task_force|999999", "reason": "other", "note": "x"},
    )
    assert not BoardExemption.objects.exists()


def test_it_shows_a_draft_the_effect_of_its_rule_beside_the_previous_one(june: World) -> None:
    RankingRule.objects.create(programme=june["prog_p"], year=2025, number=1, name="标准", config={})
    RankingRule.objects.create(
        programme=june["prog_p"],
        year=2025,
        number=2,
        name="开复工率",
        config={"start_base": "all_listed", "count_resumed": True},
    )
    notice = notice_generate(user=june["office_p"], programme=june["prog_p"], period=JUNE)
    page = client_for(june, "office_p").get(notice.get_absolute_url()).content.decode()
    effect = page[page.index('id="rule-effect"') :]
    # By region, C moves from a shared first place (1/2) to first alone (2/3), C2 to second.
    row = re.search(r"<td>C2</td>(.*?)</tr>", effect, re.S)[1]
    assert re.findall(r'<td class="text-center[^"]*">([^<]*)</td>', row)[:2] == ["1", "2"]


def test_it_shows_a_sequence_only_one_rule_has_with_dashes_on_the_other_side(june: World) -> None:
    # As in the demo: the new rule ranks responsible units and no longer ranks task forces.
    RankingRule.objects.create(programme=june["prog_p"], year=2025, number=1, name="标准", config={})
    RankingRule.objects.create(
        programme=june["prog_p"],
        year=2025,
        number=2,
        name="改排责任部门",
        config={
            "sequences": [{"key": "region", "by": "region"}, {"key": "unit", "by": "unit", "name": "责任部门"}],
            "scoring": {"per_new_start": "5"},
        },
    )
    notice = notice_generate(user=june["office_p"], programme=june["prog_p"], period=JUNE)
    response = client_for(june, "office_p").get(notice.get_absolute_url())
    assert response.status_code == 200
    page = response.content.decode()
    dropped = page[page.index('data-comparison="task_force"') :]
    row = re.search(r"<td>tf_p</td>(.*?)</tr>", dropped, re.S)[1]
    before, after = re.findall(r"<td[^>]*>([^<]*)</td>", row)[:2]
    assert before.endswith("%") and after == "—"  # ranked under the old rule only
