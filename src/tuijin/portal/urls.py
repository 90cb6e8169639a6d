"""The public pages, at /public/, open without login."""

from django.urls import URLPattern, path

from . import views

app_name = "portal"
urlpatterns: list[URLPattern] = [
    path("", views.index, name="index"),
    path("<int:programme>/", views.programme_page, name="programme"),
    path("commitments/<int:pk>/", views.commitment_page, name="commitment"),
    path("notices/<int:pk>/<str:field>/", views.notice_file, name="notice_file"),
]
