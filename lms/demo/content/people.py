"""Demo people: one per role and a superuser, with readable demo passwords.

Regions are official DOPA codes (geothai): 50 Chiang Mai, 5013 San Kamphaeng,
501301 San Kamphaeng sub-district; 10 Bangkok, 1001 Phra Nakhon, 100101 Phra
Borom Maha Ratchawang.
"""

SUPERUSER = "Superuser"

PEOPLE = [
    {
        "username": "volunteer",
        "password": "demo-volunteer-2026",
        "role": "Volunteer",
        "first_name": "สมศรี",
        "last_name": "ใจงาม",
        "phone": "0810000001",
        "email": "volunteer@example.org",
        "region": ("50", "5013", "501301"),
        "village": "บ้านสันกำแพง หมู่ 4",
        "organisation": "ศูนย์ดิจิทัลชุมชนตำบลสันกำแพง",
    },
    {
        "username": "trainer",
        "password": "demo-trainer-2026",
        "role": "Trainer",
        "first_name": "ประเสริฐ",
        "last_name": "สอนดี",
        "phone": "0810000002",
        "email": "trainer@example.org",
        "region": ("50", "5001", "500101"),
        "organisation": "สำนักงานดิจิทัลจังหวัดเชียงใหม่",
        # The volunteer's province, so the marking queue works out of the box.
        "serves": ("50",),
    },
    {
        "username": "administrator",
        "password": "demo-administrator-2026",
        "role": "Administrator",
        "first_name": "วิภา",
        "last_name": "บริหารดี",
        "phone": "0810000003",
        "email": "administrator@example.org",
        "region": ("10", "1001", "100101"),
        "organisation": "กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม",
    },
    {
        "username": "admin",
        "password": "demo-admin-2026",
        "role": SUPERUSER,
        "first_name": "ผู้ดูแล",
        "last_name": "ระบบ",
        "phone": "",
        "email": "admin@example.org",
    },
]
