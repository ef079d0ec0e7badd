"""Digital literacy: spotting fake news, scams, passwords and two-step verification."""

from .blocks import callout, h, ol, p, ul

COURSE = {
    "slug": "spotting-fake-news",
    "topic": "digital_literacy",
    "minutes": 100,
    "competencies": [("D1", 2), ("B3", 1), ("B2", 1)],
    "th": {
        "title": "รู้ทันข่าวปลอมและภัยออนไลน์",
        "summary": (
            "ตรวจสอบข่าวปลอมบนสื่อสังคมออนไลน์ รู้ทันกลโกงแก๊งคอลเซ็นเตอร์ "
            "และปกป้องบัญชีของตนเองและคนในชุมชน"
        ),
        "description": (
            "<p>ข่าวปลอมและมิจฉาชีพออนไลน์สร้างความเสียหายให้คนในชุมชนทุกวัน "
            "ตั้งแต่ข่าวลือเรื่องสุขภาพไปจนถึงการหลอกให้โอนเงินจนหมดบัญชี "
            "หลักสูตรนี้ช่วยให้อาสาสมัครดิจิทัลแยกแยะข่าวจริงกับข่าวปลอม ตรวจสอบแหล่งที่มาและภาพ "
            "รู้ทันกลโกงที่พบบ่อย และตั้งค่าความปลอดภัยของบัญชีได้ด้วยตนเอง</p>"
            "<p>เมื่อเรียนจบ คุณจะแนะนำเพื่อนบ้านได้ว่าควรทำอย่างไรเมื่อได้รับข่าวน่าสงสัย "
            "และช่วยผู้ที่ถูกหลอกให้แจ้งหน่วยงานที่เกี่ยวข้องได้ทันเวลา</p>"
        ),
    },
    "en": {
        "title": "Spotting fake news and online threats",
        "summary": (
            "Check fake news on social media, see through call-centre scams, and "
            "protect your own and your neighbours' accounts."
        ),
        "description": (
            "<p>Fake news and online fraud hurt people in our communities every day, "
            "from health rumours to scams that empty a bank account. This course "
            "helps digital volunteers tell real news from fake, check sources and "
            "pictures, recognise the most common scams and secure their own "
            "accounts.</p>"
            "<p>By the end you will be able to tell a neighbour what to do with a "
            "suspicious message, and help someone who has been cheated report it to "
            "the right office in time.</p>"
        ),
    },
    "modules": [
        {
            "slug": "fake-news",
            "th": {
                "title": "ข่าวปลอมคืออะไร",
                "intro": (
                    "รู้จักลักษณะของข่าวปลอม วิธีตรวจสอบแหล่งที่มา และการค้นหาภาพย้อนกลับก่อนกดแชร์"
                ),
            },
            "en": {
                "title": "What fake news is",
                "intro": (
                    "The signs of fake news, how to check a source, and reverse "
                    "image search before you share."
                ),
            },
            "lessons": [
                {
                    "slug": "signs-of-fake-news",
                    "minutes": 10,
                    "th": "สังเกตข่าวปลอมเบื้องต้น",
                    "en": "The basic signs of fake news",
                    "body": [
                        p(
                            "ข่าวปลอม คือข้อมูลที่ถูกสร้างขึ้นหรือบิดเบือนให้ดูเหมือนข่าวจริง "
                            "บางครั้งทำเพื่อหลอกเอาเงิน บางครั้งทำเพื่อเรียกยอดไลก์และยอดแชร์ "
                            "และบางครั้งก็เป็นข่าวเก่าที่ถูกนำกลับมาเล่าใหม่โดยไม่รู้ตัว "
                            "ข่าวปลอมแพร่ในกลุ่มไลน์และเฟซบุ๊กได้เร็วมาก "
                            "เพราะคนส่วนใหญ่ส่งต่อด้วยความหวังดี อยากเตือนญาติพี่น้อง "
                            "โดยไม่ได้ตรวจสอบก่อน",
                            "Fake news is information that has been made up or twisted to "
                            "look like real news. Sometimes it is meant to cheat people out "
                            "of money, sometimes to collect likes and shares, and sometimes "
                            "it is simply an old story passed round again by people who "
                            "don't realise it. Fake news spreads very fast in LINE groups "
                            "and on Facebook, because most people forward it with good "
                            "intentions, to warn their family, without checking first.",
                        ),
                        p(
                            "ข่าวปลอมที่พบบ่อยในชุมชนมีหลายแบบ เช่น "
                            "สูตรรักษาโรคที่ไม่มีงานวิจัยรองรับ ข่าวแจกเงินหรือสิทธิพิเศษจากรัฐที่ให้กดลิงก์ลงทะเบียน "
                            "ข่าวภัยพิบัติที่ใช้ภาพจากเหตุการณ์ในประเทศอื่น "
                            "และข่าวอ้างชื่อคนดังหรือหน่วยงานเพื่อให้ดูน่าเชื่อถือ",
                            "Common kinds of fake news in our communities include cures "
                            "with no research behind them, government hand-outs that ask "
                            "you to tap a link to register, disaster news illustrated with "
                            "pictures from another country, and stories that borrow the "
                            "name of a celebrity or an agency to look believable.",
                        ),
                        h("สัญญาณเตือน 5 ข้อ", "Five warning signs"),
                        ul(
                            [
                                "พาดหัวเร้าอารมณ์ ใช้คำว่า ด่วน! แชร์ด่วน! ก่อนถูกลบ",
                                "ไม่ระบุแหล่งที่มา หรืออ้างหน่วยงานแบบลอย ๆ ว่า “หมอบอกมา”",
                                "ภาพหรือคลิปเก่าถูกนำมาใช้ใหม่กับเหตุการณ์อื่น",
                                "ลิงก์เว็บไซต์แปลก ๆ ที่สะกดคล้ายของจริง",
                                "ขอให้โอนเงิน กรอกข้อมูลส่วนตัว หรือรหัส OTP",
                            ],
                            [
                                "Emotional headlines: URGENT! Share before it's deleted!",
                                "No source, or a vague “a doctor said so”",
                                "Old photos or clips reused for a different event",
                                "Odd web addresses spelled almost like the real ones",
                                "Requests for money, personal details or an OTP code",
                            ],
                        ),
                        p(
                            "ข่าวจริงมักบอกได้ว่าใครพูด พูดที่ไหน เมื่อไร และมีสื่อหลายแห่งรายงานตรงกัน "
                            "ถ้าข่าวใดทำให้เรารู้สึกตกใจ โกรธ หรือดีใจมากเป็นพิเศษ "
                            "ให้หยุดสักครู่ก่อนส่งต่อ เพราะอารมณ์แรง ๆ คือสิ่งที่ผู้สร้างข่าวปลอมต้องการ",
                            "Real news can usually tell you who said it, where and when, and "
                            "several outlets report it in the same way. If a story makes you "
                            "unusually frightened, angry or delighted, pause before "
                            "forwarding it: strong emotion is exactly what the makers of "
                            "fake news are after.",
                        ),
                        callout(
                            "tip",
                            "ก่อนแชร์ ถามตัวเอง 3 ข้อ",
                            "Three questions before you share",
                            "ใครเป็นคนเผยแพร่? มีแหล่งอื่นที่เชื่อถือได้ยืนยันไหม? "
                            "ถ้าข่าวนี้ผิด ใครจะเดือดร้อน?",
                            "Who published it? Does another trustworthy source confirm it? "
                            "If it's wrong, who gets hurt?",
                        ),
                    ],
                },
                {
                    "slug": "checking-sources",
                    "minutes": 12,
                    "th": "ตรวจสอบแหล่งที่มาของข่าว",
                    "en": "Checking where news comes from",
                    "body": [
                        p(
                            "เมื่อได้รับข่าวที่น่าสงสัย อย่าเพิ่งเชื่อหรือส่งต่อ "
                            "ให้คัดลอกหัวข้อข่าวหรือคำสำคัญไปค้นหาในเว็บไซต์ของหน่วยงานรัฐ "
                            "ซึ่งลงท้ายด้วย .go.th หรือในสำนักข่าวที่มีชื่อผู้เขียนและวันที่ชัดเจน "
                            "ถ้ามีแต่เพจที่ไม่รู้จักเผยแพร่ข่าวนั้น และไม่มีสื่อหลักรายงานเลย "
                            "ให้สงสัยไว้ก่อนว่าอาจเป็นข่าวปลอม",
                            "When a suspicious story arrives, don't believe or forward it "
                            "yet. Copy the headline or its key words and search for them "
                            "on government websites, which end in .go.th, or on news sites "
                            "that give an author and a date. If only unknown pages carry "
                            "the story and no mainstream outlet reports it, treat it as "
                            "possibly fake.",
                        ),
                        h("ศูนย์ต่อต้านข่าวปลอม", "The Anti-Fake News Center"),
                        p(
                            "ศูนย์ต่อต้านข่าวปลอมประเทศไทย (Anti-Fake News Center) "
                            "ของกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม "
                            "ตรวจสอบข่าวที่ประชาชนส่งเข้ามาร่วมกับหน่วยงานเจ้าของเรื่อง "
                            "แล้วเผยแพร่ผลว่าเป็นข่าวจริง ข่าวปลอม หรือข่าวบิดเบือน "
                            "ทางเว็บไซต์ antifakenewscenter.com เฟซบุ๊ก และไลน์ "
                            "ลองค้นชื่อข่าวในเว็บไซต์ของศูนย์ก่อน เพราะข่าวที่แพร่หลายมักถูกตรวจสอบไว้แล้ว",
                            "Thailand's Anti-Fake News Center, run by the Ministry of Digital "
                            "Economy and Society, checks stories sent in by the public with "
                            "the agency concerned, then publishes whether each is true, "
                            "fake or distorted on antifakenewscenter.com, Facebook and LINE. "
                            "Search for the story on its website first: widely shared "
                            "stories have often been checked already.",
                        ),
                        ol(
                            [
                                "ค้นหาข่าวจากเว็บไซต์ศูนย์ต่อต้านข่าวปลอม",
                                "ถ้ายังไม่พบ ให้ค้นจากเว็บไซต์ของหน่วยงานที่ข่าวอ้างถึงโดยตรง",
                                "เทียบกับสำนักข่าวที่เชื่อถือได้อย่างน้อยสองแห่ง",
                                "ถ้ายังไม่แน่ใจ ส่งข่าวให้ศูนย์ฯ ตรวจสอบ และบอกคนในกลุ่มว่ากำลังรอผล",
                            ],
                            [
                                "Search for the story on the Anti-Fake News Center's website",
                                "If it isn't there, search the website of the agency the story names",
                                "Compare with at least two trustworthy news outlets",
                                "Still unsure? Send it to the Center and tell your group you are waiting for the answer",
                            ],
                        ),
                        p(
                            "อาสาสมัครดิจิทัลเป็นตัวอย่างให้ชุมชนได้ เมื่อเห็นข่าวปลอมในกลุ่มไลน์ของหมู่บ้าน "
                            "ให้ตอบอย่างสุภาพ พร้อมแนบลิงก์ผลการตรวจสอบ ไม่ต่อว่าคนที่ส่งมา "
                            "เพราะเป้าหมายคือให้ทุกคนได้ข้อมูลที่ถูกต้อง ไม่ใช่ทำให้ใครอับอาย",
                            "Digital volunteers can set an example. When fake news appears "
                            "in the village LINE group, reply politely with a link to the "
                            "fact-check and don't scold whoever posted it: the aim is for "
                            "everyone to have the right information, not to embarrass "
                            "anyone.",
                        ),
                        callout(
                            "info",
                            "แจ้งข่าวน่าสงสัย",
                            "Report a suspicious story",
                            "ส่งข่าวให้ศูนย์ต่อต้านข่าวปลอมตรวจสอบได้ทางไลน์ @antifakenewscenter "
                            "หรือโทรสายด่วน 1111 กด 87",
                            "Send the story to the Anti-Fake News Center on LINE "
                            "@antifakenewscenter, or call the 1111 hotline and press 87.",
                        ),
                    ],
                },
                {
                    "slug": "reverse-image-search",
                    "minutes": 12,
                    "th": "ค้นหาภาพย้อนกลับ",
                    "en": "Reverse image search",
                    "body": [
                        p(
                            "ข่าวปลอมจำนวนมากไม่ได้แต่งภาพขึ้นใหม่ แต่นำภาพจริงจากเหตุการณ์อื่นมาใช้ "
                            "เช่น ภาพน้ำท่วมเมื่อหลายปีก่อน หรือภาพอุบัติเหตุในต่างประเทศ "
                            "แล้วเขียนคำบรรยายใหม่ให้ดูเหมือนเกิดขึ้นเมื่อวานในจังหวัดของเรา "
                            "การค้นหาภาพย้อนกลับ (reverse image search) "
                            "ช่วยบอกได้ว่าภาพนี้เคยปรากฏที่ไหนและเมื่อไรมาก่อน",
                            "Much fake news doesn't invent pictures: it reuses real photos "
                            "from other events, such as a flood from years ago or an "
                            "accident abroad, with a new caption saying it happened "
                            "yesterday in our province. A reverse image search shows where "
                            "and when a picture appeared before.",
                        ),
                        h("ทำบนโทรศัพท์ได้ใน 1 นาที", "One minute on a phone"),
                        ol(
                            [
                                "กดค้างที่ภาพในแชตแล้วเลือกบันทึกภาพ",
                                "เปิดแอป Google แล้วแตะไอคอนกล้อง (Google Lens)",
                                "เลือกภาพที่บันทึกไว้ แล้วเลื่อนดูผลลัพธ์ที่ตรงกัน",
                                "ดูวันที่ของผลลัพธ์ที่เก่าที่สุด และอ่านว่าเดิมภาพนั้นเป็นเหตุการณ์อะไร",
                            ],
                            [
                                "Press and hold the picture in the chat and save it",
                                "Open the Google app and tap the camera icon (Google Lens)",
                                "Choose the saved picture and scroll through the matches",
                                "Look at the date of the oldest match and read what the picture originally showed",
                            ],
                        ),
                        p(
                            "ถ้าพบว่าภาพเดียวกันเคยเผยแพร่ตั้งแต่หลายปีก่อน "
                            "หรือเป็นเหตุการณ์ในประเทศอื่น แสดงว่าข่าวนั้นใช้ภาพผิดบริบท "
                            "นอกจากนี้ให้สังเกตรายละเอียดในภาพ เช่น ป้ายภาษาต่างประเทศ "
                            "ทะเบียนรถ ฤดูกาล หรือเสื้อผ้าของคนในภาพว่าตรงกับสถานที่และเวลาที่ข่าวอ้างหรือไม่",
                            "If the same picture was published years ago, or comes from "
                            "another country, the story is using it out of context. Also "
                            "look at details in the picture (signs in a foreign language, "
                            "number plates, the season, people's clothes) and ask whether "
                            "they fit the place and time the story claims.",
                        ),
                        p(
                            "คลิปวิดีโอก็ตรวจได้คล้ายกัน โดยหยุดคลิปในฉากที่ชัดที่สุด "
                            "แคปหน้าจอ แล้วนำภาพนั้นไปค้นหาย้อนกลับ "
                            "ส่วนภาพที่ดูสมจริงเกินไปหรือมีนิ้วมือ ตัวอักษร "
                            "หรือเงาที่ผิดธรรมชาติ อาจเป็นภาพที่สร้างด้วยปัญญาประดิษฐ์ (AI)",
                            "Videos can be checked in a similar way: pause on the clearest "
                            "frame, take a screenshot and search with it. Pictures that "
                            "look too perfect, or have odd fingers, lettering or shadows, "
                            "may have been made with artificial intelligence (AI).",
                        ),
                        callout(
                            "tip",
                            "ฝึกกับเพื่อนอาสาสมัคร",
                            "Practise with fellow volunteers",
                            "ในการประชุมประจำเดือน ให้แต่ละคนนำภาพข่าวที่ได้รับมาหนึ่งภาพ "
                            "แล้วช่วยกันค้นหาย้อนกลับ จะคล่องขึ้นเร็วมาก",
                            "At your monthly meeting, ask everyone to bring one news picture "
                            "they received and search for it together: you'll soon be quick "
                            "at it.",
                        ),
                    ],
                },
            ],
        },
        {
            "slug": "staying-safe",
            "th": {
                "title": "ปลอดภัยจากมิจฉาชีพออนไลน์",
                "intro": "กลโกงที่พบบ่อย การปกป้องบัญชี และสิ่งที่ต้องทำเมื่อถูกหลอก",
            },
            "en": {
                "title": "Staying safe from online fraud",
                "intro": "Common scams, protecting accounts, and what to do after being cheated.",
            },
            "lessons": [
                {
                    "slug": "call-centre-scams",
                    "minutes": 12,
                    "th": "รู้ทันแก๊งคอลเซ็นเตอร์",
                    "en": "Seeing through call-centre scams",
                    "body": [
                        p(
                            "แก๊งคอลเซ็นเตอร์มักโทรมาอ้างเป็นเจ้าหน้าที่ตำรวจ ธนาคาร "
                            "บริษัทขนส่ง หรือหน่วยงานรัฐ แจ้งว่าเรามีพัสดุผิดกฎหมาย "
                            "บัญชีถูกใช้ฟอกเงิน หรือได้รับเงินคืนภาษี "
                            "แล้วกดดันให้รีบโอนเงินไปยัง “บัญชีตรวจสอบ” "
                            "หรือให้ติดตั้งแอปที่ควบคุมโทรศัพท์ของเราได้ "
                            "มิจฉาชีพรู้ชื่อและเลขบัตรประชาชนของเหยื่อได้จากข้อมูลที่รั่วไหล "
                            "จึงทำให้ฟังดูน่าเชื่อถือมาก",
                            "Call-centre gangs phone pretending to be the police, a bank, a "
                            "courier or a government office. They say you have an illegal "
                            "parcel, that your account was used for money laundering, or "
                            "that a tax refund is waiting, then press you to transfer money "
                            "quickly to a “checking account” or to install an app that "
                            "takes control of your phone. They often know the victim's name "
                            "and ID number from leaked data, which makes them sound very "
                            "convincing.",
                        ),
                        h("กฎเหล็ก 3 ข้อ", "Three iron rules"),
                        ul(
                            [
                                "หน่วยงานรัฐและธนาคารไม่ขอให้โอนเงินหรือบอกรหัส OTP ทางโทรศัพท์",
                                "อย่ากดลิงก์หรือติดตั้งแอปจากข้อความ SMS หรือไลน์ที่ไม่รู้จัก",
                                "วางสายแล้วโทรกลับเบอร์ทางการของหน่วยงานด้วยตนเอง",
                            ],
                            [
                                "Government offices and banks never ask for a transfer or an OTP by phone",
                                "Don't tap links or install apps from unknown SMS or LINE messages",
                                "Hang up and call the agency's official number yourself",
                            ],
                        ),
                        p(
                            "กลโกงที่พบบ่อยอีกแบบคือการหลอกให้ลงทุนหรือทำงานออนไลน์ "
                            "เช่น ให้กดไลก์หรือรีวิวสินค้าแล้วได้ค่าตอบแทน "
                            "ช่วงแรกจะได้เงินจริงเล็กน้อยเพื่อให้เชื่อใจ "
                            "จากนั้นจะขอให้โอนเงินก้อนใหญ่ขึ้นเพื่อ “ปลดล็อกรายได้” "
                            "และไม่ได้เงินคืนอีกเลย งานใดที่ต้องจ่ายเงินก่อนจึงจะได้เงิน คือสัญญาณอันตราย",
                            "Another common trick is fake investment or online jobs, such as "
                            "being paid to like or review products. At first you really "
                            "receive a little money, to win your trust; then you are asked to "
                            "transfer larger sums to “unlock your earnings”, and the money "
                            "never comes back. Any job where you must pay before you are "
                            "paid is a danger sign.",
                        ),
                        p(
                            "ผู้สูงอายุในชุมชนมักเป็นเป้าหมาย อาสาสมัครช่วยได้โดยเล่าตัวอย่างกลโกงจริงในการประชุมหมู่บ้าน "
                            "ติดตั้งแอปช่วยคัดกรองเบอร์โทรให้ และตกลงกับครอบครัวว่า "
                            "ก่อนโอนเงินก้อนใหญ่ทุกครั้งให้โทรปรึกษาลูกหลานก่อน",
                            "Older people are often targeted. Volunteers can help by telling "
                            "real scam stories at village meetings, installing a call-screening "
                            "app, and agreeing with families that before any large transfer "
                            "the person will first phone a son, daughter or grandchild.",
                        ),
                        callout(
                            "warning",
                            "ถ้าโอนเงินไปแล้ว",
                            "If money has already been sent",
                            "โทรแจ้งธนาคารของตนให้ระงับบัญชีทันที แล้วโทรสายด่วน 1441 "
                            "หรือแจ้งความออนไลน์ที่ thaipoliceonline.go.th ยิ่งแจ้งเร็ว "
                            "ยิ่งมีโอกาสอายัดเงินไว้ได้",
                            "Call your bank at once to freeze the account, then call the 1441 "
                            "hotline or report online at thaipoliceonline.go.th. The sooner "
                            "you report, the better the chance the money can be frozen.",
                        ),
                    ],
                },
                {
                    "slug": "passwords-2fa",
                    "minutes": 12,
                    "th": "รหัสผ่านและการยืนยันตัวตนสองขั้นตอน",
                    "en": "Passwords and two-step verification",
                    "body": [
                        p(
                            "บัญชีไลน์ เฟซบุ๊ก และอีเมล เป็นประตูสู่ข้อมูลส่วนตัวและเงินของเรา "
                            "ถ้ามิจฉาชีพเข้าบัญชีได้ เขาจะส่งข้อความยืมเงินไปหาเพื่อนของเรา "
                            "หรือใช้บัญชีนั้นหลอกคนอื่นต่อ การตั้งรหัสผ่านที่ดีและเปิดการยืนยันตัวตนสองขั้นตอน "
                            "จึงเป็นสิ่งแรกที่อาสาสมัครควรช่วยคนในชุมชนทำ",
                            "LINE, Facebook and e-mail accounts are the door to our personal "
                            "data and our money. A fraudster who gets in will message our "
                            "friends asking to borrow money, or use the account to cheat "
                            "others. Good passwords and two-step verification are therefore "
                            "the first things a volunteer should help people set up.",
                        ),
                        h("รหัสผ่านที่ดี", "A good password"),
                        ul(
                            [
                                "ยาวอย่างน้อย 12 ตัวอักษร เช่น วลีสามสี่คำที่จำได้ง่ายแต่คนอื่นเดายาก",
                                "ไม่ใช้วันเกิด เบอร์โทรศัพท์ หรือ 123456",
                                "ไม่ใช้รหัสเดียวกันหลายบัญชี ถ้าเว็บหนึ่งรั่ว บัญชีอื่นจะไม่เสียหาย",
                                "ใช้แอปจัดการรหัสผ่านที่มากับโทรศัพท์ช่วยจำ",
                            ],
                            [
                                "At least 12 characters long, such as three or four words that are easy to remember and hard to guess",
                                "No birthdays, phone numbers or 123456",
                                "A different password for every account, so one leak doesn't open the others",
                                "Let the phone's built-in password manager remember them",
                            ],
                        ),
                        h("การยืนยันตัวตนสองขั้นตอน (2FA)", "Two-step verification (2FA)"),
                        p(
                            "การยืนยันตัวตนสองขั้นตอนคือการขอสิ่งที่สองนอกจากรหัสผ่าน "
                            "เช่น รหัส OTP ทาง SMS หรือรหัสจากแอปยืนยันตัวตน "
                            "แม้รหัสผ่านจะรั่วไหล คนอื่นก็เข้าบัญชีไม่ได้เพราะไม่มีโทรศัพท์ของเรา "
                            "เปิดได้ในเมนูการตั้งค่าความปลอดภัยของแต่ละแอป เช่น ในเฟซบุ๊กเลือก "
                            "ศูนย์บัญชี แล้วเลือกรหัสผ่านและความปลอดภัย",
                            "Two-step verification asks for a second thing besides the "
                            "password, such as an OTP code by SMS or a code from an "
                            "authenticator app. Even if the password leaks, nobody else can "
                            "get in without our phone. Turn it on in each app's security "
                            "settings; in Facebook, for example, open Accounts Centre, then "
                            "Password and security.",
                        ),
                        p(
                            "ระหว่างช่วยตั้งค่า ให้เจ้าของเครื่องเป็นคนกรอกรหัสผ่านเองเสมอ "
                            "และแนะนำให้จดรหัสสำรอง (backup codes) เก็บไว้ในที่ปลอดภัย "
                            "เผื่อวันที่โทรศัพท์หายหรือเปลี่ยนเครื่อง",
                            "While helping, always let the owner type the password "
                            "themselves, and suggest they write down the backup codes and "
                            "keep them somewhere safe, for the day the phone is lost or "
                            "replaced.",
                        ),
                        callout(
                            "warning",
                            "ห้ามขอรหัส OTP",
                            "Never ask for an OTP",
                            "อาสาสมัครดิจิทัลไม่ขอรหัสผ่านหรือรหัส OTP จากผู้ที่มาขอความช่วยเหลือ "
                            "และสอนให้ทุกคนรู้ว่า ใครก็ตามที่ขอรหัส OTP คือมิจฉาชีพ",
                            "Digital volunteers never ask anyone for a password or OTP, and "
                            "teach everyone that whoever asks for an OTP is a fraudster.",
                        ),
                    ],
                },
            ],
        },
    ],
}
