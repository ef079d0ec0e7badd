"""Importing and exporting a course's question bank in the admin: preview,
all or nothing, errors by line, and files that import again unchanged."""

import base64

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from courses.quiz import formats
from courses.quiz.models import Option, Question
from tests import factories

from .test_formats import sample


@pytest.fixture
def trainer(client, roles):
    user = factories.make_user(role="Trainer")
    client.force_login(user)
    return user


def upload(client, course, name, data, fmt, **extra):
    return client.post(
        reverse("quiz_import"),
        {
            "course": course.pk,
            "format": fmt,
            "file": SimpleUploadedFile(name, data),
            **extra,
        },
    )


class TestImport:
    def test_preview_then_save_all(self, client, trainer, course):
        response = upload(client, course, "bank.gift", sample("bank.gift"), "gift")
        assert response.status_code == 200
        page = response.content.decode()
        assert "อ่านคำถามได้ 11 ข้อ" in page
        assert "พาดหัวเร้าอารมณ์" in page and "ฟิชชิง → การหลอกขอรหัสผ่าน" in page
        assert not Question.objects.exists()  # nothing saved by the preview
        payload = response.context["confirm_form"].initial["payload"]
        response = client.post(
            reverse("quiz_import"),
            {
                "course": course.pk,
                "format": "gift",
                "payload": payload,
                "filename": "bank.gift",
                "confirm": "1",
            },
        )
        assert response.status_code == 302
        assert Question.objects.filter(course=course).count() == 11
        matching = Question.objects.get(kind="matching")
        assert list(matching.options.values_list("text_th", "match_th"))[0] == (
            "ฟิชชิง",
            "การหลอกขอรหัสผ่าน",
        )
        assert Question.objects.filter(tags__name="ข่าวปลอม").count() == 11
        pi = Question.objects.get(text_th__startswith="ค่า π")
        assert (pi.numeric_answer, pi.numeric_tolerance) == (3.14, 0.01)

    def test_errors_save_nothing_and_name_the_line_in_thai(
        self, client, trainer, course
    ):
        data = "ข้อดี {=ก ~ข}\n\nข้อเสีย {~ก ~ข}\n\nข้อสาม {#abc}\n".encode()
        response = upload(client, course, "bad.gift", data, "gift")
        page = response.content.decode()
        assert "พบข้อผิดพลาด 2 รายการ" in page
        assert "บรรทัด 3" in page and "บรรทัด 5" in page
        assert "บันทึกคำถามทั้งหมด" not in page
        # A forged confirmation of the bad file saves nothing either.
        client.post(
            reverse("quiz_import"),
            {
                "course": course.pk,
                "format": "gift",
                "payload": base64.b64encode(data).decode(),
                "confirm": "1",
            },
        )
        assert not Question.objects.exists()

    @pytest.mark.parametrize(
        ("name", "data", "fmt", "words"),
        [
            ("x.gift", "ข้อ {T}".encode("cp874"), "gift", "UTF-8"),
            ("x.xlsx", b"not a zip", "sheet", "อ่านสเปรดชีตไม่ได้"),
            ("x.xml", b"<quiz><question>", "xml", "XML"),
            ("x.gift", b"// only a comment\n", "gift", "ไม่พบคำถาม"),
        ],
    )
    def test_unreadable_files_get_a_clear_error(
        self, client, trainer, course, name, data, fmt, words
    ):
        response = upload(client, course, name, data, fmt)
        assert response.status_code == 200
        assert words in response.content.decode()
        assert not Question.objects.exists()

    def test_a_learner_cannot_import(self, client, roles, course):
        client.force_login(factories.make_user(role="Volunteer", is_staff=True))
        response = upload(client, course, "bank.gift", sample("bank.gift"), "gift")
        assert response.status_code in (302, 403)
        assert not Question.objects.exists()


def _import(course, name, fmt, filename=""):
    from courses.quiz import importing

    parsed, errors = formats.parse(sample(name), fmt, filename)
    assert errors == []
    return importing.questions_import(course=course, parsed=parsed)


def _shape(questions):
    return [
        (
            q.kind,
            q.text_th,
            q.accepted_list(),
            q.numeric_answer,
            [(o.text_th, o.is_correct, o.match_th) for o in q.options.all()],
        )
        for q in questions
    ]


class TestExport:
    @pytest.mark.parametrize(
        ("fmt", "reader"),
        [("gift", "gift"), ("xml", "xml"), ("xlsx", "sheet"), ("csv", "sheet")],
    )
    def test_a_bank_exports_and_imports_unchanged(
        self, client, trainer, course, fmt, reader
    ):
        _import(course, "bank.gift", "gift")
        original = _shape(Question.objects.filter(course=course).order_by("pk"))
        response = client.get(
            reverse("quiz_export"), {"course": course.pk, "format": fmt}
        )
        assert response.status_code == 200
        body = b"".join(response) if response.streaming else response.content
        parsed, errors = formats.parse(body, reader, f"x.{fmt}")
        assert errors == []
        Question.objects.all().delete()
        from courses.quiz import importing

        importing.questions_import(course=course, parsed=parsed)
        assert _shape(Question.objects.filter(course=course).order_by("pk")) == (
            original
        )

    def test_aiken_keeps_single_choice(self, client, trainer, course):
        _import(course, "bank_aiken.txt", "aiken")
        response = client.get(
            reverse("quiz_export"), {"course": course.pk, "format": "aiken"}
        )
        assert "ANSWER: C" in response.content.decode()

    def test_bad_request_shows_the_form(self, client, trainer, course):
        response = client.get(reverse("quiz_export"), {"course": "x", "format": "z"})
        assert response.status_code == 200
        assert "เลือกหลักสูตรและรูปแบบไฟล์" in response.content.decode()
        assert Option.objects.count() == 0


class TestPreview:
    def test_every_imported_question_previews_as_a_learner_sees_it(
        self, client, trainer, course, rf
    ):
        created = _import(course, "bank.gift", "gift")
        for question in created:
            request = rf.get("/")
            request.user = trainer
            html = question.serve_preview(request, "").rendered_content
            assert question.text_th.splitlines()[0][:20] in html
            assert "correct" not in html.lower()
            for option in question.options.all():
                assert option.text_th in html
        edit = client.get(
            reverse("wagtailsnippets_quiz_question:edit", args=[created[4].pk])
        )
        assert (
            reverse(
                "wagtailsnippets_quiz_question:preview_on_edit", args=[created[4].pk]
            )
            in edit.content.decode()
        )
