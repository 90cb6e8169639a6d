from django.urls import path

from . import views

app_name = "problems"
urlpatterns = [
    path("", views.problem_list, name="list"),
    path("new/", views.problem_raise, name="raise"),
    path("flagged/", views.flagged_board, name="flagged"),
    path("<int:pk>/", views.problem_detail, name="detail"),
    path("<int:pk>/comment/", views.problem_comment, name="comment"),
    path("<int:pk>/escalate/", views.problem_escalate, name="escalate"),
    path("<int:pk>/resolve/", views.problem_resolve, name="resolve"),
    path("<int:pk>/flag/", views.problem_flag, name="flag"),
    path("<int:pk>/unflag/", views.problem_unflag, name="unflag"),
    path("<int:pk>/confirm/", views.problem_confirm, name="confirm"),
    path("<int:pk>/reopen/", views.problem_reopen, name="reopen"),
    path("<int:pk>/attachments/<int:attachment_id>/", views.attachment_download, name="attachment"),
    path("digest/", views.digest_index, name="digest"),
    path("digest/<int:programme>/<str:week>/", views.digest_week, name="digest_week"),
    path("digest/<int:programme>/<str:week>/xlsx/", views.digest_xlsx, name="digest_xlsx"),
    path("digest/<int:programme>/<str:week>/docx/", views.digest_docx, name="digest_docx"),
    path("consultations/", views.consultation_list, name="consultation_list"),
    path("consultations/new/", views.consultation_create, name="consultation_create"),
    path("consultations/<int:pk>/", views.consultation_detail, name="consultation_detail"),
    path("consultations/<int:pk>/decisions/", views.decision_add, name="decision_add"),
    path("decisions/<int:pk>/done/", views.decision_done, name="decision_done"),
    path("programmes/<int:programme>/defaults/", views.defaults_ensure, name="defaults"),
]
