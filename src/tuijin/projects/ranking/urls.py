"""Rankings, the dashboard, ranking rules and monthly notices; included under the `projects:` namespace."""

from django.urls import URLPattern, path

from . import notice_views, rule_views, views

urlpatterns: list[URLPattern] = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("rankings/", views.ranking_page, name="ranking"),
    path("rankings/export/", views.ranking_export, name="ranking_export"),
    path("rankings/projects/", views.ranking_projects, name="ranking_projects"),
    path("rankings/rules/", rule_views.ranking_rules, name="ranking_rules"),
    path("rankings/rules/edit/", rule_views.ranking_rule_edit, name="ranking_rule_edit"),
    path("notices/", notice_views.notice_list, name="notice_list"),
    path("notices/generate/", notice_views.notice_generate_view, name="notice_generate"),
    path("notices/<int:pk>/", notice_views.notice_detail, name="notice_detail"),
    path("notices/<int:pk>/publish/", notice_views.notice_publish_view, name="notice_publish"),
    path("notices/<int:pk>/file/<str:kind>/", notice_views.notice_file, name="notice_file"),
    path("notices/<int:pk>/<str:kind>/", notice_views.notice_mark, name="notice_mark"),
    path(
        "notices/<int:pk>/<str:kind>/<int:mark>/withdraw/",
        notice_views.notice_mark_withdraw,
        name="notice_mark_withdraw",
    ),
]
