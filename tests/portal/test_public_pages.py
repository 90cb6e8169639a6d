"""The public portal: without logging in, anyone reads the published and evaluated commitments and
the published notices (with the Word file the access module opens), and nothing else: drafts,
submitted, returned and approved commitments, internal comments, draft notices and the notices'
Excel files stay out of sight, also by direct address. Both languages work without an account."""

import datetime as dt
import io
import re

import docx
import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tuijin.accounts.models import User
from tuijin.org.models import Region
from tuijin.plans.commitments import services
from tuijin.projects.models import Notice, NoticeStatus

from ..core.test_i18n import visible_text
from ..plans.commitments.conftest import YEAR, make_commitment
from ..world import PASSWORD, World

pytestmark = pytest.mark.django_db


def word_file(text: str) -> ContentFile:
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return ContentFile(buffer.getvalue(), name="notice.docx")


@pytest.fixture
def public_world(world: World, settings: object, tmp_path: object) -> World:
    settings.MEDIA_ROOT = tmp_path
    r = world.records
    for state in ("draft", "submitted", "returned", "approved", "published", "evaluated"):
        r[f"c_{state}"] = make_commitment(world, title=f"承诺{state}", state=state)
    r["c_town"] = make_commitment(world, "T1", title="柳青街道承诺", state="published")
    r["notice_published"] = Notice.objects.create(
        programme=world["prog_d"],
        period=dt.date(YEAR, 5, 1),
        title="5月通报",
        status=NoticeStatus.PUBLISHED,
        published_at=timezone.now(),
        docx=word_file("五月通报正文"),
        xlsx=ContentFile(b"xlsx", name="notice.xlsx"),
    )
    r["notice_draft"] = Notice.objects.create(
        programme=world["prog_d"], period=dt.date(YEAR, 6, 1), title="6月通报草稿", docx=word_file("草稿")
    )
    return world


def programme_page(world: World, client: Client | None = None) -> str:
    client = client or Client()
    response = client.get(reverse("portal:programme", args=[world["prog_d"].pk]), {"year": YEAR})
    assert response.status_code == 200
    return response.content.decode()


def test_it_shows_only_published_and_evaluated_commitments_without_login(public_world: World) -> None:
    page = programme_page(public_world)
    for shown in ("承诺published", "承诺evaluated", "柳青街道承诺"):
        assert shown in page
    for hidden in ("承诺draft", "承诺submitted", "承诺returned", "承诺approved"):
        assert hidden not in page


def test_it_groups_by_owner_with_progress_and_score(public_world: World) -> None:
    page = programme_page(public_world)
    assert page.index("tf_d1") < page.index("T1")
    assert 'aria-valuenow="100"' in page and 'data-score="92.5"' in page and "优秀" in page


def test_it_answers_404_for_an_unpublished_commitment_by_direct_address(public_world: World) -> None:
    client = Client()
    for state in ("draft", "submitted", "returned", "approved"):
        assert client.get(reverse("portal:commitment", args=[public_world[f"c_{state}"].pk])).status_code == 404
    assert client.get(reverse("portal:commitment", args=[public_world["c_published"].pk])).status_code == 200


def test_it_keeps_the_office_s_internal_steps_off_the_public_timeline(public_world: World) -> None:
    c = make_commitment(public_world, title="退回后发布", state="returned")
    keeper, office = public_world["taskforce_d1"], public_world["office_d"]
    c = services.commitment_submit(user=keeper, commitment=c, expected_version=c.version)
    c = services.commitment_approve(user=office, commitment=c, note="内部审核意见", expected_version=c.version)
    c = services.commitment_publish(user=office, commitment=c, expected_version=c.version)
    page = Client().get(reverse("portal:commitment", args=[c.pk])).content.decode()
    assert "目标偏低" not in page and "内部审核意见" not in page and "office_d" not in page
    assert "已亮诺" in page


def test_it_keeps_the_staff_pages_closed_to_the_public(public_world: World) -> None:
    c = public_world["c_published"]
    for url in (reverse("commitments:list"), c.get_absolute_url(), reverse("commitments:export")):
        response = Client().get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_it_lists_published_notices_with_their_word_file_only(public_world: World) -> None:
    page = programme_page(public_world)
    published, draft = public_world["notice_published"], public_world["notice_draft"]
    assert "5月通报" in page and "6月通报草稿" not in page
    client = Client()
    response = client.get(reverse("portal:notice_file", args=[published.pk, "docx"]))
    assert response.status_code == 200
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs)
    assert "五月通报正文" in text
    assert client.get(reverse("portal:notice_file", args=[published.pk, "xlsx"])).status_code == 404
    assert client.get(reverse("portal:notice_file", args=[draft.pk, "docx"])).status_code == 404


def test_it_lists_only_programmes_with_something_public(public_world: World) -> None:
    page = Client().get(reverse("portal:index")).content.decode()
    assert "prog_d" in page and "prog_p" not in page and "prog_d2" not in page


def test_it_switches_to_english_for_an_anonymous_visitor(public_world: World) -> None:
    client = Client()
    response = client.post(
        reverse("set_language"),
        {"language": "en", "next": reverse("portal:programme", args=[public_world["prog_d"].pk])},
    )
    assert response.status_code == 302 and client.cookies["tuijin_language"].value == "en"
    text = visible_text(programme_page(public_world, client))
    assert "Monthly notices" in text and "Score 92.5 · Excellent" in text
    data = [
        "承诺published",
        "承诺evaluated",
        "柳青街道承诺",
        "新增规上工业企业10家以上",
        "已新增12家。",
        "5月通报",
        "简体中文",
    ]
    for value in data:
        text = text.replace(value, "")
    assert not re.findall(r"[\u4e00-\u9fff]+", text)


def test_it_pages_through_owners_and_filters_by_kind(public_world: World) -> None:
    """A province has thousands of towns: the public page shows 20 owners at a time."""
    w = public_world
    w.users["admin"] = User.objects.create_superuser("admin-bench", password=PASSWORD)
    for number in range(25):
        town = Region.objects.create(
            name=f"镇{number:02d}", code=f"990102{300 + number:03d}", level="town", parent=w["D"]
        )
        w.records[town.name] = town
        make_commitment(w, town.name, state="published", keeper="admin", title=f"镇{number:02d}的承诺")
    client, url = Client(), reverse("portal:programme", args=[w["prog_d"].pk])
    first = client.get(url, {"year": YEAR}).content.decode()
    # tf_d1 and T1 first (a task force before towns, towns by code), then 18 of the 25 new towns.
    assert first.count('class="card mb-3"') == 20 and "镇17的承诺" in first and "镇18的承诺" not in first
    second = client.get(url, {"year": YEAR, "page": 2}).content.decode()
    assert "镇18的承诺" in second and "镇24的承诺" in second and "承诺published" not in second
    towns = client.get(url, {"year": YEAR, "kind": "territory"}).content.decode()
    assert "承诺published" not in towns and "柳青街道承诺" in towns
    assert client.get(url, {"year": YEAR, "kind": "nonsense"}).status_code == 200
