from django.urls import path

from . import views

app_name = "org"
urlpatterns = [
    path("programmes/", views.programme_list, name="programme_list"),
    path("programmes/<int:pk>/", views.programme_detail, name="programme_detail"),
    path("programmes/<int:pk>/checklist/", views.checklist, name="checklist"),
    path("programmes/<int:pk>/chart/", views.org_chart, name="org_chart"),
    path("task-forces/<int:pk>/", views.task_force_detail, name="task_force_detail"),
    path("workbook/template/", views.org_template, name="template"),
    path("workbook/export/", views.org_export, name="export"),
    path("workbook/import/", views.org_import_view, name="import"),
]
