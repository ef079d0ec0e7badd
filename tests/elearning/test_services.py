"""The rule that makes package results count, and its idempotency."""

import pytest

from competencies.models import CompetencyEvidence
from courses import services as course_services
from courses.models import StepCompletion
from elearning import services
from elearning.models import PackageAttempt
from tests import factories

from . import packages
from .helpers import make_package_step, upload


def _cmi12(status, raw=None, location="", suspend="", exit_=""):
    core = {
        "lesson_status": status,
        "lesson_location": location,
        "exit": exit_,
        "session_time": "00:01:00",
    }
    if raw is not None:
        core["score"] = {"raw": str(raw), "min": "0", "max": "100"}
    return {"core": core, "suspend_data": suspend}


@pytest.mark.parametrize(
    "completed, success, score, pass_mark, expected",
    [
        (True, "", None, None, (None, True)),  # no pass mark: completion is enough
        (
            True,
            "failed",
            None,
            None,
            (False, False),
        ),  # ... unless the package says failed
        (
            True,
            "passed",
            40.0,
            80.0,
            (False, False),
        ),  # the score decides against the mark
        (True, "failed", 90.0, 80.0, (True, True)),
        (True, "", None, 80.0, (None, False)),  # a pass mark and nothing to judge by
        (True, "passed", None, 80.0, (True, True)),
        (False, "passed", 100.0, 80.0, (True, False)),  # not completed
    ],
)
def test_judge(completed, success, score, pass_mark, expected):
    assert (
        services.judge(
            completed=completed, success=success, score=score, pass_mark=pass_mark
        )
        == expected
    )


@pytest.fixture
def step(course):
    competency = factories.make_competency()
    return make_package_step(
        course, packages.scorm12_zip(mastery=80), competencies=[(competency, 2)]
    )


class TestCommits:
    def test_failed_attempt_never_completes_then_a_pass_does(self, step, learner):
        attempt = services.attempt_open(user=learner, page=step)
        services.attempt_commit(
            user=learner,
            public_id=attempt.public_id,
            seq=1,
            cmi=_cmi12("failed", 50),
            terminated=True,
        )
        attempt.refresh_from_db()
        assert (attempt.completed, attempt.passed, attempt.closed) == (
            True,
            False,
            True,
        )
        assert not StepCompletion.objects.filter(user=learner, page=step).exists()
        # A late commit to the finished attempt changes nothing.
        services.attempt_commit(
            user=learner,
            public_id=attempt.public_id,
            seq=2,
            cmi=_cmi12("passed", 100),
            terminated=True,
        )
        attempt.refresh_from_db()
        assert attempt.passed is False
        assert not CompetencyEvidence.objects.filter(user=learner).exists()

        second = services.attempt_open(user=learner, page=step)
        assert second.number == 2
        services.attempt_commit(
            user=learner,
            public_id=second.public_id,
            seq=1,
            cmi=_cmi12("passed", 90),
            terminated=True,
        )
        assert StepCompletion.objects.filter(user=learner, page=step).exists()
        evidence = CompetencyEvidence.objects.get(user=learner)
        assert (evidence.source, evidence.proficiency, evidence.source_ref) == (
            "package",
            2,
            f"elearning.page:{step.pk}",
        )

    def test_passed_status_below_the_mastery_score_is_not_a_pass(self, step, learner):
        attempt = services.attempt_open(user=learner, page=step)
        services.attempt_commit(
            user=learner,
            public_id=attempt.public_id,
            seq=1,
            cmi=_cmi12("passed", 60),
            terminated=True,
        )
        assert not StepCompletion.objects.filter(user=learner, page=step).exists()

    def test_trainer_pass_mark_overrides_the_package(self, step, learner):
        step.pass_mark = 50
        step.save_revision().publish()
        attempt = services.attempt_open(user=learner, page=step)
        services.attempt_commit(
            user=learner,
            public_id=attempt.public_id,
            seq=1,
            cmi=_cmi12("failed", 60),
            terminated=True,
        )
        assert StepCompletion.objects.filter(user=learner, page=step).exists()

    def test_replays_and_double_sends_apply_once(self, step, learner):
        attempt = services.attempt_open(user=learner, page=step)
        for _ in range(2):
            services.attempt_commit(
                user=learner,
                public_id=attempt.public_id,
                seq=2,
                cmi=_cmi12("incomplete", location="p2", suspend="b"),
            )
        services.attempt_commit(
            user=learner,
            public_id=attempt.public_id,
            seq=1,
            cmi=_cmi12("incomplete", location="p1", suspend="a"),
        )
        attempt.refresh_from_db()
        assert (attempt.seq, attempt.location, attempt.suspend_data) == (2, "p2", "b")
        for _ in range(2):
            services.attempt_commit(
                user=learner,
                public_id=attempt.public_id,
                seq=3,
                cmi=_cmi12("passed", 100),
                terminated=True,
            )
        assert StepCompletion.objects.filter(user=learner, page=step).count() == 1
        assert CompetencyEvidence.objects.filter(user=learner).count() == 1
        assert PackageAttempt.objects.get(pk=attempt.pk).total_seconds == 60

    def test_suspended_attempt_resumes_with_its_state(self, step, learner):
        attempt = services.attempt_open(user=learner, page=step)
        services.attempt_commit(
            user=learner,
            public_id=attempt.public_id,
            seq=1,
            cmi=_cmi12(
                "incomplete", location="question", suspend="q1=a", exit_="suspend"
            ),
            terminated=True,
        )
        again = services.attempt_open(user=learner, page=step)
        assert again.pk == attempt.pk
        cmi = services.start_cmi(package=step.package, attempt=again, pass_mark=80.0)
        assert cmi["core"]["entry"] == "resume"
        assert (cmi["core"]["lesson_location"], cmi["suspend_data"]) == (
            "question",
            "q1=a",
        )
        assert cmi["student_data"]["mastery_score"] == "80"

    def test_another_learners_attempt_is_not_found(self, step, learner):
        attempt = services.attempt_open(user=learner, page=step)
        with pytest.raises(PackageAttempt.DoesNotExist):
            services.attempt_commit(
                user=factories.make_user(), public_id=attempt.public_id, seq=1, cmi={}
            )

    def test_not_enrolled_cannot_start(self, step, english):
        with pytest.raises(services.PackageRunError, match="Enrol"):
            services.attempt_open(user=factories.make_user(), page=step)

    def test_mark_as_complete_is_refused(self, step, learner):
        with pytest.raises(course_services.EnrollmentError) as err:
            course_services.lesson_mark_read(user=learner, page=step)
        assert err.value.code == "graded_step"


def test_replacing_the_package_keeps_completions_and_starts_a_new_attempt(
    step, learner
):
    attempt = services.attempt_open(user=learner, page=step)
    services.attempt_commit(
        user=learner,
        public_id=attempt.public_id,
        seq=1,
        cmi=_cmi12("passed", 100),
        terminated=True,
    )
    other = factories.make_user()
    course_services.enrollment_create(
        user=other, course=step.get_parent().get_parent().specific
    )
    half = services.attempt_open(user=other, page=step)
    step.package = services.package_create(
        upload=upload(packages.scorm12_zip(title="ฉบับใหม่"))
    )
    step.save_revision().publish()
    assert StepCompletion.objects.filter(user=learner, page=step).exists()
    fresh = services.attempt_open(user=other, page=step)
    assert fresh.pk != half.pk and fresh.package_id == step.package_id
    assert PackageAttempt.objects.get(pk=half.pk).closed


class TestXapi:
    @pytest.fixture
    def h5p_step(self, course):
        step = make_package_step(course, packages.h5p_zip(), name="quiz.h5p")
        step.pass_mark = 80
        step.save_revision().publish()
        return step

    def _statement(self, sid, verb, raw, success, parent=False):
        statement = {
            "id": sid,
            "verb": {"id": f"http://adlnet.gov/expapi/verbs/{verb}"},
            "result": {
                "score": {"raw": raw, "max": 1, "min": 0, "scaled": raw},
                "completion": True,
                "success": success,
            },
            "context": {"contextActivities": {"parent": [{"id": "x"}]}}
            if parent
            else {},
        }
        return statement

    def test_failed_then_passed_with_statements_counted_once(self, h5p_step, learner):
        attempt = services.attempt_open(user=learner, page=h5p_step)
        # A sub-question's statement (with a parent) does not count.
        services.xapi_record(
            user=learner,
            public_id=attempt.public_id,
            statement=self._statement(
                "6f1c7a4e-0000-4000-8000-000000000000", "answered", 1, True, parent=True
            ),
        )
        assert not StepCompletion.objects.filter(user=learner, page=h5p_step).exists()
        failed = self._statement(
            "6f1c7a4e-0000-4000-8000-000000000001", "answered", 0, False
        )
        services.xapi_record(
            user=learner, public_id=attempt.public_id, statement=failed
        )
        attempt.refresh_from_db()
        assert (attempt.completed, attempt.passed, attempt.closed) == (
            True,
            False,
            True,
        )
        assert not StepCompletion.objects.filter(user=learner, page=h5p_step).exists()
        # Retrying inside the activity opens attempt 2.
        passed = self._statement(
            "6f1c7a4e-0000-4000-8000-000000000002", "answered", 1, True
        )
        second = services.xapi_record(
            user=learner, public_id=attempt.public_id, statement=passed
        )
        services.xapi_record(user=learner, public_id=second.public_id, statement=passed)
        assert second.number == 2 and second.passed is True
        assert StepCompletion.objects.filter(user=learner, page=h5p_step).count() == 1
        assert second.statements.count() == 1
