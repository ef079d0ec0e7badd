"""The home page and the catalogue, in Thai and English."""

SITE_NAME = "อาสาสมัครดิจิทัล"

HOME = {
    "th": {
        "title": "อาสาสมัครดิจิทัล",
        "hero_title": "เรียนรู้ดิจิทัล เพื่อชุมชนของเรา",
        "hero_text": (
            "บทเรียนออนไลน์สำหรับอาสาสมัครดิจิทัล (อสด.) เรียนได้ทุกที่บนโทรศัพท์มือถือ "
            "สะสมสมรรถนะ เลื่อนระดับ และรับเกียรติบัตร"
        ),
        "body": (
            "<p>อาสาสมัครดิจิทัลเป็นคนแรกที่เพื่อนบ้านนึกถึงเมื่อมีปัญหาเรื่องโทรศัพท์ "
            "ข่าวปลอม หรือการขายของออนไลน์ บทเรียนที่นี่สั้น ใช้ได้จริง "
            "และจัดตามกรอบสมรรถนะของโครงการ เรียนจบแต่ละหลักสูตรแล้วจะได้หลักฐานสมรรถนะ "
            "และเกียรติบัตรที่ตรวจสอบได้</p>"
        ),
    },
    "en": {
        "title": "Digital Volunteers",
        "hero_title": "Digital skills for our community",
        "hero_text": (
            "Online lessons for Thailand's digital volunteers, on any phone: earn "
            "competencies, move up the volunteer levels and receive certificates."
        ),
        "body": (
            "<p>A digital volunteer is the first person neighbours turn to with a phone "
            "problem, a piece of fake news or a question about selling online. The "
            "lessons here are short and practical, and follow the programme's "
            "competency framework: each course you finish gives you evidence of a "
            "competency and a certificate anyone can verify.</p>"
        ),
    },
}

CATALOGUE = {
    "slug": "courses",
    "th": {
        "title": "หลักสูตร",
        "intro": "<p>เลือกเรียนตามหัวข้อหรือตามสมรรถนะที่ต้องการพัฒนา</p>",
    },
    "en": {
        "title": "Courses",
        "intro": "<p>Choose by topic or by the competency you want to develop.</p>",
    },
}
