from django.urls import path

from . import views

app_name = "courses"

# *My learning* ("" here, name "dashboard") is drawn by the integration layer:
# lms/urls.py adds it (lms/home/learning.py).
urlpatterns = [
    path("competencies/", views.competencies, name="competencies"),
    path("enrol/<int:course_id>/", views.enrol, name="enrol"),
    path("unenrol/<int:course_id>/", views.unenrol, name="unenrol"),
    path("complete/<int:page_id>/", views.complete_step, name="complete"),
    path("resume/<int:course_id>/", views.resume, name="resume"),
]
