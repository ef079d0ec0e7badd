"""The volunteer's certificates, under the language prefix (/th/certificates/…)."""

from django.urls import path

from . import views

app_name = "certificates"

urlpatterns = [
    path("", views.my_certificates, name="mine"),
    path("<str:code>/pdf/", views.my_certificate_pdf, name="pdf"),
]
