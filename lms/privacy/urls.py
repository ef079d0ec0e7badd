from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("export/", views.export_request, name="export_request"),
    path("export/<int:export_id>/", views.export_download, name="export_download"),
    path("erasure/", views.erasure_request, name="erasure_request"),
    path(
        "erasure/<int:request_id>/cancel/", views.erasure_cancel, name="erasure_cancel"
    ),
]
