"""Coding: computational thinking, Scratch-style blocks and first Python programs,
for volunteers who run coding clubs for children."""

from .blocks import callout, code, h, ol, p, ul

COURSE = {
    "slug": "first-steps-coding",
    "topic": "coding",
    "minutes": 120,
    "competencies": [("D3", 2), ("D2", 1)],
    "prerequisites": ["spotting-fake-news"],
    "th": {
        "title": "ก้าวแรกสู่การเขียนโปรแกรม",
        "summary": (
            "คิดเป็นขั้นตอน ต่อบล็อกแบบ Scratch และเขียนโปรแกรมภาษา Python อย่างง่าย "
            "เพื่อจัดชมรมโค้ดดิ้งให้เด็กในชุมชน"
        ),
        "description": (
            "<p>ไม่ต้องมีพื้นฐานมาก่อน หลักสูตรนี้พาอาสาสมัครดิจิทัลรู้จักการคิดเชิงคำนวณ "
            "ผ่านกิจกรรมที่ไม่ต้องใช้คอมพิวเตอร์ การต่อบล็อกคำสั่งแบบ Scratch "
            "และคำสั่งพื้นฐานของภาษา Python</p>"
            "<p>ทุกบทเรียนมีกิจกรรมที่นำไปใช้กับเด็กในชมรมโค้ดดิ้งของหมู่บ้านหรือโรงเรียนได้ทันที "
            "ควรเรียนหลักสูตรรู้ทันข่าวปลอมและภัยออนไลน์ให้จบก่อน "
            "เพื่อดูแลความปลอดภัยออนไลน์ของเด็ก ๆ ได้</p>"
        ),
    },
    "en": {
        "title": "First steps in coding",
        "summary": (
            "Think in steps, snap Scratch-style blocks together and write simple "
            "Python programs, to run a coding club for the community's children."
        ),
        "description": (
            "<p>No experience needed. This course introduces digital volunteers to "
            "computational thinking through unplugged activities, Scratch-style "
            "blocks and Python's basic statements.</p>"
            "<p>Every lesson has an activity you can use straight away with children "
            "in a village or school coding club. Finish the course on fake news and "
            "online threats first, so you can keep the children safe online.</p>"
        ),
    },
    "modules": [
        {
            "slug": "thinking",
            "th": {
                "title": "คิดอย่างเป็นขั้นตอน",
                "intro": "การคิดเชิงคำนวณในชีวิตประจำวัน ตั้งแต่สูตรอาหารจนถึงบล็อกคำสั่ง",
            },
            "en": {
                "title": "Thinking in steps",
                "intro": "Computational thinking in daily life, from recipes to blocks of code.",
            },
            "lessons": [
                {
                    "slug": "algorithms",
                    "minutes": 10,
                    "th": "อัลกอริทึมคือสูตรอาหาร",
                    "en": "An algorithm is a recipe",
                    "body": [
                        p(
                            "คอมพิวเตอร์ทำได้เฉพาะสิ่งที่เราสั่งอย่างชัดเจนเท่านั้น "
                            "การเขียนโปรแกรมจึงเริ่มจากการคิดให้เป็นขั้นตอน "
                            "อัลกอริทึม คือขั้นตอนการทำงานที่ชัดเจนและเรียงลำดับ "
                            "เพื่อแก้ปัญหาหรือทำงานหนึ่งให้สำเร็จ "
                            "เหมือนสูตรทำไข่เจียว: ตอกไข่ใส่ชาม ตีไข่ ใส่น้ำปลา ตั้งกระทะให้น้ำมันร้อน "
                            "แล้วจึงเทไข่ลงทอด ถ้าสลับลำดับ เช่น เทไข่ก่อนน้ำมันร้อน ผลลัพธ์จะไม่เป็นอย่างที่ตั้งใจ",
                            "A computer can only do exactly what it is clearly told, so "
                            "programming starts with thinking in steps. An algorithm is a "
                            "clear, ordered list of steps that solves a problem or gets a job "
                            "done, like an omelette recipe: crack the eggs into a bowl, beat "
                            "them, add fish sauce, heat the oil, then pour the eggs in to fry. "
                            "Change the order, pouring the eggs before the oil is hot, and you "
                            "won't get what you wanted.",
                        ),
                        h(
                            "สี่ทักษะของการคิดเชิงคำนวณ",
                            "Four skills of computational thinking",
                        ),
                        ul(
                            [
                                "<b>แยกปัญหา</b> แบ่งงานใหญ่เป็นงานย่อย เช่น จัดงานวันเด็ก แบ่งเป็นอาหาร เกม และของรางวัล",
                                "<b>หารูปแบบ</b> สังเกตสิ่งที่ซ้ำกัน เช่น ทุกเกมต้องมีกติกา ผู้เล่น และผู้ชนะ",
                                "<b>คิดเชิงนามธรรม</b> เลือกเฉพาะข้อมูลที่สำคัญ ตัดรายละเอียดที่ไม่จำเป็น",
                                "<b>ออกแบบอัลกอริทึม</b> เขียนขั้นตอนที่คนอื่นหรือคอมพิวเตอร์ทำตามได้",
                            ],
                            [
                                "<b>Decomposition</b>: split a big job into small ones; a Children's Day fair becomes food, games and prizes",
                                "<b>Pattern recognition</b>: notice what repeats; every game has rules, players and a winner",
                                "<b>Abstraction</b>: keep the information that matters and drop details that don't",
                                "<b>Algorithm design</b>: write steps that another person or a computer can follow",
                            ],
                        ),
                        p(
                            "ทักษะเหล่านี้ไม่ได้ใช้แค่กับคอมพิวเตอร์ เด็กที่ฝึกคิดเป็นขั้นตอน "
                            "จะวางแผนการบ้าน แก้โจทย์คณิตศาสตร์ และอธิบายความคิดของตนเองได้ดีขึ้น "
                            "ชมรมโค้ดดิ้งจึงเริ่มได้แม้ในห้องที่ไม่มีคอมพิวเตอร์เลย",
                            "These skills are not only for computers. Children who practise "
                            "thinking in steps plan their homework, solve maths problems and "
                            "explain their ideas better, so a coding club can start even in "
                            "a room with no computers at all.",
                        ),
                        callout(
                            "tip",
                            "กิจกรรมไม่ใช้คอมพิวเตอร์",
                            "An unplugged activity",
                            "ให้เด็กเขียนขั้นตอนการแปรงฟันลงกระดาษ แล้วให้เพื่อนทำตามทีละข้ออย่างเคร่งครัด "
                            "เด็กจะหัวเราะและเห็นเองว่าคำสั่งต้องชัดเจนเพียงใด",
                            "Ask children to write the steps for brushing teeth, then have a "
                            "friend follow them exactly, to the letter. They'll laugh, and "
                            "see for themselves how precise instructions must be.",
                        ),
                    ],
                },
                {
                    "slug": "loops-and-conditions",
                    "minutes": 12,
                    "th": "การทำซ้ำและเงื่อนไข",
                    "en": "Repetition and conditions",
                    "body": [
                        p(
                            "งานหลายอย่างในชีวิตมีการทำซ้ำ เช่น รดน้ำต้นไม้ทุกต้นในแปลง "
                            "และมีเงื่อนไข เช่น ถ้าดินแห้งจึงรดน้ำ ถ้าดินยังชื้นให้ข้ามไป "
                            "สองแนวคิดนี้คือหัวใจของการเขียนโปรแกรม "
                            "เพราะทำให้คำสั่งสั้น ๆ ไม่กี่บรรทัดจัดการงานจำนวนมากได้ "
                            "และตัดสินใจได้เองตามสถานการณ์",
                            "Many everyday jobs repeat, such as watering every plant in the "
                            "plot, and have conditions, such as water it if the soil is dry, "
                            "otherwise skip it. These two ideas are the heart of programming: "
                            "they let a few short lines handle a great deal of work and "
                            "decide for themselves what to do.",
                        ),
                        ul(
                            [
                                "<b>การทำซ้ำ (loop):</b> ทำสิ่งเดิมกับทุกชิ้นในรายการ หรือทำซ้ำตามจำนวนครั้ง",
                                "<b>เงื่อนไข (if):</b> ถ้า...ให้ทำสิ่งนี้ มิฉะนั้นให้ทำอีกอย่าง",
                                "<b>ตัวแปร (variable):</b> กล่องเก็บค่าที่เปลี่ยนได้ เช่น ความชื้นของดิน หรือคะแนนในเกม",
                            ],
                            [
                                "<b>Loop:</b> do the same thing to every item in a list, or a set number of times",
                                "<b>Condition (if):</b> if ..., do this, otherwise do that",
                                "<b>Variable:</b> a box holding a value that can change, like soil moisture or a game score",
                            ],
                        ),
                        h("บล็อกคำสั่งแบบ Scratch", "Scratch-style blocks"),
                        p(
                            "Scratch (scratch.mit.edu) เป็นเครื่องมือฟรีที่ให้เด็กต่อบล็อกคำสั่งสีต่าง ๆ เหมือนต่อตัวต่อ "
                            "มีเมนูภาษาไทย และเปิดได้บนเว็บเบราว์เซอร์ "
                            "บล็อกสีส้ม “ทำซ้ำ 10 ครั้ง” คือการทำซ้ำ "
                            "บล็อก “ถ้า...แล้ว...มิฉะนั้น” คือเงื่อนไข "
                            "เด็กจึงเห็นโครงสร้างของโปรแกรมโดยยังไม่ต้องพิมพ์โค้ดและไม่ต้องกลัวพิมพ์ผิด",
                            "Scratch (scratch.mit.edu) is a free tool where children snap "
                            "coloured command blocks together like building bricks. It has "
                            "a Thai menu and runs in a web browser. The orange “repeat 10” "
                            "block is a loop; the “if … then … else” block is a condition. "
                            "Children see the shape of a program without typing code or "
                            "worrying about typos.",
                        ),
                        callout(
                            "tip",
                            "เกมหุ่นยนต์เดินตามคำสั่ง",
                            "The robot game",
                            "วาดตารางบนพื้นด้วยชอล์ก ให้เด็กคนหนึ่งเป็นหุ่นยนต์ อีกคนสั่งด้วยบัตรคำ "
                            "เดินหน้า เลี้ยวซ้าย เลี้ยวขวา ทำซ้ำ 3 ครั้ง และ ถ้าเจอสิ่งกีดขวางให้เลี้ยวขวา "
                            "เพื่อพาหุ่นยนต์ไปเก็บของรางวัล",
                            "Chalk a grid on the floor. One child is the robot; another gives "
                            "orders with word cards (forward, turn left, turn right, repeat 3 "
                            "times, if blocked turn right) to steer the robot to a prize.",
                        ),
                    ],
                },
            ],
        },
        {
            "slug": "python",
            "th": {
                "title": "เริ่มต้นกับ Python",
                "intro": "เขียนคำสั่งแรก ใช้ตัวแปร การทำซ้ำ และเงื่อนไขในโปรแกรมที่ใช้ได้จริง",
            },
            "en": {
                "title": "Getting started with Python",
                "intro": "Our first statements: variables, loops and conditions in a program that does something useful.",
            },
            "lessons": [
                {
                    "slug": "hello",
                    "minutes": 12,
                    "th": "สวัสดี Python",
                    "en": "Hello, Python",
                    "body": [
                        p(
                            "Python เป็นภาษาโปรแกรมที่อ่านง่ายใกล้เคียงภาษาอังกฤษ "
                            "ใช้กันทั้งในโรงเรียน มหาวิทยาลัย และบริษัทใหญ่ "
                            "จึงเหมาะเป็นภาษาแรกหลังจากเด็กคุ้นเคยกับ Scratch แล้ว "
                            "เริ่มได้โดยไม่ต้องติดตั้งอะไร ผ่านเว็บไซต์ที่รัน Python บนเบราว์เซอร์ "
                            "หรือติดตั้งโปรแกรม Thonny ซึ่งออกแบบมาสำหรับผู้เริ่มต้นบนคอมพิวเตอร์ของโรงเรียน",
                            "Python is a programming language that reads almost like "
                            "English. It is used in schools, universities and large "
                            "companies alike, which makes it a good first language once "
                            "children are at home with Scratch. You can start without "
                            "installing anything, on a website that runs Python in the "
                            "browser, or install Thonny, an editor designed for beginners, on "
                            "the school's computers.",
                        ),
                        p(
                            "คำสั่ง <b>print</b> แสดงข้อความบนหน้าจอ "
                            "ส่วน <b>input</b> ถามผู้ใช้และเก็บคำตอบไว้ในตัวแปร "
                            "ลองพิมพ์โปรแกรมด้านล่างทีละบรรทัด แล้วกดรัน",
                            "The <b>print</b> statement shows text on the screen, and "
                            "<b>input</b> asks the user a question and keeps the answer "
                            "in a variable. Type the program below line by line, then run it.",
                        ),
                        code(
                            'name = input("ชื่อของคุณ: ")\n'
                            'print("สวัสดี", name)\n'
                            'print("ยินดีต้อนรับสู่ชมรมโค้ดดิ้ง")',
                            'name = input("Your name: ")\n'
                            'print("Hello", name)\n'
                            'print("Welcome to the coding club")',
                        ),
                        p(
                            "ข้อผิดพลาด (error) เป็นเรื่องปกติของการเขียนโปรแกรม "
                            "ข้อผิดพลาดที่พบบ่อยของผู้เริ่มต้น ได้แก่ ลืมเครื่องหมายคำพูด "
                            "ลืมวงเล็บปิด หรือพิมพ์ชื่อตัวแปรไม่ตรงกัน "
                            "ให้เด็กอ่านข้อความแจ้งข้อผิดพลาดและดูเลขบรรทัดที่บอกไว้ "
                            "การหาและแก้ข้อผิดพลาดเองคือทักษะสำคัญที่สุดอย่างหนึ่งของนักเขียนโปรแกรม",
                            "Errors are a normal part of programming. Beginners often forget "
                            "a quotation mark or a closing bracket, or spell a variable's "
                            "name two different ways. Have children read the error message "
                            "and look at the line number it gives: finding and fixing "
                            "mistakes themselves is one of a programmer's most important "
                            "skills.",
                        ),
                        callout(
                            "info",
                            "ภาษาไทยในโปรแกรม",
                            "Thai in programs",
                            "Python แสดงข้อความภาษาไทยได้ แต่ชื่อคำสั่งและชื่อตัวแปรควรเป็นภาษาอังกฤษ "
                            "เพื่อให้อ่านง่ายและไม่เกิดปัญหากับโปรแกรมอื่น",
                            "Python can print Thai text, but keep statements and variable "
                            "names in English: they are easier to read and cause no trouble "
                            "with other tools.",
                        ),
                    ],
                },
                {
                    "slug": "watering-program",
                    "minutes": 15,
                    "th": "โปรแกรมรดน้ำต้นไม้",
                    "en": "A plant-watering program",
                    "body": [
                        p(
                            "มาลองใช้ทั้งการทำซ้ำและเงื่อนไขในโปรแกรมเดียว "
                            "โจทย์คือ แปลงผักของชมรมมีต้นไม้หลายต้น "
                            "แต่ละต้นมีค่าความชื้นของดินเป็นเปอร์เซ็นต์ "
                            "ให้โปรแกรมตรวจทุกต้น และบอกว่าต้นไหนต้องรดน้ำ "
                            "โดยรดเฉพาะต้นที่ความชื้นต่ำกว่า 40",
                            "Let's use a loop and a condition together. The club's vegetable "
                            "plot has several plants, each with a soil-moisture reading in "
                            "per cent. The program checks every plant and says which ones "
                            "need water: only those below 40.",
                        ),
                        code(
                            'moisture = {"มะนาว": 35, "พริก": 62, "โหระพา": 20}\n'
                            "\n"
                            "for plant, level in moisture.items():\n"
                            "    if level < 40:\n"
                            '        print("รดน้ำ", plant)\n'
                            "    else:\n"
                            '        print(plant, "ยังชื้นอยู่")',
                            'moisture = {"lime": 35, "chilli": 62, "basil": 20}\n'
                            "\n"
                            "for plant, level in moisture.items():\n"
                            "    if level < 40:\n"
                            '        print("Water the", plant)\n'
                            "    else:\n"
                            '        print("The", plant, "is still moist")',
                        ),
                        ol(
                            [
                                "<b>moisture</b> เป็นพจนานุกรม (dictionary) เก็บชื่อต้นไม้คู่กับค่าความชื้น",
                                "<b>for</b> ทำซ้ำกับต้นไม้ทุกต้นในพจนานุกรม",
                                "<b>if level &lt; 40</b> ตรวจเงื่อนไขว่าดินแห้งหรือไม่",
                                "<b>else</b> ทำงานเมื่อเงื่อนไขไม่เป็นจริง",
                                "การเยื้องบรรทัด (ย่อหน้า 4 ช่อง) บอก Python ว่าคำสั่งใดอยู่ภายในคำสั่งใด",
                            ],
                            [
                                "<b>moisture</b> is a dictionary pairing each plant's name with its moisture",
                                "<b>for</b> repeats for every plant in the dictionary",
                                "<b>if level &lt; 40</b> checks whether the soil is dry",
                                "<b>else</b> runs when the condition is not true",
                                "Indentation (four spaces) tells Python which lines belong inside which statement",
                            ],
                        ),
                        p(
                            "โปรแกรมแบบนี้คือหลักการเดียวกับระบบรดน้ำอัตโนมัติในฟาร์มอัจฉริยะ "
                            "ต่างกันเพียงค่าความชื้นมาจากเซนเซอร์จริง และคำสั่งรดน้ำไปเปิดวาล์วจริง "
                            "ให้เด็กลองเปลี่ยนตัวเลข เพิ่มต้นไม้ของตนเอง "
                            "หรือเปลี่ยนเกณฑ์จาก 40 เป็นค่าอื่น แล้วทายผลก่อนรันทุกครั้ง",
                            "This is the same idea as an automatic watering system on a "
                            "smart farm; there the readings come from real sensors and the "
                            "order to water opens a real valve. Let children change the "
                            "numbers, add their own plants or move the threshold from 40, "
                            "and guess the result before every run.",
                        ),
                        callout(
                            "tip",
                            "ชวนเด็กต่อยอด",
                            "Ideas to take it further",
                            "ให้โปรแกรมนับว่ามีต้นไม้ต้องรดน้ำกี่ต้น "
                            "หรือเพิ่มเงื่อนไขว่า ถ้าความชื้นเกิน 80 ให้เตือนว่าน้ำมากเกินไป",
                            "Have the program count how many plants need water, or add a "
                            "condition that warns when moisture is above 80: too much water.",
                        ),
                    ],
                },
            ],
        },
    ],
}
