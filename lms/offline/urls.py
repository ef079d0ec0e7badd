from django.urls import path

from . import views

app_name = "offline"

# Under the language prefix (/th/offline/…): the page and the notes are translated.
urlpatterns = [
    path("", views.offline_page, name="page"),
    path("course/<int:course_id>.json", views.course_manifest, name="course"),
    path("sync/", views.sync, name="sync"),
]
