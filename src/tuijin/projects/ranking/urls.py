"""Rankings, the dashboard, ranking rules and monthly notices; included under the `projects:` namespace."""

from django.urls import URLPattern, path

from . import rule_views, views

urlpatterns: list[URLPattern] = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("rankings/", views.ranking_page, name="ranking"),
    path("rankings/export/", views.ranking_export, name="ranking_export"),
    path("rankings/projects/", views.ranking_projects, name="ranking_projects"),
    path("rankings/rules/", rule_views.ranking_rules, name="ranking_rules"),
    path("rankings/rules/edit/", rule_views.ranking_rule_edit, name="ranking_rule_edit"),
]
