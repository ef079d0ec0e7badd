"""The whole learning journey through the API alone, as the mobile app does it:
sign in, enrol, study, fail then pass a quiz, reach a level, download the
certificate that level earns."""

import pytest

from certificates.models import Award
from competencies.demo import load_demo_ladder
from competencies.services import load_programme_framework
from courses.quiz.models import QuizCompetency
from tests import factories
from tests.certificates.conftest import make_award
from tests.quiz.helpers import make_question, make_quiz

from .conftest import ApiClient


@pytest.mark.django_db
def test_sign_in_enrol_study_fail_pass_level_certificate(
    client, catalogue, django_capture_on_commit_callbacks
):
    load_programme_framework()
    load_demo_ladder()
    from competencies.models import Competency

    d1 = Competency.objects.get(code="D1")
    course = factories.make_course(
        catalogue, title="รู้ทันข่าวปลอม", modules=1, lessons=2, competencies=[(d1, 1)]
    )
    question = make_question(course)
    quiz = make_quiz(course, [question], pass_mark=100)
    QuizCompetency.objects.create(quiz=quiz, competency=d1, proficiency=1)
    make_award(
        kind=Award.Kind.LEVEL, level_code="village", name_th="อาสาสมัครดิจิทัลระดับหมู่บ้าน"
    )
    factories.make_user(first_name="มานี", last_name="มีนา", phone="0861234567")

    app = ApiClient(client)
    # Sign in.
    app.sign_in("0861234567", name="Galaxy A05")
    assert app.get("/me").json()["first_name"] == "มานี"
    assert app.get("/me/competencies").json()["current_level"] is None

    # Find the course in the catalogue and enrol.
    found = app.get("/courses").json()["items"]
    course_id = next(c["id"] for c in found if c["title"] == "รู้ทันข่าวปลอม")
    outline = app.get(f"/courses/{course_id}").json()
    steps = [s for m in outline["modules"] for s in m["steps"]]
    assert [s["kind"] for s in steps] == ["lesson", "lesson", "quiz"]
    assert app.post("/enrolments", {"course_id": course_id}).status_code == 201

    # Study the lessons.
    for step in steps[:2]:
        assert app.post(f"/steps/{step['id']}/complete").status_code == 200
    progress = app.get(f"/enrolments/{course_id}").json()
    assert progress["completed_steps"] == 2 and progress["next_step"]["kind"] == "quiz"

    # Fail the quiz.
    quiz_id = steps[2]["id"]
    attempt = app.post(f"/quizzes/{quiz_id}/attempts").json()
    options = attempt["questions"][0]["options"]
    qid = attempt["questions"][0]["id"]
    assert len(options) == 2
    failed = app.post(  # no answer chosen
        f"/attempts/{attempt['id']}/submit",
        {"answers": [{"question": qid, "options": []}]},
    ).json()
    assert failed["passed"] is False
    # The feedback after the attempt shows the right answer.
    right = [o["id"] for o in failed["review"][0]["options"] if o["correct"]]
    assert app.get("/me/competencies").json()["current_level"] is None

    # Pass it: the course completes, D1 is evidenced, the level is reached.
    attempt = app.post(f"/quizzes/{quiz_id}/attempts").json()
    with django_capture_on_commit_callbacks(execute=True):
        passed = app.post(
            f"/attempts/{attempt['id']}/submit",
            {"answers": [{"question": qid, "options": right}]},
        )
    assert passed.json()["passed"] is True
    assert app.get(f"/enrolments/{course_id}").json()["is_complete"] is True
    overview = app.get("/me/competencies").json()
    assert overview["current_level"]["code"] == "village"
    assert [
        e["competency_code"] for e in app.get("/me/evidence").json()["items"]
    ].count("D1") >= 1
    assert [a["passed"] for a in app.get("/attempts").json()["items"]] == [True, False]

    # The level earned a certificate: download it and share its link.
    certificates = app.get("/certificates").json()["items"]
    assert [c["award_name"] for c in certificates] == ["อาสาสมัครดิจิทัลระดับหมู่บ้าน"]
    pdf = app.get(f"/certificates/{certificates[0]['code']}/pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    verification = client.get(
        certificates[0]["verification_url"].replace("http://testserver", "")
    )
    assert verification.status_code == 200

    # Sign out.
    assert app.delete("/auth/token").status_code == 204
    assert app.get("/me").status_code == 401
