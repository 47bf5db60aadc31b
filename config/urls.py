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

# JSON under /api/ (a client there expects JSON even for a mistyped path), the
# site's error page elsewhere; a 500 raised by an unavailable database is a 503.
handler400 = "timeline.errors.bad_request"
handler403 = "timeline.errors.permission_denied"
handler404 = "timeline.errors.not_found"
handler500 = "timeline.errors.server_error"
