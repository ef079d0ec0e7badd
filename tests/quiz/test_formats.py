"""Question files: GIFT, Aiken, Moodle XML and the spreadsheet, read and written."""

from pathlib import Path

import pytest
from django.utils import translation

from courses.quiz import formats

SAMPLES = Path(__file__).parent / "samples"


def sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


@pytest.fixture(autouse=True)
def thai():
    with translation.override("th"):
        yield


class TestGift:
    def test_reads_every_question_type(self):
        questions, errors = formats.parse(sample("bank.gift"), "gift")
        assert errors == []
        kinds = [q.kind for q in questions]
        assert kinds == [
            "single",
            "multiple",
            "true_false",
            "short",
            "matching",
            "numerical",
            "numerical",
            "numerical",
            "free",
            "true_false",
            "single",
        ]
        first = questions[0]
        assert first.text == "ข้อใดคือสัญญาณของข่าวปลอม?"
        assert [(o["text"], o["correct"]) for o in first.options] == [
            ("พาดหัวเร้าอารมณ์", True),
            ("มีแหล่งที่มาชัดเจน", False),
            ("มีวันที่เผยแพร่", False),
        ]
        assert first.explanation == "ตรวจพาดหัวและแหล่งที่มาทุกครั้ง"
        assert first.tags == ["ข่าวปลอม"]
        assert first.line == 4

    def test_weights_html_escapes_and_feedback(self):
        questions, _errors = formats.parse(sample("bank.gift"), "gift")
        multiple, tf, short, matching = questions[1:5]
        assert multiple.text == "เลือกทุกวิธีตรวจสอบข่าว"  # [html] reduced to text
        assert [o["correct"] for o in multiple.options] == [True, True, False]
        assert tf.options[1] == {"text": "ผิด", "correct": True, "match": ""}
        assert short.accepted == ["ข่าวปลอม", "ข่าวเท็จ", "fake news"]
        assert [(o["text"], o["match"]) for o in matching.options][2] == (
            "Deepfake",
            "วิดีโอปลอมด้วย AI",
        )
        hotline, pi, age = questions[5:8]
        assert (hotline.value, hotline.tolerance) == (1111, 0)
        assert (pi.value, pi.tolerance, pi.explanation) == (3.14, 0.01, "ประมาณ 22/7")
        assert (age.value, age.tolerance) == (14.5, 1.5)
        escaped = questions[9]
        assert escaped.text == "ราคา 1=2 และวงเล็บ {ปีกกา} กับ: โคลอน และ~ทิลเดอ"
        missing_word = questions[10]
        assert missing_word.text == "ผู้ร้ายมักบอกให้ _____ เพื่อยืนยัน"
        assert [o["correct"] for o in missing_word.options] == [False, True, False]

    @pytest.mark.parametrize(
        ("text", "line", "words"),
        [
            ("คำถามไม่มีคำตอบ", 1, "{ }"),
            ("\n\nข้อ {=ก ~ข\n", 3, "{ }"),
            ("ข้อ {#สามจุดห้า}", 1, "สามจุดห้า"),
            ("ข้อ {~ก ~ข}", 1, "หนึ่งตัว"),
            ("::ไม่ปิด ข้อ {T}", 1, "::"),
            ("ข้อ {=ก -> }", 1, "จับคู่"),
            ("ข้อหนึ่ง {T}\n\n// ความเห็น\nข้อสอง {ก =ข}", 4, "="),
        ],
    )
    def test_malformed_input_names_the_line_in_thai(self, text, line, words):
        questions, errors = formats.parse(text.encode(), "gift")
        assert errors, questions
        assert errors[0].line == line
        assert words in errors[0].message

    def test_not_utf8(self):
        with pytest.raises(formats.FileError, match="UTF-8"):
            formats.parse("ข้อ {T}".encode("cp874"), "gift")


class TestAiken:
    def test_reads_options_and_answers(self):
        questions, errors = formats.parse(sample("bank_aiken.txt"), "aiken")
        assert errors == []
        assert [q.kind for q in questions] == ["single", "single"]
        assert questions[0].options[2] == {
            "text": "T7#qL!9zR2",
            "correct": True,
            "match": "",
        }
        assert questions[1].options[1]["correct"]
        assert questions[1].line == 8

    @pytest.mark.parametrize(
        ("text", "line", "words"),
        [
            ("ข้อ\nA. ก\nB. ข\nANSWER: E", 4, "E"),
            ("ข้อ\nA. ก\nB. ข", 1, "ANSWER"),
            ("ข้อ\nA. ก\nคำที่หลงมา\nB. ข\nANSWER: A", 3, "ANSWER"),
            ("ข้อ\nA. ก\nANSWER: A", 1, "สอง"),
        ],
    )
    def test_malformed(self, text, line, words):
        _questions, errors = formats.parse(text.encode(), "aiken")
        assert errors[0].line == line
        assert words in errors[0].message


class TestMoodleXml:
    def test_reads_every_type_moodle_writes(self):
        questions, errors = formats.parse(sample("bank.xml"), "xml")
        assert errors == []
        assert [q.kind for q in questions] == [
            "single",
            "multiple",
            "true_false",
            "short",
            "numerical",
            "matching",
            "free",
        ]
        first = questions[0]
        assert first.text == "ข้อใดเป็นรหัสผ่านที่ดี & ปลอดภัย?"
        assert first.points == 2
        assert first.explanation == "ใช้รหัสผ่านยาวและสุ่ม"
        assert first.tags == ["รหัสผ่าน", "ความปลอดภัยออนไลน์"]
        assert questions[2].options[0]["correct"] is True
        assert questions[3].accepted == ["OTP", "โอทีพี"]
        assert questions[4].value == 6
        assert [o["match"] for o in questions[5].options] == [
            "รหัสใช้ครั้งเดียว",
            "เครือข่ายส่วนตัวเสมือน",
        ]

    def test_unknown_type_and_broken_xml(self):
        _q, errors = formats.parse(
            b'<quiz><question type="calculated"><questiontext><text>x</text>'
            b"</questiontext></question></quiz>",
            "xml",
        )
        assert "calculated" in errors[0].message
        _q, errors = formats.parse(b"<quiz><question>\n<oops></quiz>", "xml")
        assert errors[0].line == 2
        assert "XML" in errors[0].message

    def test_entities_are_refused(self):
        bomb = (
            b'<?xml version="1.0"?><!DOCTYPE q [<!ENTITY a "aaaa">'
            b'<!ENTITY b "&a;&a;&a;">]><quiz>&b;</quiz>'
        )
        with pytest.raises(formats.FileError):
            formats.parse(bomb, "xml")


class TestSheet:
    def test_reads_csv_with_thai_type_names(self):
        questions, errors = formats.parse(sample("bank.csv"), "sheet", "bank.csv")
        assert errors == []
        assert [q.kind for q in questions] == [
            "single",
            "multiple",
            "true_false",
            "short",
            "matching",
            "numerical",
            "free",
        ]
        assert questions[0].text_en == "Which is a sign of fake news?"
        assert questions[1].points == 2
        assert questions[1].tags == ["ข่าวปลอม", "ตรวจสอบ"]
        assert questions[2].options[1]["correct"]
        assert questions[3].accepted == ["ข่าวปลอม", "fake news"]
        assert questions[5].value == 4

    def test_wrong_header_names_the_columns(self):
        _q, errors = formats.parse(b"kind,question\nsingle,x\n", "sheet", "a.csv")
        assert "type" in errors[0].message and "kind" in errors[0].message

    def test_row_errors(self):
        data = (
            "type,question,option_1,option_2,correct\n"
            "single,ข้อหนึ่ง,ก,ข,1\n"
            "เดา,ข้อสอง,ก,ข,1\n"
            "single,ข้อสาม,ก,ข,หนึ่ง\n"
        )
        _q, errors = formats.parse(data.encode(), "sheet", "a.csv")
        assert [e.line for e in errors] == [3, 4]
