from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from tuijin.core import views as core_views

handler403 = "tuijin.core.views.forbidden"

urlpatterns = [
    path("", include("tuijin.core.urls")),
    path("accounts/", include("tuijin.accounts.urls")),
    path("org/", include("tuijin.org.urls")),
    path("projects/", include("tuijin.projects.urls")),
    path("problems/", include("tuijin.problems.urls")),
    path("plans/", include("tuijin.plans.urls")),
    path("dispatch/", include("tuijin.dispatch.urls")),
    path("onboarding/", include("tuijin.onboarding.urls")),
    path("plans/commitments/", include("tuijin.plans.commitments.urls")),
    path("public/", include("tuijin.portal.urls")),
    path("records/", include("tuijin.core.record_urls")),
    path("language/", core_views.set_language, name="set_language"),
    path("api/schema/", SpectacularAPIView.as_view(), name="api_schema"),
    path("admin/", admin.site.urls),
]
