from django.urls import path

from . import views

app_name = "dispatch"
urlpatterns = [
    path("calendar/", views.calendar, name="calendar"),
    path("inbox/", views.inbox, name="inbox"),
    path("inbox/read/", views.inbox_read, name="inbox_read"),
    path("inbox/<int:pk>/", views.open_notification, name="open"),
    path("jobs/", views.jobs, name="jobs"),
    path("thematic/", views.thematic_list, name="thematic_list"),
    path("thematic/new/", views.thematic_submit, name="thematic_submit"),
    path("thematic/<int:pk>/", views.thematic_detail, name="thematic_detail"),
    path("programmes/<int:programme>/standard-cadence/", views.cadence_standard, name="cadence_standard"),
]
