"""Monthly reporting: the reporting window, the reporter's grid, the Excel round trip, submit / return
/ accept, plausibility checks, and corrections after a month is closed."""

from django.urls import URLPattern, path

from . import views

urlpatterns: list[URLPattern] = [
    path("reports/", views.report_grid, name="report_grid"),
    path("reports/row/<int:project_pk>/", views.report_row_save, name="report_row_save"),
    path("reports/submit/", views.report_submit_all, name="report_submit_all"),
    path("reports/template/", views.report_template_download, name="report_template"),
    path("reports/upload/", views.report_upload, name="report_upload"),
    path("reports/review/", views.report_review, name="report_review"),
    path("reports/review/accept/", views.report_accept_many, name="report_accept_many"),
    path("reports/flagged/", views.report_flagged, name="report_flagged"),
    path("reports/<int:pk>/", views.report_detail, name="report_detail"),
    path("reports/<int:pk>/return/", views.report_return_view, name="report_return"),
    path("reports/<int:pk>/accept/", views.report_accept_view, name="report_accept"),
    path("reports/<int:pk>/correct/", views.report_correct_view, name="report_correct"),
]
