"""The marking queue works like Moodle's manual grading: filters by quiz and
province (the trainer's own), mark one answer after another, change a mark,
every mark and change in the audit log, a double submission counted once."""

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import ModelLogEntry

from courses import services as course_services
from courses.models import StepCompletion
from courses.quiz import services
from courses.quiz.models import Answer, AttemptStatus
from courses.quiz.signals import quiz_passed
from lms.accounts.models import TrainerScope, VolunteerProfile
from lms.audit import describe_mark
from tests import factories

from .helpers import correct_ids, make_question, make_quiz

TEXT = "วางสายแล้วโทรกลับเบอร์ทางการ"
# The admin under its language prefix, as a browser reaches it: a 404 on the
# bare /admin/ path is answered by LocaleMiddleware with a redirect to it.
QUEUE_TH = "/th/admin/quiz/marking/"


def make_trainer(*provinces):
    trainer = factories.make_user(role="Trainer")
    for code in provinces or ("50",):
        TrainerScope.objects.create(user=trainer, province_code=code)
    return trainer


def make_learner(course, province="50"):
    user = factories.make_user()
    VolunteerProfile.objects.filter(user=user).update(province_code=province)
    course_services.enrollment_create(user=user, course=course)
    return user


@pytest.fixture
def free_quiz(course):
    """One choice (1 point) and one free-text question (3 points), pass mark 60."""
    choice = make_question(course)
    free = make_question(
        course, kind="free", text="อธิบายวิธีรับมือแก๊งคอลเซ็นเตอร์", options=(), points=3
    )
    quiz = make_quiz(course, [choice, free], pass_mark=60, title="รับมือมิจฉาชีพ")
    quiz.choice, quiz.free = choice, free
    return quiz


def submit(quiz, user, text=TEXT):
    attempt = services.attempt_start(user=user, quiz=quiz)
    services.attempt_submit(
        user=user,
        public_id=attempt.public_id,
        responses={quiz.choice.pk: correct_ids(quiz.choice), quiz.free.pk: text},
    )
    return Answer.objects.get(attempt=attempt, question=quiz.free)


def entries(answer):
    return list(
        ModelLogEntry.objects.filter(
            action__startswith="lms.mark", data__answer=answer.pk
        ).order_by("pk")
    )


class TestScope:
    def test_a_trainer_neither_sees_nor_marks_answers_outside_their_provinces(
        self, client, roles, course, free_quiz
    ):
        ours = submit(free_quiz, make_learner(course, "50"), text="ของเชียงใหม่")
        theirs = submit(free_quiz, make_learner(course, "10"), text="ของกรุงเทพ")
        client.force_login(make_trainer("50"))
        page = client.get(reverse("quiz_marking")).content.decode()
        assert "ของเชียงใหม่" in page and "ของกรุงเทพ" not in page
        response = client.post(QUEUE_TH, {"answer": theirs.pk, "credit": "100"})
        assert response.status_code == 404
        theirs.refresh_from_db()
        assert theirs.needs_marking and not entries(theirs)
        assert ours.needs_marking

    def test_a_changed_mark_outside_the_provinces_is_refused(
        self, client, roles, course, free_quiz
    ):
        theirs = submit(free_quiz, make_learner(course, "10"))
        services.answer_mark(marker=make_trainer("10"), answer_id=theirs.pk, credit=0.5)
        client.force_login(make_trainer("50"))
        assert (
            "รับมือมิจฉาชีพ"
            not in client.get(reverse("quiz_marking")).context["recent"].__repr__()
        )
        response = client.post(
            QUEUE_TH, {"answer": theirs.pk, "credit": "0", "change": "1"}
        )
        assert response.status_code == 404
        theirs.refresh_from_db()
        assert theirs.credit == 0.5

    def test_province_choices_are_the_trainers_own(self, client, roles):
        client.force_login(make_trainer("50", "57"))
        form = client.get(reverse("quiz_marking")).context["form"]
        assert [code for code, _ in form.fields["province"].choices] == [
            "",
            "50",
            "57",
        ] or sorted(c for c, _ in form.fields["province"].choices) == ["", "50", "57"]

    def test_administrators_choose_from_every_province(self, client, roles):
        client.force_login(factories.make_user(role="Administrator"))
        form = client.get(reverse("quiz_marking")).context["form"]
        assert len(form.fields["province"].choices) == 78  # "all" and 77 provinces

    def test_a_province_outside_the_scope_finds_nothing_of_it(
        self, client, roles, course, free_quiz
    ):
        submit(free_quiz, make_learner(course, "10"), text="ของกรุงเทพ")
        client.force_login(make_trainer("50"))
        response = client.get(reverse("quiz_marking"), {"province": "10"})
        assert response.status_code == 200
        assert "ของกรุงเทพ" not in response.content.decode()
        assert response.context["form"].errors["province"]


class TestFilters:
    def test_by_quiz_and_by_province(self, client, roles, course, free_quiz):
        other_free = make_question(course, kind="free", text="อีกข้อ", options=())
        other = make_quiz(course, [other_free], title="แบบทดสอบอื่น")
        submit(free_quiz, make_learner(course, "50"), text="เชียงใหม่-หนึ่ง")
        submit(free_quiz, make_learner(course, "57"), text="เชียงราย-หนึ่ง")
        learner = make_learner(course, "50")
        attempt = services.attempt_start(user=learner, quiz=other)
        services.attempt_submit(
            user=learner,
            public_id=attempt.public_id,
            responses={other_free.pk: "อื่น-หนึ่ง"},
        )
        client.force_login(make_trainer("50", "57"))

        def shown(**query):
            page = client.get(reverse("quiz_marking"), query).content.decode()
            return {t for t in ("เชียงใหม่-หนึ่ง", "เชียงราย-หนึ่ง", "อื่น-หนึ่ง") if t in page}

        assert shown() == {"เชียงใหม่-หนึ่ง", "เชียงราย-หนึ่ง", "อื่น-หนึ่ง"}
        assert shown(quiz=free_quiz.pk) == {"เชียงใหม่-หนึ่ง", "เชียงราย-หนึ่ง"}
        assert shown(province="57") == {"เชียงราย-หนึ่ง"}
        assert shown(quiz=free_quiz.pk, province="50") == {"เชียงใหม่-หนึ่ง"}
        assert shown(quiz="ไม่ใช่ตัวเลข") == {
            "เชียงใหม่-หนึ่ง",
            "เชียงราย-หนึ่ง",
            "อื่น-หนึ่ง",
        }

    def test_the_filter_form_is_in_thai(self, client, roles):
        client.force_login(make_trainer())
        page = client.get(reverse("quiz_marking")).content.decode()
        for text in ("แบบทดสอบ", "จังหวัด", "ทุกแบบทดสอบ", "ทุกจังหวัดที่ดูแล"):
            assert text in page

    def test_filters_are_kept_and_the_next_answer_has_the_focus(
        self, client, roles, course, free_quiz
    ):
        first = submit(free_quiz, make_learner(course), text="คำตอบแรก")
        submit(free_quiz, make_learner(course), text="คำตอบที่สอง")
        client.force_login(make_trainer())
        url = f"{reverse('quiz_marking')}?quiz={free_quiz.pk}&province=50"
        response = client.post(
            url, {"answer": first.pk, "credit": "80", "position": "0"}
        )
        assert response.status_code == 302
        location = response["Location"]
        assert f"quiz={free_quiz.pk}" in location and "province=50" in location
        page = client.get(location).content.decode()
        assert "คำตอบแรก" not in page.split('id="recent"')[0]
        next_section = page.split('class="marking-answer is-next"')[1]
        assert next_section.index("คำตอบที่สอง") < next_section.index("autofocus")
        assert page.count("autofocus") == 1


class TestChangingAMark:
    def test_a_change_recomputes_the_result_and_passes_once(
        self, roles, course, free_quiz
    ):
        learner = make_learner(course)
        answer = submit(free_quiz, learner)
        trainer = make_trainer()
        received = []
        quiz_passed.connect(
            lambda sender, attempt, **kw: received.append(attempt.pk),
            weak=False,
            dispatch_uid="change",
        )
        try:
            services.answer_mark(marker=trainer, answer_id=answer.pk, credit=0.5)
            attempt = answer.attempt
            attempt.refresh_from_db()
            assert (float(attempt.score), attempt.passed) == (62.5, True)
            # Passed → failed: the result follows, what passing gave stays.
            services.answer_mark(
                marker=trainer, answer_id=answer.pk, credit=0, change=True
            )
            attempt.refresh_from_db()
            assert (float(attempt.score), attempt.passed) == (25.0, False)
            assert attempt.status == AttemptStatus.GRADED
            assert StepCompletion.objects.filter(user=learner).count() == 1
            # Passed → passed at another score: no second pass.
            services.answer_mark(
                marker=trainer, answer_id=answer.pk, credit=1, change=True
            )
            services.answer_mark(
                marker=trainer, answer_id=answer.pk, credit=0.9, change=True
            )
        finally:
            quiz_passed.disconnect(dispatch_uid="change")
        attempt.refresh_from_db()
        assert (float(attempt.score), attempt.passed) == (92.5, True)
        # Failed → passed ran the pass actions again: they are idempotent.
        assert received == [attempt.pk, attempt.pk]
        assert StepCompletion.objects.filter(user=learner).count() == 1

    def test_a_change_while_the_attempt_still_waits_sets_no_result(self, roles, course):
        one = make_question(course, kind="free", text="ข้อหนึ่ง", options=())
        two = make_question(course, kind="free", text="ข้อสอง", options=())
        quiz = make_quiz(course, [one, two])
        learner = make_learner(course)
        attempt = services.attempt_start(user=learner, quiz=quiz)
        services.attempt_submit(
            user=learner,
            public_id=attempt.public_id,
            responses={one.pk: "ก", two.pk: "ข"},
        )
        answer = Answer.objects.get(attempt=attempt, question=one)
        trainer = make_trainer()
        services.answer_mark(marker=trainer, answer_id=answer.pk, credit=1)
        services.answer_mark(
            marker=trainer, answer_id=answer.pk, credit=0.5, change=True
        )
        attempt.refresh_from_db()
        assert attempt.status == AttemptStatus.PENDING and attempt.score is None

    def test_changing_from_the_recently_marked_list(
        self, client, roles, course, free_quiz
    ):
        answer = submit(free_quiz, make_learner(course))
        trainer = make_trainer()
        services.answer_mark(
            marker=trainer, answer_id=answer.pk, credit=0.625, comment="ดี"
        )
        client.force_login(trainer)
        page = client.get(reverse("quiz_marking")).content.decode()
        recent = page.split('id="recent"')[1]
        assert TEXT in recent and 'value="62.5"' in recent and 'value="ดี"' in recent
        response = client.post(
            reverse("quiz_marking"),
            {"answer": answer.pk, "credit": "20", "comment": "ยังไม่ครบ", "change": "1"},
            follow=True,
        )
        assert "แก้คะแนนแล้ว" in response.content.decode()
        answer.refresh_from_db()
        assert (answer.credit, answer.marker_comment) == (0.2, "ยังไม่ครบ")

    def test_an_automatically_graded_answer_is_not_marked(
        self, roles, course, free_quiz
    ):
        answer = submit(free_quiz, make_learner(course))
        choice = Answer.objects.get(attempt=answer.attempt, question=free_quiz.choice)
        with pytest.raises(services.QuizError):
            services.answer_mark(
                marker=make_trainer(), answer_id=choice.pk, credit=0, change=True
            )
        choice.refresh_from_db()
        assert choice.credit == 1.0


class TestAudit:
    def test_a_mark_and_a_change_are_logged_with_before_and_after(
        self, roles, course, free_quiz
    ):
        answer = submit(free_quiz, make_learner(course))
        trainer = make_trainer()
        services.answer_mark(
            marker=trainer, answer_id=answer.pk, credit=0.5, comment="พอใช้"
        )
        services.answer_mark(
            marker=trainer, answer_id=answer.pk, credit=0, comment="ผิด", change=True
        )
        mark, change = entries(answer)
        assert (mark.action, mark.user, change.action, change.user) == (
            "lms.mark",
            trainer,
            "lms.mark_change",
            trainer,
        )
        assert mark.data["changes"] == {
            "credit": [None, 50.0],
            "comment": ["", "พอใช้"],
            "score": [None, 62.5],
            "passed": [None, True],
        }
        assert change.data["changes"] == {
            "credit": [50.0, 0.0],
            "comment": ["พอใช้", "ผิด"],
            "score": [62.5, 25.0],
            "passed": [True, False],
        }
        with translation.override("th"):
            assert change.message == (
                "เปลี่ยนคะแนนของคำตอบแล้ว: รับมือมิจฉาชีพ ครั้งที่ 1: "
                "คะแนน: 50 → 0; ความเห็น: พอใช้ → ผิด; "
                "คะแนนรวมของครั้งนั้น (%): 62.5 → 25; ผลสอบ: ผ่าน → ไม่ผ่าน"
            )

    def test_the_message_keeps_its_order_whatever_order_the_database_returns(self):
        # PostgreSQL's jsonb hands keys back shortest first, not as written.
        stored = {
            "score": [62.5, 25.0],
            "credit": [50.0, 0.0],
            "passed": [True, False],
            "comment": ["พอใช้", "ผิด"],
        }
        with translation.override("th"):
            assert describe_mark(stored) == (
                "คะแนน: 50 → 0; ความเห็น: พอใช้ → ผิด; "
                "คะแนนรวมของครั้งนั้น (%): 62.5 → 25; ผลสอบ: ผ่าน → ไม่ผ่าน"
            )

    def test_the_audit_log_view_shows_the_change_in_thai(
        self, client, roles, course, free_quiz
    ):
        answer = submit(free_quiz, make_learner(course))
        trainer = make_trainer()
        services.answer_mark(marker=trainer, answer_id=answer.pk, credit=1)
        services.answer_mark(
            marker=trainer, answer_id=answer.pk, credit=0.4, change=True
        )
        client.force_login(factories.make_user(role="Administrator"))
        page = client.get(
            reverse("wagtailadmin_reports:site_history"), HTTP_ACCEPT_LANGUAGE="th"
        ).content.decode()
        assert "คะแนน: 100 → 40" in page and "ผลสอบ: ผ่าน → ไม่ผ่าน" in page

    def test_a_double_submission_counts_once(self, client, roles, course, free_quiz):
        answer = submit(free_quiz, make_learner(course))
        client.force_login(make_trainer())
        data = {"answer": answer.pk, "credit": "70", "comment": "ดี", "position": "0"}
        first = client.post(reverse("quiz_marking"), data)
        second = client.post(reverse("quiz_marking"), data, follow=True)
        assert first.status_code == 302 and second.status_code == 200
        assert "error" not in [m.tags for m in second.context["messages"]]
        assert len(entries(answer)) == 1

    def test_a_different_first_mark_after_another_trainers_is_refused(
        self, roles, course, free_quiz, english
    ):
        answer = submit(free_quiz, make_learner(course))
        services.answer_mark(marker=make_trainer(), answer_id=answer.pk, credit=1)
        with pytest.raises(services.QuizError, match="already marked"):
            services.answer_mark(marker=make_trainer(), answer_id=answer.pk, credit=0)
        assert len(entries(answer)) == 1


class TestQueries:
    def test_the_queue_page_costs_the_same_as_answers_grow(
        self, client, roles, course, free_quiz, django_assert_max_num_queries
    ):
        trainer = make_trainer()
        client.force_login(trainer)

        def add(n):
            for _ in range(n):
                answer = submit(free_quiz, make_learner(course))
            services.answer_mark(marker=trainer, answer_id=answer.pk, credit=0.5)

        add(2)
        client.get(reverse("quiz_marking"))  # warm caches (site, locales)
        with django_assert_max_num_queries(60) as few:
            client.get(reverse("quiz_marking"))
        add(8)
        with django_assert_max_num_queries(len(few.captured_queries)):
            response = client.get(reverse("quiz_marking"))
        assert response.context["page_obj"].paginator.count == 8
