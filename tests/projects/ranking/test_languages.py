"""The ranking pages speak Chinese by default and English when asked, with nothing left untranslated."""

import re

import pytest
from django.urls import reverse

from tuijin.projects.ranking.notices.services import notice_generate

from ...core.test_i18n import ALLOWED_LATIN, visible_text
from ...world import World
from .conftest import JUNE
from .test_pages import client_for, params

# The fixture's own names (regions C, D2; task forces tf_p; programmes prog_p; user office_p) and the
# notice's content hash and file names are data.
DATA = re.compile(
    r"(?<![A-Za-z0-9_])(prog_[a-z0-9]+|tf_p2?|office_p|[0-9a-f]{64}|notices/\S+|[A-Z]\d?|T\d)(?![A-Za-z0-9_])"
)


def pages(world: World) -> list[str]:
    notice = notice_generate(user=world["office_p"], programme=world["prog_p"], period=JUNE)
    query = params(world)
    return [
        f"{reverse('projects:ranking')}?{query}",
        f"{reverse('projects:dashboard')}?{query}",
        f"{reverse('projects:ranking_projects')}?{query}&figure=planned",
        f"{reverse('projects:ranking_rules')}?{query}",
        f"{reverse('projects:ranking_rule_edit')}?{query}",
        f"{reverse('projects:notice_list')}?{query}",
        notice.get_absolute_url(),
    ]


def test_it_shows_no_english_on_the_chinese_ranking_pages(june: World) -> None:
    client = client_for(june, "office_p")
    for url in pages(june):
        text = DATA.sub(" ", visible_text(client.get(url).content.decode()))
        words = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", text)} - {"word", "sha"}
        assert words <= ALLOWED_LATIN, f"{url}: {sorted(words - ALLOWED_LATIN)}"


@pytest.mark.parametrize(
    "url_name,labels",
    [
        ("projects:ranking", ["Start rate", "Investment completion rate", "Against time progress", "Ranking rule"]),
        ("projects:dashboard", ["Projects in the year's library", "Stages of the year's library", "Full ranking"]),
    ],
)
def test_it_shows_english_labels_on_the_english_pages(june: World, url_name: str, labels: list[str]) -> None:
    page = client_for(june, "office_p", "en").get(f"{reverse(url_name)}?{params(june)}").content.decode()
    text = visible_text(page)
    for label in labels:
        assert label in text
    assert "开工率" not in text
