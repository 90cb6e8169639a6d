from django.urls import path

from . import views

app_name = "plans"

urlpatterns = [
    path("", views.document_list, name="documents"),
    path("documents/<int:pk>/", views.document_detail, name="document"),
    path("documents/<int:pk>/division.<str:fmt>", views.division_export, name="division"),
    path("import/", views.import_upload, name="import"),
    path("import/<int:pk>/", views.review, name="review"),
    path("import/<int:pk>/rows/<str:key>/", views.review_row, name="review_row"),
    path("import/<int:pk>/units/", views.review_map, name="review_map"),
    path("import/<int:pk>/confirm/", views.review_confirm, name="review_confirm"),
    path("tasks/", views.task_list, name="tasks"),
    path("tasks/behind/", views.behind_list, name="behind"),
    path("tasks/<int:pk>/", views.task_detail, name="task"),
    path("tasks/<int:pk>/report/", views.task_report, name="task_report"),
    path("tasks/<int:pk>/contribute/", views.task_contribute, name="task_contribute"),
    path("tasks/<int:pk>/plan/", views.task_plan, name="task_plan"),
    path("tasks/<int:pk>/milestones/", views.milestone_add, name="milestone_add"),
    path("milestones/<int:pk>/done/", views.milestone_done, name="milestone_done"),
]
