from django.urls import path

from . import views

app_name = "onboarding"
urlpatterns = [
    path("", views.onboarding_home, name="home"),
    path("<int:pk>/mapping/", views.mapping_view, name="mapping"),
    path("<int:pk>/preview/", views.preview_view, name="preview"),
    path("<int:pk>/confirm/", views.confirm_view, name="confirm"),
]
