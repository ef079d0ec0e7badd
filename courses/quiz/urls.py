from django.urls import path

from . import views

app_name = "quiz"

urlpatterns = [
    path("start/<int:page_id>/", views.start, name="start"),
    path("attempt/<uuid:public_id>/", views.attempt, name="attempt"),
    path("attempt/<uuid:public_id>/save/", views.save, name="save"),
    path("attempt/<uuid:public_id>/submit/", views.submit, name="submit"),
]
