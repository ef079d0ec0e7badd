from django.urls import path

from . import views

app_name = "elearning"

urlpatterns = [
    path("start/<int:page_id>/", views.start, name="start"),
    path("attempts/<uuid:public_id>/commit/", views.commit, name="commit"),
    path("attempts/<uuid:public_id>/xapi/", views.xapi, name="xapi"),
]
