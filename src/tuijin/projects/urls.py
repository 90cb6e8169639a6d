from .library.urls import urlpatterns as library
from .ranking.urls import urlpatterns as ranking
from .reporting.urls import urlpatterns as reporting

app_name = "projects"
urlpatterns = [*library, *reporting, *ranking]
