"""Demo quizzes: one at the end of every demo course, mixing question types."""

from wagtail.models import Locale

from courses.models import CoursePage, ModulePage

from .models import Option, Question, QuizCompetency, QuizPage

T, F = True, False

# course slug → (quiz title th, en, questions). A question: (kind, th, en, options or accepted answers).
QUIZZES = {
    "spotting-fake-news": (
        "แบบทดสอบ: รู้ทันข่าวปลอม",
        "Quiz: spotting fake news",
        [
            (
                "single",
                "ข้อใดเป็นสัญญาณเตือนของข่าวปลอม",
                "Which is a warning sign of fake news?",
                [
                    ("พาดหัวว่า ด่วน! แชร์ด่วน!", "A headline saying URGENT! Share now!", T),
                    ("มีลิงก์ไปยังเว็บไซต์ .go.th", "A link to a .go.th website", F),
                    ("ระบุชื่อผู้เขียนและวันที่", "The author's name and date are given", F),
                ],
            ),
            (
                "multiple",
                "วิธีใดช่วยตรวจสอบภาพข่าวได้ (เลือกได้หลายข้อ)",
                "Which help check a news photo? (choose all that apply)",
                [
                    ("ค้นหาภาพย้อนกลับ", "A reverse image search", T),
                    (
                        "ตรวจกับศูนย์ต่อต้านข่าวปลอม",
                        "Checking with the Anti-Fake News Center",
                        T,
                    ),
                    ("ดูจำนวนคนที่แชร์", "Counting how many people shared it", F),
                ],
            ),
            (
                "true_false",
                "หน่วยงานรัฐอาจโทรมาขอให้โอนเงินเพื่อตรวจสอบบัญชี",
                "A government office may phone and ask you to transfer money to check your account.",
                [("จริง", "True", F), ("เท็จ", "False", T)],
            ),
            (
                "short",
                "สายด่วนศูนย์ต่อต้านข่าวปลอมคือหมายเลขใด",
                "What is the Anti-Fake News Center's hotline number?",
                ["1111"],
            ),
        ],
    ),
    "selling-online": (
        "แบบทดสอบ: ขายของออนไลน์",
        "Quiz: selling online",
        [
            (
                "single",
                "ก่อนส่งสินค้า ควรตรวจสอบการชำระเงินอย่างไร",
                "Before shipping, how should you check the payment?",
                [
                    (
                        "ดูยอดเงินเข้าในแอปธนาคาร",
                        "Check the money arrived in the bank app",
                        T,
                    ),
                    ("ดูภาพสลิปที่ลูกค้าส่งมา", "Look at the slip image the customer sent", F),
                ],
            ),
            (
                "multiple",
                "ราคาขายควรครอบคลุมอะไรบ้าง",
                "What should the selling price cover?",
                [
                    ("ต้นทุนวัตถุดิบ", "Materials", T),
                    ("ค่าธรรมเนียมแพลตฟอร์ม", "Platform fees", T),
                    ("กำไร", "Profit", T),
                    ("ค่าโฆษณาของคู่แข่ง", "A competitor's advertising", F),
                ],
            ),
            (
                "true_false",
                "ภาพสินค้าที่ดีควรถ่ายในแสงธรรมชาติและพื้นหลังเรียบ",
                "Good product photos use daylight and a plain background.",
                [("จริง", "True", T), ("เท็จ", "False", F)],
            ),
            (
                "short",
                "ระบบรับชำระเงินด้วยหมายเลขโทรศัพท์ของไทยชื่ออะไร",
                "What is Thailand's pay-by-phone-number system called?",
                ["พร้อมเพย์", "PromptPay"],
            ),
        ],
    ),
    "digital-farming": (
        "แบบทดสอบ: เกษตรดิจิทัล",
        "Quiz: digital farming",
        [
            (
                "single",
                "ถ้าพยากรณ์ว่าฝนจะตกใน 6 ชั่วโมง ควรทำอย่างไรกับการพ่นยา",
                "If rain is forecast within six hours, what about spraying?",
                [
                    ("เลื่อนการพ่นยา", "Postpone it", T),
                    ("พ่นยาเพิ่มเป็นสองเท่า", "Spray twice as much", F),
                ],
            ),
            (
                "true_false",
                "เซนเซอร์ความชื้นดินช่วยให้รดน้ำเฉพาะเมื่อดินแห้ง",
                "A soil-moisture sensor helps water only when the soil is dry.",
                [("จริง", "True", T), ("เท็จ", "False", F)],
            ),
            (
                "multiple",
                "ข้อมูลใดควรบอกลูกค้าเมื่อขายผลผลิตตรง",
                "What should you tell customers when selling produce direct?",
                [
                    ("วันเก็บเกี่ยว", "The harvest date", T),
                    ("วิธีปลูก", "How it was grown", T),
                    ("รหัสผ่านบัญชีธนาคาร", "Your bank password", F),
                ],
            ),
            (
                "short",
                "หน่วยงานใดพยากรณ์อากาศของประเทศไทย (ชื่อย่อ)",
                "Which department forecasts Thailand's weather? (short name)",
                ["กรมอุตุนิยมวิทยา", "กรมอุตุฯ", "TMD", "Thai Meteorological Department"],
            ),
        ],
    ),
    "first-steps-coding": (
        "แบบทดสอบ: ก้าวแรกสู่การเขียนโปรแกรม",
        "Quiz: first steps in coding",
        [
            (
                "single",
                "อัลกอริทึมคืออะไร",
                "What is an algorithm?",
                [
                    (
                        "ขั้นตอนการทำงานที่ชัดเจนและเรียงลำดับ",
                        "A clear, ordered list of steps",
                        T,
                    ),
                    ("ภาษาโปรแกรมชนิดหนึ่ง", "A kind of programming language", F),
                ],
            ),
            (
                "single",
                'คำสั่ง print("สวัสดี") ใน Python ทำอะไร',
                'What does print("hello") do in Python?',
                [
                    ("แสดงข้อความบนหน้าจอ", "Shows the text on screen", T),
                    ("พิมพ์ออกทางเครื่องพิมพ์", "Sends it to a printer", F),
                ],
            ),
            (
                "true_false",
                "คำสั่ง if ใช้ตัดสินใจตามเงื่อนไข",
                "An if statement makes a decision on a condition.",
                [("จริง", "True", T), ("เท็จ", "False", F)],
            ),
            (
                "short",
                "คำสั่งใดใน Python ใช้ทำซ้ำกับทุกชิ้นในรายการ",
                "Which Python statement repeats for every item in a list?",
                ["for"],
            ),
        ],
    ),
    "learning-on-mooc": (
        "แบบทดสอบ: เรียนออนไลน์ด้วย MOOC",
        "Quiz: learning with MOOCs",
        [
            (
                "single",
                "MOOC ย่อมาจากอะไร",
                "What does MOOC stand for?",
                [
                    ("Massive Open Online Course", "Massive Open Online Course", T),
                    ("Mobile Office Online Class", "Mobile Office Online Class", F),
                ],
            ),
            (
                "multiple",
                "นิสัยใดช่วยให้เรียนออนไลน์จนจบ",
                "Which habits help you finish an online course?",
                [
                    ("เรียนสั้น ๆ แต่สม่ำเสมอ", "Short but regular study", T),
                    (
                        "ปิดการแจ้งเตือนระหว่างเรียน",
                        "Muting notifications while studying",
                        T,
                    ),
                    (
                        "รอเรียนทีเดียวตอนใกล้ปิดวิชา",
                        "Cramming just before the course closes",
                        F,
                    ),
                ],
            ),
            (
                "true_false",
                "เกียรติบัตรอิเล็กทรอนิกส์ตรวจสอบได้ด้วยรหัสตรวจสอบ",
                "An electronic certificate can be checked with its verification code.",
                [("จริง", "True", T), ("เท็จ", "False", F)],
            ),
            (
                "free",
                "เล่าแผนการเรียนรายสัปดาห์ของคุณสั้น ๆ",
                "Describe your weekly study plan briefly.",
                [],
            ),
        ],
    ),
}


# Shown after an attempt (feedback), per course, in the order of its questions.
EXPLANATIONS = {
    "spotting-fake-news": [
        (
            "ข่าวปลอมมักเร่งให้รีบแชร์ก่อนคิด ข่าวจริงระบุแหล่งที่มา ผู้เขียน และวันที่",
            "Fake news rushes you to share before thinking; real news names its source, author and date.",
        ),
        (
            "ค้นหาภาพย้อนกลับบอกได้ว่าภาพเคยเผยแพร่ที่ไหนมาก่อน ส่วนจำนวนคนแชร์ไม่ได้บอกว่าจริงหรือไม่",
            "A reverse image search shows where a photo appeared before; how many people shared it proves nothing.",
        ),
        (
            "หน่วยงานรัฐไม่เคยโทรขอให้โอนเงิน ให้วางสายแล้วโทรกลับเบอร์ทางการ",
            "Government offices never phone to ask for a transfer: hang up and call the official number back.",
        ),
        (
            "โทร 1111 หรือดูที่เว็บไซต์ antifakenewscenter.com",
            "Call 1111 or see antifakenewscenter.com.",
        ),
    ],
    "selling-online": [
        (
            "สลิปปลอมทำได้ง่าย ให้ดูยอดเงินเข้าจริงในแอปธนาคารก่อนส่งของ",
            "Slips are easy to fake: see the money in your bank app before shipping.",
        ),
        (
            "ราคาที่ดีครอบคลุมต้นทุน ค่าธรรมเนียม และกำไร ค่าโฆษณาของคู่แข่งไม่ใช่ต้นทุนของเรา",
            "A sound price covers costs, fees and profit; a competitor's advertising is not your cost.",
        ),
        (
            "แสงธรรมชาติทำให้สีสินค้าตรงกับของจริง ลูกค้าจึงไม่ผิดหวัง",
            "Daylight shows true colours, so customers are not disappointed.",
        ),
        (
            "พร้อมเพย์ (PromptPay) รับเงินด้วยเบอร์โทรศัพท์หรือเลขบัตรประชาชน",
            "PromptPay takes payments to a phone or ID-card number.",
        ),
    ],
    "digital-farming": [
        (
            "ฝนจะชะล้างยาออกไปก่อนออกฤทธิ์ เสียทั้งเงินและสิ่งแวดล้อม",
            "Rain washes the spray off before it works, wasting money and harming the environment.",
        ),
        (
            "รดน้ำเมื่อดินแห้งจริงช่วยประหยัดน้ำและค่าไฟปั๊ม",
            "Watering only when the soil is dry saves water and pump electricity.",
        ),
        (
            "เรื่องราวของผลผลิตสร้างความเชื่อใจ แต่ห้ามบอกรหัสผ่านกับใคร",
            "The story of your produce builds trust; never give anyone a password.",
        ),
        (
            "กรมอุตุนิยมวิทยา (Thai Meteorological Department, TMD) มีแอปพยากรณ์อากาศ",
            "The Thai Meteorological Department (TMD) has a forecast app.",
        ),
    ],
    "first-steps-coding": [
        (
            "อัลกอริทึมคือขั้นตอนที่ชัดเจน จะเขียนด้วยภาษาใดก็ได้",
            "An algorithm is a clear list of steps, written in any language.",
        ),
        ("print แสดงข้อความบนหน้าจอ", "print shows text on the screen."),
        (
            "if เลือกทำคำสั่งเมื่อเงื่อนไขเป็นจริง",
            "if runs its block only when the condition is true.",
        ),
        ("for ทำซ้ำกับทุกชิ้นในรายการ", "for repeats for each item of a list."),
    ],
    "learning-on-mooc": [
        (
            "MOOC คือรายวิชาออนไลน์แบบเปิดที่ใครก็เรียนได้",
            "A MOOC is an open online course anyone can take.",
        ),
        (
            "เรียนสม่ำเสมอและลดสิ่งรบกวนช่วยให้เรียนจบ",
            "Regular study and fewer distractions help you finish.",
        ),
        (
            "รหัสหรือ QR บนเกียรติบัตรใช้ตรวจสอบว่าออกจริง",
            "The code or QR on a certificate checks that it is genuine.",
        ),
        ("ผู้สอนจะอ่านและให้คะแนนคำตอบนี้", "A trainer reads and marks this answer."),
    ],
}


def load_demo_quizzes() -> list[QuizPage]:
    """Add a quiz at the end of every demo course that has none (idempotent)."""
    english = Locale.objects.filter(language_code="en").first()
    made = []
    for slug, (title_th, title_en, questions) in QUIZZES.items():
        course = CoursePage.objects.filter(
            slug=slug, locale=Locale.get_default()
        ).first()
        if course is None:
            continue
        module = ModulePage.objects.child_of(course).order_by("path").last()
        quiz = QuizPage.objects.child_of(module).first()
        if quiz is None:
            quiz = module.add_child(
                instance=QuizPage(
                    title=title_th,
                    slug="quiz",
                    intro="ตอบคำถามเพื่อทบทวนบทเรียน ผ่านเมื่อได้ 60% ขึ้นไป",
                    pass_mark=60,
                    attempts_allowed=3,
                    shuffle_options=True,
                )
            )
            explanations = EXPLANATIONS.get(slug, [])
            for order, (kind, th, en, answers) in enumerate(questions):
                why_th, why_en = (
                    explanations[order] if order < len(explanations) else ("", "")
                )
                question = Question(
                    course=course,
                    kind=kind,
                    text_th=th,
                    text_en=en,
                    explanation_th=why_th,
                    explanation_en=why_en,
                )
                if kind == "short":
                    question.accepted_answers = "\n".join(answers)
                question.save()
                for i, (o_th, o_en, correct) in enumerate(
                    answers if kind not in ("short", "free") else []
                ):
                    Option.objects.create(
                        question=question,
                        text_th=o_th,
                        text_en=o_en,
                        is_correct=correct,
                        sort_order=i,
                    )
                quiz.question_links.create(question=question, sort_order=order)
            for order, link in enumerate(course.competency_links.all()):
                QuizCompetency.objects.create(
                    quiz=quiz,
                    competency=link.competency,
                    proficiency=link.proficiency,
                    sort_order=order,
                )
            quiz.save_revision().publish()
            quiz.refresh_from_db()
        if (
            english is not None
            and quiz.get_translation_or_none(english) is None
            and module.get_translation_or_none(english)
        ):
            copy = quiz.copy_for_translation(english, copy_parents=False, alias=False)
            copy.title = title_en
            copy.intro = (
                "Answer the questions to review the lessons. You pass with 60% or more."
            )
            copy.save_revision().publish()
        made.append(quiz)
    return made
