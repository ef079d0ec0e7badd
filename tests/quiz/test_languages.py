"""The English translation of a quiz shares the Thai quiz's bank and records."""

from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from courses.quiz.models import Attempt

from .helpers import correct_ids, make_question, make_quiz


def test_english_page_uses_the_same_bank_and_attempts(client, course, learner):
    q = make_question(
        course, text="ข้อใดคือสัญญาณของข่าวปลอม", text_en="Which is a sign of fake news?"
    )
    q.options.filter(is_correct=True).update(text_en="An emotional headline")
    quiz = make_quiz(course, [q])
    english = quiz.copy_for_translation(
        Locale.objects.get(language_code="en"), copy_parents=True, alias=False
    )
    english.save_revision().publish()
    client.force_login(learner)
    with translation.override("en"):
        start_url = reverse("quiz:start", args=[english.pk])
    response = client.post(start_url, follow=True)
    attempt = Attempt.objects.get()
    assert attempt.quiz_id == quiz.pk  # records live on the default-language quiz
    html = response.content.decode()
    assert "Which is a sign of fake news?" in html and "An emotional headline" in html
    with translation.override("en"):
        submit_url = reverse("quiz:submit", args=[attempt.public_id])
    client.post(submit_url, {f"q{q.pk}": correct_ids(q)})
    attempt.refresh_from_db()
    assert attempt.passed
