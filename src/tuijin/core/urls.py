from django.urls import path

from . import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("audit/", views.audit_log, name="audit_log"),
    path("annotated/<str:token>/", views.annotated_download, name="annotated_download"),
    path("choices/<str:path>/", views.choices, name="choices"),
]
