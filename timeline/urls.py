"""Reader pages and the REST API."""

from django.urls import include, path

from timeline import views

app_name = "timeline"

urlpatterns = [
    path("", views.home, name="home"),
    path("events/<int:pk>/", views.event_detail, name="event-short"),
    path("events/<int:pk>/<str:slug>/", views.event_detail, name="event"),
    path("actors/<str:slug>/", views.actor_detail, name="actor"),
    path("api/", include("timeline.api.urls")),
]
