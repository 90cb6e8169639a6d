"""Commitment pages, included at /plans/commitments/ under the `commitments:` namespace."""

from django.urls import URLPattern, path, register_converter

from . import views


class StepConverter:
    regex = "|".join(views.STEPS)

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(StepConverter, "commitment_step")

app_name = "commitments"
urlpatterns: list[URLPattern] = [
    path("", views.commitment_list, name="list"),
    path("export/", views.commitment_export, name="export"),
    path("queue/", views.approval_queue, name="queue"),
    path("new/", views.commitment_create, name="create"),
    path("<int:pk>/", views.commitment_detail, name="detail"),
    path("<int:pk>/edit/", views.commitment_edit, name="edit"),
    path("<int:pk>/<commitment_step:step>/", views.commitment_step, name="step"),
]
