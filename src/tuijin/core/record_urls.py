from django.urls import path

from . import views

app_name = "records"
urlpatterns = [
    path("<slug:key>/", views.record_list, name="list"),
    path("<slug:key>/new/", views.record_create, name="create"),
    path("<slug:key>/<int:pk>/", views.record_detail, name="detail"),
    path("<slug:key>/<int:pk>/edit/", views.record_edit, name="edit"),
]
