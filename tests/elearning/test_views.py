"""The package file server and the learner's endpoints: sandbox headers,
tokens, paths, CSRF, bad input and query counts."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from elearning import services
from elearning.models import PackageAttempt
from tests import factories

from . import packages
from .helpers import make_package_step


@pytest.fixture
def step(course):
    return make_package_step(course, packages.scorm12_zip(mastery=80))


@pytest.fixture
def attempt(step, learner):
    return services.attempt_open(user=learner, page=step)


def _run(attempt, path):
    token = services.run_token(package=attempt.package, attempt=attempt)
    return reverse("elearning_run:run", kwargs={"token": token, "path": path})


class TestPackageFiles:
    def test_launch_file_is_sandboxed_with_the_runtime_injected(self, client, attempt):
        response = client.get(_run(attempt, "index.html"))
        assert response.status_code == 200
        assert response["Content-Type"] == "text/html; charset=utf-8"
        policy = response["Content-Security-Policy"]
        assert policy.startswith("sandbox allow-scripts")
        assert "allow-same-origin" not in policy
        assert "frame-ancestors 'self'" in policy
        assert response["X-Frame-Options"] == "SAMEORIGIN"
        assert "Set-Cookie" not in response
        body = response.content.decode()
        assert (
            body.index("scorm12.min.js")
            < body.index("scorm-bridge.js")
            < body.index("quiz.js")
        )

    def test_files_have_their_types(self, client, attempt):
        response = client.get(_run(attempt, "quiz.js"))
        assert response["Content-Type"] == "text/javascript; charset=utf-8"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "sandbox" in response["Content-Security-Policy"]

    def test_state_carries_the_attempt_and_is_not_cached(self, client, attempt):
        response = client.get(_run(attempt, "__lms__/state.js"))
        assert response["Cache-Control"] == "no-store"
        body = response.content.decode()
        assert str(attempt.public_id) in body and '"mastery_score": "80"' in body

    @pytest.mark.parametrize(
        "path",
        [
            "../../../etc/passwd",
            "..%2F..%2Fsettings.py",
            "imsmanifest.xml/..",
            "nothing.html",
            "__lms__/x",
        ],
    )
    def test_nothing_outside_the_package(self, client, attempt, path):
        assert client.get(_run(attempt, path)).status_code == 404

    def test_tampered_token_is_refused(self, client, attempt):
        url = _run(attempt, "index.html")
        token = url.split("/")[3]
        assert client.get(url.replace(token, token[:-2] + "xx")).status_code == 404

    def test_media_does_not_serve_packages(self, client, attempt, settings):
        assert settings.MEDIA_ROOT not in attempt.package.directory.parents


class TestEndpoints:
    def _post(self, client, attempt, body, **extra):
        return client.post(
            reverse("elearning:commit", args=[attempt.public_id]),
            data=body if isinstance(body, str) else json.dumps(body),
            content_type="application/json",
            **extra,
        )

    def test_commit_stores_and_answers_json(self, client, learner, attempt):
        client.force_login(learner)
        cmi = {
            "core": {"lesson_status": "incomplete", "lesson_location": "p2"},
            "suspend_data": "x",
        }
        response = self._post(client, attempt, {"seq": 1, "cmi": cmi})
        assert response.status_code == 200 and response.json()["step_done"] is False
        attempt.refresh_from_db()
        assert (attempt.location, attempt.suspend_data) == ("p2", "x")

    def test_commit_needs_csrf(self, learner, attempt):
        client = Client(enforce_csrf_checks=True)
        client.force_login(learner)
        response = self._post(client, attempt, {"seq": 1, "cmi": {}})
        assert response.status_code == 403

    @pytest.mark.parametrize(
        "body",
        [
            "not json",
            "[]",
            '{"seq": "x", "cmi": {}}',
            '{"seq": 1}',
            '{"seq": 1, "cmi": []}',
        ],
    )
    def test_bad_input_is_a_clear_400(self, client, learner, attempt, body):
        client.force_login(learner)
        response = self._post(client, attempt, body)
        assert response.status_code == 400 and response.json()["message"]

    def test_someone_elses_attempt_is_404_and_anonymous_403(self, client, attempt):
        assert self._post(client, attempt, {"seq": 1, "cmi": {}}).status_code == 403
        client.force_login(factories.make_user())
        assert self._post(client, attempt, {"seq": 1, "cmi": {}}).status_code == 404

    def test_oversized_body_is_refused(self, client, learner, attempt):
        client.force_login(learner)
        body = {"seq": 1, "cmi": {"suspend_data": "x" * (services.MAX_CMI_BYTES + 1)}}
        assert self._post(client, attempt, body).status_code == 400


class TestStepPage:
    def test_start_then_player_and_constant_queries(
        self, client, course, step, learner, django_assert_max_num_queries
    ):
        client.force_login(learner)
        response = client.get(step.url)
        assert b"data-package-frame" not in response.content
        client.post(reverse("elearning:start", args=[step.pk]))
        with django_assert_max_num_queries(45):
            response = client.get(step.url)
        assert b"data-package-frame" in response.content
        attempt = PackageAttempt.objects.get(user=learner)
        for n in range(5):
            services.attempt_commit(
                user=learner,
                public_id=attempt.public_id,
                seq=n + 1,
                cmi={"core": {"lesson_status": "failed", "score": {"raw": "10"}}},
                terminated=True,
            )
            attempt = services.attempt_open(user=learner, page=step)
        with django_assert_max_num_queries(45):
            client.get(step.url)

    def test_site_csp_stays_strict_on_the_step_page(self, client, step, learner):
        client.force_login(learner)
        policy = client.get(step.url)["Content-Security-Policy"]
        assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
        assert "sandbox" not in policy


class TestTrainerResults:
    def test_trainer_sees_attempts_and_volunteer_does_not(
        self, client, roles, step, attempt, learner
    ):
        services.attempt_commit(
            user=learner,
            public_id=attempt.public_id,
            seq=1,
            cmi={"core": {"lesson_status": "passed", "score": {"raw": "90"}}},
            terminated=True,
        )
        admin = factories.make_user(role="Administrator")
        client.force_login(admin)
        response = client.get(reverse("elearning_results", args=[step.pk]))
        assert response.status_code == 200
        assert response.context["summary"]["passes"] == 1
        assert "90%" in response.content.decode()
        client.force_login(
            factories.make_user(role="Trainer")
        )  # no provinces yet: sees nobody
        assert (
            client.get(reverse("elearning_results", args=[step.pk])).context["summary"][
                "attempts"
            ]
            == 0
        )
        client.force_login(learner)
        assert client.get(reverse("elearning_results", args=[step.pk])).status_code in (
            302,
            403,
        )
