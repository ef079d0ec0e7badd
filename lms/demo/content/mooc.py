"""MOOC: studying on Thai MOOC platforms, self-paced habits and certificates."""

from .blocks import callout, h, ol, p, ul

COURSE = {
    "slug": "learning-on-mooc",
    "topic": "mooc",
    "minutes": 75,
    "competencies": [("D3", 1), ("B1", 1)],
    "th": {
        "title": "เรียนออนไลน์ด้วย MOOC",
        "summary": (
            "สมัครเรียนบนแพลตฟอร์ม MOOC ของไทย วางแผนการเรียนด้วยตนเองให้จบ "
            "และรับเกียรติบัตรที่ตรวจสอบได้"
        ),
        "description": (
            "<p>รายวิชาออนไลน์แบบเปิด (MOOC) ทำให้ทุกคนเรียนกับมหาวิทยาลัยและหน่วยงานชั้นนำได้ฟรี "
            "จากโทรศัพท์มือถือ แต่หลายคนสมัครแล้วเรียนไม่จบ</p>"
            "<p>หลักสูตรนี้แนะนำวิธีเลือกและสมัครรายวิชาบน Thai MOOC "
            "นิสัยการเรียนรู้ด้วยตนเองที่ช่วยให้เรียนจบ และการใช้เกียรติบัตร "
            "เพื่อให้อาสาสมัครพัฒนาตนเองและแนะนำคนในชุมชนให้เรียนรู้ตลอดชีวิต</p>"
        ),
    },
    "en": {
        "title": "Learning online with MOOCs",
        "summary": (
            "Enrol on Thai MOOC platforms, plan self-paced study through to the end, "
            "and earn certificates anyone can verify."
        ),
        "description": (
            "<p>Massive open online courses (MOOCs) let anyone study with leading "
            "universities and agencies for free, from a phone, yet many people "
            "enrol and never finish.</p>"
            "<p>This course shows how to choose and sign up for courses on Thai "
            "MOOC, the self-study habits that get you to the end, and how to use "
            "your certificates, so volunteers can grow themselves and guide "
            "neighbours into lifelong learning.</p>"
        ),
    },
    "modules": [
        {
            "slug": "getting-started",
            "th": {
                "title": "เริ่มเรียน MOOC",
                "intro": "รู้จัก MOOC สมัครสมาชิก และเลือกรายวิชาให้ตรงเป้าหมาย",
            },
            "en": {
                "title": "Starting with MOOCs",
                "intro": "What a MOOC is, signing up, and choosing courses that fit your goal.",
            },
            "lessons": [
                {
                    "slug": "what-is-mooc",
                    "minutes": 10,
                    "th": "MOOC คืออะไร",
                    "en": "What a MOOC is",
                    "body": [
                        p(
                            "MOOC ย่อมาจาก Massive Open Online Course "
                            "คือรายวิชาออนไลน์ที่เปิดให้ทุกคนเรียนได้โดยไม่จำกัดจำนวน "
                            "ส่วนใหญ่เรียนฟรี ไม่ต้องสอบเข้า และเรียนได้ตามเวลาที่สะดวก "
                            "แต่ละรายวิชามักประกอบด้วยวิดีโอสั้น เอกสารประกอบ แบบฝึกหัด "
                            "แบบทดสอบ และกระดานสนทนาสำหรับถามผู้สอนและแลกเปลี่ยนกับผู้เรียนคนอื่น",
                            "MOOC stands for Massive Open Online Course: an online course "
                            "open to any number of learners, mostly free, with no entrance "
                            "exam, taken whenever it suits you. A course usually has short "
                            "videos, reading material, exercises, quizzes and a discussion "
                            "board for asking the teachers questions and talking with other "
                            "learners.",
                        ),
                        p(
                            "ในประเทศไทยมีแพลตฟอร์ม Thai MOOC (thaimooc.ac.th) "
                            "ซึ่งรวบรวมรายวิชาจากมหาวิทยาลัยและหน่วยงานทั่วประเทศไว้ในที่เดียว "
                            "ตั้งแต่การใช้คอมพิวเตอร์ ภาษาอังกฤษ การเกษตร การตลาด ไปจนถึงสุขภาพ "
                            "นอกจากนี้มหาวิทยาลัยหลายแห่งยังมีแพลตฟอร์มของตนเอง เช่น CHULA MOOC "
                            "และหน่วยงานรัฐหลายแห่งก็เปิดบทเรียนออนไลน์ให้ประชาชนเรียนฟรี",
                            "In Thailand, the Thai MOOC platform (thaimooc.ac.th) gathers "
                            "courses from universities and agencies across the country in "
                            "one place, from computer skills, English, farming and marketing "
                            "to health. Several universities also run their own platforms, "
                            "such as CHULA MOOC, and many government agencies offer free "
                            "online lessons to the public.",
                        ),
                        h("ข้อดีของการเรียนแบบ MOOC", "Why study on a MOOC"),
                        ul(
                            [
                                "เรียนได้ทุกที่ทุกเวลา ทั้งบนโทรศัพท์และคอมพิวเตอร์",
                                "ย้อนดูวิดีโอได้หลายครั้งจนเข้าใจ",
                                "มีแบบทดสอบให้ตรวจความเข้าใจของตนเองทันที",
                                "ได้เกียรติบัตรเมื่อผ่านเกณฑ์ ใช้แสดงการพัฒนาตนเองได้",
                            ],
                            [
                                "Study anywhere, any time, on a phone or a computer",
                                "Rewatch videos as often as you need",
                                "Quizzes check your understanding straight away",
                                "A certificate when you pass, to show what you have learned",
                            ],
                        ),
                        callout(
                            "info",
                            "สิ่งที่ต้องเตรียม",
                            "What you need",
                            "อีเมลสำหรับสมัครสมาชิก โทรศัพท์หรือคอมพิวเตอร์ที่เชื่อมต่ออินเทอร์เน็ต "
                            "และหูฟังสำหรับฟังวิดีโอในที่สาธารณะ ถ้าอินเทอร์เน็ตช้า "
                            "ให้ดูวิดีโอที่ศูนย์ดิจิทัลชุมชนหรือห้องสมุดประชาชน",
                            "An e-mail address to sign up, a phone or computer with internet, "
                            "and earphones for watching videos in public places. If your "
                            "connection is slow, watch at the community digital centre or the "
                            "public library.",
                        ),
                    ],
                },
                {
                    "slug": "choosing-courses",
                    "minutes": 12,
                    "th": "สมัครและเลือกรายวิชาให้ตรงเป้าหมาย",
                    "en": "Signing up and choosing courses for your goal",
                    "body": [
                        p(
                            "การสมัครสมาชิก Thai MOOC ใช้อีเมลและข้อมูลพื้นฐาน "
                            "ควรใช้ชื่อและนามสกุลจริงตรงกับบัตรประชาชน "
                            "เพราะชื่อนี้จะปรากฏบนเกียรติบัตร "
                            "และตั้งรหัสผ่านที่ไม่ซ้ำกับบัญชีอื่นตามที่เรียนในหลักสูตรรู้ทันภัยออนไลน์",
                            "Signing up for Thai MOOC takes an e-mail address and some basic "
                            "details. Use your real first name and surname exactly as on your "
                            "ID card, because that name will appear on your certificates, and "
                            "choose a password you use nowhere else, as taught in the online "
                            "safety course.",
                        ),
                        ol(
                            [
                                "เข้าเว็บไซต์ thaimooc.ac.th แล้วเลือกสมัครสมาชิก",
                                "กรอกข้อมูลและยืนยันอีเมลจากลิงก์ที่ระบบส่งมา",
                                "ค้นหารายวิชาด้วยคำสำคัญหรือเลือกตามหมวดหมู่",
                                "อ่านรายละเอียดรายวิชา แล้วกดลงทะเบียนเรียน",
                            ],
                            [
                                "Go to thaimooc.ac.th and choose to sign up",
                                "Fill in your details and confirm your e-mail with the link the system sends",
                                "Search for courses by keyword or browse the categories",
                                "Read the course details, then enrol",
                            ],
                        ),
                        h("อ่านอะไรก่อนลงทะเบียน", "What to read before enrolling"),
                        p(
                            "ก่อนกดลงทะเบียน ให้อ่านคำอธิบายรายวิชา ระยะเวลาเรียน "
                            "จำนวนชั่วโมงต่อสัปดาห์ วันเปิดและปิดรายวิชา "
                            "และเงื่อนไขการรับเกียรติบัตร เช่น ต้องได้คะแนนแบบทดสอบรวมอย่างน้อยร้อยละ 60 "
                            "ตรวจด้วยว่าผู้สอนมาจากสถาบันหรือหน่วยงานที่น่าเชื่อถือ",
                            "Before enrolling, read the course description, its length, the "
                            "hours per week, when it opens and closes, and the certificate "
                            "rules, for example a total quiz score of at least 60 per cent. "
                            "Check, too, that the teachers come from a trustworthy "
                            "institution.",
                        ),
                        p(
                            "สำหรับผู้เริ่มต้น ให้เลือกรายวิชาสั้น ๆ ไม่เกิน 4 สัปดาห์ "
                            "ที่ใช้ได้จริงกับงานอาสาสมัคร เช่น ความปลอดภัยไซเบอร์ หรือการตลาดออนไลน์ "
                            "เมื่อเรียนจบหนึ่งวิชาแล้วจะมีกำลังใจเรียนวิชาที่ยาวขึ้น",
                            "Beginners should pick a short course of four weeks or less that "
                            "is useful for volunteer work, such as cyber security or online "
                            "marketing. Finishing one course gives you the confidence to take "
                            "on longer ones.",
                        ),
                        callout(
                            "tip",
                            "เรียนเป็นกลุ่ม",
                            "Study as a group",
                            "ชวนเพื่อนอาสาสมัครลงทะเบียนรายวิชาเดียวกัน แล้วนัดคุยกันสัปดาห์ละครั้ง "
                            "จะช่วยกันอธิบายเรื่องที่ไม่เข้าใจ และไม่มีใครถูกทิ้งไว้ข้างหลัง",
                            "Get fellow volunteers to enrol in the same course and meet once a "
                            "week: you explain the hard parts to each other, and nobody is "
                            "left behind.",
                        ),
                    ],
                },
            ],
        },
        {
            "slug": "finishing",
            "th": {
                "title": "เรียนให้จบ",
                "intro": "นิสัยการเรียนรู้ด้วยตนเอง และการรับเกียรติบัตรไปใช้ประโยชน์",
            },
            "en": {
                "title": "Finishing what you start",
                "intro": "Self-paced study habits, and making use of your certificates.",
            },
            "lessons": [
                {
                    "slug": "study-plan",
                    "minutes": 12,
                    "th": "วางแผนการเรียนรายสัปดาห์",
                    "en": "A weekly study plan",
                    "body": [
                        p(
                            "ความยากของการเรียนด้วยตนเองไม่ได้อยู่ที่เนื้อหา แต่อยู่ที่ความสม่ำเสมอ "
                            "เมื่อไม่มีครูคอยนัดหมาย งานประจำและงานบ้านจะแย่งเวลาไปเสมอ "
                            "ผู้ที่เรียนจบส่วนใหญ่จึงไม่ได้เรียนทีละนาน ๆ "
                            "แต่เรียนสั้น ๆ ทุกวันในเวลาเดิม เช่น วันละ 20 นาทีหลังอาหารเย็น",
                            "What makes self-study hard is not the content but keeping at it. "
                            "With no teacher setting appointments, work and housework always "
                            "take the time. Most people who finish don't study for hours at a "
                            "stretch: they study briefly every day at the same time, such as "
                            "20 minutes after dinner.",
                        ),
                        h("นิสัยที่ช่วยให้เรียนจบ", "Habits that get you to the end"),
                        ul(
                            [
                                "ตั้งเป้าหมายรายสัปดาห์ที่วัดได้ เช่น ดูวิดีโอ 3 ตอนและทำแบบทดสอบ 1 ชุด",
                                "เขียนเวลาเรียนลงปฏิทินในโทรศัพท์และตั้งการแจ้งเตือน",
                                "ปิดการแจ้งเตือนของแอปอื่นระหว่างเรียน",
                                "จดสรุปสั้น ๆ ด้วยภาษาของตนเองหลังดูวิดีโอแต่ละตอน",
                                "ทำแบบทดสอบทันทีหลังเรียน ขณะที่ยังจำได้ดี",
                                "ให้รางวัลตัวเองเมื่อทำได้ตามเป้า",
                            ],
                            [
                                "Set a measurable weekly goal, such as three videos and one quiz",
                                "Put study times in your phone's calendar with a reminder",
                                "Mute other apps' notifications while you study",
                                "Write a short summary in your own words after each video",
                                "Do the quiz right after studying, while it is fresh",
                                "Reward yourself when you meet the goal",
                            ],
                        ),
                        p(
                            "ถ้าพลาดไปหนึ่งสัปดาห์ ไม่ต้องท้อ ให้เริ่มใหม่จากบทที่ค้างไว้ทันที "
                            "อย่ารอเรียนทีเดียวตอนใกล้ปิดรายวิชา "
                            "เพราะเนื้อหาที่อัดไว้ในวันเดียวมักลืมเร็ว และเสี่ยงส่งแบบทดสอบไม่ทัน",
                            "If you miss a week, don't give up: start again straight away "
                            "from where you stopped. Don't leave it all until just before the "
                            "course closes; what you cram into one day is quickly forgotten, "
                            "and you risk missing the quiz deadlines.",
                        ),
                        callout(
                            "tip",
                            "กฎสองนาที",
                            "The two-minute rule",
                            "วันที่ไม่อยากเรียนเลย ให้สัญญากับตัวเองว่าจะเปิดบทเรียนแค่สองนาที "
                            "ส่วนใหญ่เมื่อเริ่มแล้วจะเรียนต่อได้จนจบตอน",
                            "On days you really don't feel like it, promise yourself just two "
                            "minutes with the lesson open. Once started, you'll usually carry "
                            "on to the end of the unit.",
                        ),
                    ],
                },
                {
                    "slug": "certificates",
                    "minutes": 10,
                    "th": "รับเกียรติบัตรและนำไปใช้",
                    "en": "Earning and using certificates",
                    "body": [
                        p(
                            "เมื่อผ่านเกณฑ์ของรายวิชา ผู้เรียนจะได้รับเกียรติบัตรอิเล็กทรอนิกส์ "
                            "ซึ่งระบุชื่อผู้เรียน ชื่อรายวิชา หน่วยงานผู้สอน และวันที่ "
                            "เกียรติบัตรที่ดีจะมีรหัสหรือคิวอาร์โค้ดสำหรับตรวจสอบ "
                            "ให้ผู้อื่นยืนยันได้ว่าออกโดยหน่วยงานนั้นจริง ไม่ได้ปลอมแปลงขึ้น",
                            "Pass a course's requirements and you receive an electronic "
                            "certificate giving your name, the course, the institution and "
                            "the date. A good certificate carries a code or QR code that lets "
                            "anyone confirm it was really issued by that institution and is "
                            "not forged.",
                        ),
                        ul(
                            [
                                "แนบในแฟ้มสะสมผลงานเมื่อสมัครงานหรือขอทุน",
                                "ใช้เป็นหลักฐานประกอบการเลื่อนระดับอาสาสมัครดิจิทัล",
                                "แสดงให้ชุมชนเห็นว่าอาสาสมัครพัฒนาตนเองอย่างต่อเนื่อง",
                            ],
                            [
                                "Add it to your portfolio when applying for a job or a grant",
                                "Use it as evidence towards your next digital-volunteer level",
                                "Show the community that its volunteers keep on learning",
                            ],
                        ),
                        callout(
                            "tip",
                            "เก็บหลักฐานให้ดี",
                            "Keep your evidence safe",
                            "ดาวน์โหลดเกียรติบัตรเป็นไฟล์ PDF เก็บไว้ทั้งในโทรศัพท์และอีเมล "
                            "และจดรหัสตรวจสอบไว้ เผื่อวันที่ต้องใช้แต่เปิดเว็บไซต์ไม่ได้",
                            "Download certificates as PDF, keep copies on your phone and in "
                            "your e-mail, and note the verification code, in case the website "
                            "is unavailable the day you need it.",
                        ),
                        p(
                            "อาสาสมัครที่เรียนจบหลายรายวิชาแล้ว สามารถแนะนำเส้นทางการเรียนให้เพื่อนบ้าน "
                            "เช่น ผู้ประกอบการที่อยากขายของออนไลน์ หรือผู้สูงอายุที่อยากใช้โทรศัพท์ให้คล่อง "
                            "และเป็นพี่เลี้ยงช่วยสมัครสมาชิกและวางแผนการเรียนให้ผู้ที่เพิ่งเริ่ม "
                            "นี่คือการสร้างสังคมแห่งการเรียนรู้ตลอดชีวิตในชุมชนของเราเอง",
                            "Volunteers who have finished several courses can suggest "
                            "learning paths to neighbours, such as a trader who wants to sell "
                            "online or an older person who wants to be at ease with a phone, "
                            "and mentor newcomers through signing up and planning their "
                            "study. That is how we build lifelong learning in our own "
                            "community.",
                        ),
                    ],
                },
            ],
        },
    ],
}
