"""Item analysis: attempts, pass rate and per-question share answering correctly."""

import pytest
from django.urls import reverse

from courses import services as course_services
from courses.quiz import selectors, services
from tests import factories

from .helpers import correct_ids, make_question, make_quiz, wrong_ids


@pytest.fixture
def analysed(course):
    easy = make_question(course, text="ง่าย")
    hard = make_question(course, text="ยาก")
    both = make_question(
        course,
        kind="multiple",
        text="หลายข้อ",
        options=(("ก", True), ("ข", True), ("ค", False)),
    )
    quiz = make_quiz(course, [easy, hard, both], pass_mark=100)
    # Four learners (easy, hard, multiple):
    #   A: right, right, both right      → 100%, passed
    #   B: right, wrong, one of two      → (1+0+0.5)/3 = 50%
    #   C: right, wrong, wrong only      → 33.3%
    #   D: wrong, right, both right      → 66.7%
    # easy 3/4 = 75%, hard 2/4 = 50%, multiple fully right 2/4 = 50% (mean credit 62.5 → 62)
    # one pass of four = 25%. A fifth learner's open attempt is not counted.
    rows = [
        (correct_ids(easy), correct_ids(hard), correct_ids(both)),
        (correct_ids(easy), wrong_ids(hard), correct_ids(both)[:1]),
        (correct_ids(easy), wrong_ids(hard), wrong_ids(both)),
        (wrong_ids(easy), correct_ids(hard), correct_ids(both)),
    ]
    for e, h, b in rows:
        user = factories.make_user()
        course_services.enrollment_create(user=user, course=course)
        attempt = services.attempt_start(user=user, quiz=quiz)
        services.attempt_submit(
            user=user,
            public_id=attempt.public_id,
            responses={easy.pk: e, hard.pk: h, both.pk: b},
        )
    idle = factories.make_user()
    course_services.enrollment_create(user=idle, course=course)
    services.attempt_start(user=idle, quiz=quiz)
    return quiz


class TestItemAnalysis:
    def test_numbers_match_a_hand_computed_fixture(self, analysed):
        data = selectors.item_analysis(quiz=analysed)
        assert (data["attempts"], data["passed"], data["pass_rate"]) == (4, 1, 25)
        assert [
            (
                q["text"],
                q["answers"],
                q["correct"],
                q["correct_share"],
                q["mean_credit"],
            )
            for q in data["questions"]
        ] == [
            ("ง่าย", 4, 3, 75, 75),
            ("ยาก", 4, 2, 50, 50),
            ("หลายข้อ", 4, 2, 50, 62),
        ]

    def test_per_question_figures_take_one_query(
        self, analysed, django_assert_max_num_queries
    ):
        # totals, per-question aggregate, and the default locale unless the
        # process already holds it (lms/pagecache.py)
        with django_assert_max_num_queries(3):
            selectors.item_analysis(quiz=analysed)

    def test_trainer_sees_the_statistics_page(self, client, roles, analysed):
        client.force_login(factories.make_user(role="Trainer"))
        response = client.get(reverse("quiz_analysis", args=[analysed.pk]))
        html = response.content.decode()
        assert (
            response.status_code == 200
            and "ง่าย" in html
            and "75%" in html
            and "25%" in html
        )

    def test_statistics_are_reachable_from_the_page_header(
        self, client, roles, analysed
    ):
        client.force_login(factories.make_user(role="Administrator"))
        html = client.get(
            reverse("wagtailadmin_pages:edit", args=[analysed.pk])
        ).content.decode()
        assert reverse("quiz_analysis", args=[analysed.pk]) in html

    def test_volunteer_cannot_see_statistics(self, client, roles, analysed):
        client.force_login(factories.make_user(role="Volunteer"))
        assert client.get(reverse("quiz_analysis", args=[analysed.pk])).status_code in (
            302,
            403,
        )
