"""The project library's pages; included under the `projects:` namespace."""

from django.urls import URLPattern, path

from . import views

urlpatterns: list[URLPattern] = [
    path("", views.project_list, name="project_list"),
    path("export/", views.project_export, name="project_export"),
    path("new/", views.project_create, name="project_create"),
    path("<int:pk>/", views.project_detail, name="detail"),
    path("<int:pk>/edit/", views.project_edit, name="project_edit"),
    path("<int:pk>/stage/", views.project_move, name="project_move"),
    path("<int:pk>/lists/", views.project_list_add, name="project_list_add"),
    path("<int:pk>/lists/<int:membership_pk>/remove/", views.project_list_remove, name="project_list_remove"),
    path("<int:pk>/plans/", views.project_plan, name="project_plan"),
    path("origination/", views.origination, name="origination"),
    path("origination/export/", views.origination_export, name="origination_export"),
    path("origination/<int:pk>/", views.origination_target_projects, name="origination_projects"),
]
