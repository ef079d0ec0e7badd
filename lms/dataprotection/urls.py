from django.urls import path

from . import views

app_name = "dataprotection"

urlpatterns = [
    path("", views.notice, name="notice"),
    path("accept/", views.accept, name="accept"),
    path("consents/", views.consents, name="consents"),
]
