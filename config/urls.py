"""URL map: the admin for editors, the API and reader pages from `timeline`."""

from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "geotimeline editors"
admin.site.site_title = "geotimeline"
admin.site.index_title = "Event register"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("timeline.urls")),
]

# JSON under /api/ (a client there expects JSON even for a mistyped path).
handler404 = "timeline.api.errors.not_found"
