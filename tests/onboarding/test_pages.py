"""The onboarding pages: upload, mapping, preview, confirm, the annotated workbook, and who may see them."""

import io
from pathlib import Path
from typing import Any

import openpyxl
from django.test import Client
from django.urls import reverse

from tuijin.onboarding.models import ImportJob, ImportStatus, LayoutMapping
from tuijin.projects.models import Project

from ..legacy.test_dispatch import write_dispatch
from ..world import World
from .conftest import upload

HOME = reverse("onboarding:home")


def client_of(world: World, user: str = "office_d") -> Client:
    client = Client()
    client.force_login(world[user])
    return client


def post_upload(client: Client, world: World, path: Path, period: str = "") -> Any:
    with path.open("rb") as workbook:
        return client.post(HOME, {"programme": world["prog_d"].pk, "workbook": workbook, "period": period})


def mapping_data(response: Any, **changes: str) -> dict[str, Any]:
    form = response.context["form"]
    data = {name: form[name].value() for name in form.fields}
    data.update(changes)
    return data


def test_it_walks_from_upload_through_mapping_and_preview_to_import(office: World, tmp_path: Path) -> None:
    client = client_of(office)
    assert "导入单位自有台账" in client.get("/").content.decode()
    response = post_upload(client, office, write_dispatch(tmp_path / "调度表.xlsx"))
    job = ImportJob.objects.get()
    assert response.url == reverse("onboarding:mapping", args=[job.pk])
    response = client.get(response.url)
    page = response.content.decode()
    assert "投资完成情况/本月" in page and "年产10万吨新材料项目" in page
    (signature,) = {screen.layout.signature for screen in response.context["form"].screens}
    # The office says the 存在问题 column is not to be imported.
    response = client.post(response.request["PATH_INFO"], mapping_data(response, **{f"{signature}-9": "ignore"}))
    assert response.url == reverse("onboarding:preview", args=[job.pk])
    assert LayoutMapping.objects.get(programme=office["prog_d"]).columns["9"] == "ignore"
    preview = client.get(response.url)
    page = preview.content.decode()
    assert "合计行" in page and "签名行" in page and "某某路延伸工程" in page
    version = preview.context["form"].initial["version"]
    response = client.post(reverse("onboarding:confirm", args=[job.pk]), {"version": version})
    assert response.url == HOME
    job.refresh_from_db()
    assert (job.status, job.created) == (ImportStatus.IMPORTED, 4)
    assert "调度表.xlsx" in client.get(HOME).content.decode()
    # The same upload confirmed again (a second tab, a double click) imports nothing more.
    response = client.post(reverse("onboarding:confirm", args=[job.pk]), {"version": version}, follow=True)
    assert "已于" in response.content.decode()
    assert Project.objects.count() == 4


def test_next_months_sheet_of_the_same_layout_skips_the_mapping(office: World, tmp_path: Path) -> None:
    client = client_of(office)
    response = post_upload(client, office, write_dispatch(tmp_path / "10月.xlsx", month=10))
    client.post(response.url, mapping_data(client.get(response.url)))
    response = post_upload(client, office, write_dispatch(tmp_path / "11月.xlsx", month=11))
    job = ImportJob.objects.get(file_name="11月.xlsx")
    assert response.url == reverse("onboarding:preview", args=[job.pk])
    assert client.get(response.url).context["plan"].period.month == 11


def test_a_bad_workbook_comes_back_marked_from_the_preview(office: World, tmp_path: Path) -> None:
    client = client_of(office)
    client.cookies["tuijin_language"] = "en"
    response = post_upload(client, office, write_dispatch(tmp_path / "bad.xlsx", total="abc"))
    client.post(response.url, mapping_data(client.get(response.url)))
    job = ImportJob.objects.get()
    preview = client.get(reverse("onboarding:preview", args=[job.pk]))
    assert "confirm-import" not in preview.content.decode()
    token = preview.context["error_token"]
    marked = client.get(reverse("core:annotated_download", args=[token]))
    cell = openpyxl.load_workbook(io.BytesIO(marked.content))["调度表"]["D7"]
    assert "“abc” is not an amount." in cell.comment.text
    response = client.post(reverse("onboarding:confirm", args=[job.pk]), {"version": job.version})
    assert response.status_code == 422
    assert not Project.objects.exists()


def test_the_pages_are_the_offices_alone(office: World, tmp_path: Path) -> None:
    assert client_of(office, "leader_d").get(HOME).status_code == 403
    assert "导入单位自有台账" not in client_of(office, "leader_d").get("/").content.decode()
    job = upload(office, write_dispatch(tmp_path / "d.xlsx"))
    # The district's office does not see the province's uploads, nor a neighbour's.
    assert client_of(office, "office_p").get(reverse("onboarding:preview", args=[job.pk])).status_code == 200
    other = ImportJob.objects.create(programme=office["prog_d2"], user=office["office_p"], file_name="x.xlsx")
    assert client_of(office).get(reverse("onboarding:preview", args=[other.pk])).status_code == 404


def test_an_upload_without_a_project_table_is_refused_on_the_form(office: World, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["说明"])
    book.save(tmp_path / "empty.xlsx")
    response = post_upload(client_of(office), office, tmp_path / "empty.xlsx")
    assert response.status_code == 200
    assert "没有项目清单" in response.content.decode()
    assert not ImportJob.objects.exists()
