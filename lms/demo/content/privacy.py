"""The first version of the privacy notice the demo (and a new site) starts with.

Administrators replace it under *Personal data → Privacy notice*; it is a
starting text for the programme's data protection officer, not legal advice.
"""

TITLE_TH = "ประกาศความเป็นส่วนตัวของระบบเรียนรู้อาสาสมัครดิจิทัล"
TITLE_EN = "Privacy notice of the digital-volunteer learning site"

BODY_TH = """\
ผู้ควบคุมข้อมูลส่วนบุคคล: โครงการอาสาสมัครดิจิทัล (อสด.) ผู้ดำเนินระบบเรียนรู้นี้

ข้อมูลที่เราเก็บ: ชื่อ-นามสกุล เบอร์โทรศัพท์ อีเมล จังหวัด อำเภอ ตำบล หมู่บ้าน หน่วยงาน การลงทะเบียนเรียน ความก้าวหน้า คำตอบแบบทดสอบ หลักฐานสมรรถนะ ระดับอาสาสมัคร เกียรติบัตร ความยินยอม และประวัติการเข้าสู่ระบบ

วัตถุประสงค์และฐานทางกฎหมาย: เพื่อจัดการอบรมและออกเกียรติบัตรตามที่ท่านสมัคร (ฐานสัญญา มาตรา 24(3)) เพื่อรายงานผลโครงการเป็นภาพรวมรายพื้นที่ (ฐานภารกิจเพื่อประโยชน์สาธารณะ มาตรา 24(4)) และเพื่อความปลอดภัยของบัญชี (ฐานประโยชน์โดยชอบด้วยกฎหมาย มาตรา 24(5)) การส่งข่าวหลักสูตรใหม่ทำเมื่อท่านให้ความยินยอมเท่านั้น และถอนความยินยอมได้ทุกเมื่อในหน้าข้อมูลของฉัน

ผู้รับข้อมูล: วิทยากรของจังหวัดที่ท่านสังกัดเห็นชื่อ เบอร์โทรศัพท์ และอีเมลของท่าน ผู้ดูแลระบบของโครงการ และผู้ที่ท่านให้รหัสเกียรติบัตรเพื่อตรวจสอบ เราไม่ขายหรือส่งข้อมูลของท่านให้ผู้อื่น

ระยะเวลาการเก็บ: ตลอดเวลาที่ท่านใช้บัญชี หากไม่เข้าสู่ระบบนานเกินกำหนด เราจะแจ้งท่านก่อน แล้วจึงทำให้ข้อมูลไม่สามารถระบุตัวตนได้ ประวัติการเข้าสู่ระบบถูกลบตามกำหนดเวลา

สิทธิของท่าน: ขอดาวน์โหลดสำเนาข้อมูลทั้งหมด แก้ไขข้อมูลให้ถูกต้อง ถอนความยินยอม และขอลบบัญชี ได้ที่หน้าข้อมูลของฉัน หากเราปฏิเสธคำขอ เราจะแจ้งเหตุผลทางกฎหมาย และท่านมีสิทธิร้องเรียนต่อสำนักงานคณะกรรมการคุ้มครองข้อมูลส่วนบุคคล
"""

BODY_EN = """\
Controller: the digital-volunteer programme, which runs this learning site.

What we keep: your name, phone number, e-mail address, province, district, sub-district, village and organisation; your enrolments, progress, quiz answers, competency evidence, volunteer level, certificates, consents and sign-in history.

Why, and on what legal basis: to train you and certify what you learn, as you asked when signing up (contract, PDPA s. 24(3)); to report the programme's results as totals by region (public task, s. 24(4)); and to keep accounts safe (legitimate interest, s. 24(5)). We send news of new courses only with your consent, which you can withdraw at any time on your profile page.

Who receives it: the trainers of your province see your name, phone and e-mail; the programme's administrators; and anyone you give a certificate code to. We do not sell or pass on your data.

How long: while you use your account. After a long time without signing in we tell you first, then anonymise the account. Sign-in records are deleted on a schedule.

Your rights: download a copy of everything, correct your details, withdraw consent and ask for your account to be deleted, all on your profile page. If we refuse a request we tell you the legal reason, and you may complain to the Personal Data Protection Committee.
"""
