"""Pictures for the demo, drawn with Pillow when the demo loads.

Course covers (one motif per topic), an illustration in the first lesson of
each course, and the certificate template's emblem and signatures. They are
drawn here rather than shipped as files: nothing to license (they are this
project's own, under its licence), nothing binary in the repository, the same
pictures on every machine. Thai text is shaped by Pillow's Raqm layout with
Sarabun from ``fontpkg-sarabun`` (the certificates' font).
"""

import io
import math
from pathlib import Path

import fontpkg_sarabun
from django.core.files.images import ImageFile
from PIL import Image as Pil
from PIL import ImageDraw, ImageFilter, ImageFont
from wagtail.images.models import Image

FONTS = Path(fontpkg_sarabun.__file__).parent / "files"
NAVY, GOLD, WHITE = (11, 61, 120), (242, 169, 0), (255, 255, 255)
# Two gradient stops and an ink colour per topic (the catalogue's palette).
PALETTE = {
    "ecommerce": ((255, 216, 168), (255, 146, 43), (124, 45, 18)),
    "eagriculture": ((178, 242, 187), (47, 158, 68), (20, 83, 45)),
    "coding": ((208, 191, 255), (112, 72, 232), (48, 25, 120)),
    "mooc": ((165, 216, 255), (28, 126, 214), (11, 61, 120)),
    "digital_literacy": ((255, 201, 201), (240, 62, 62), (125, 20, 20)),
}
# Alt text (the image's title) per topic, Thai then English.
COVER_TITLES = {
    "ecommerce": "ภาพปก: โทรศัพท์ร้านค้าออนไลน์กับถุงช้อปปิ้ง",
    "eagriculture": "ภาพปก: แปลงนากับโทรศัพท์ที่วัดความชื้นดิน",
    "coding": "ภาพปก: หน้าจอโค้ดกับบล็อกคำสั่ง",
    "mooc": "ภาพปก: แล็ปท็อปเปิดวิดีโอบทเรียนกับหมวกบัณฑิต",
    "digital_literacy": "ภาพปก: โล่ความปลอดภัยกับข้อความที่ตรวจแล้ว",
}
LESSON_CAPTIONS = {
    "ecommerce": (
        "สามขั้นของร้านค้าออนไลน์: ถ่ายภาพ ตั้งราคา ส่งของ",
        "Three steps of an online shop: photograph, price, ship",
    ),
    "eagriculture": (
        "ข้อมูลจากแปลงเกษตรช่วยตัดสินใจรดน้ำ",
        "Data from the field helps decide when to water",
    ),
    "coding": (
        "คำสั่งทำงานทีละขั้นตามลำดับ",
        "Instructions run one step at a time, in order",
    ),
    "mooc": (
        "เรียนทีละบท ทำแบบฝึกหัด แล้วรับเกียรติบัตร",
        "Study a unit, practise, then earn the certificate",
    ),
    "digital_literacy": ("หยุด ตรวจสอบ แล้วจึงแชร์", "Stop, check, then share"),
}
ATTRIBUTION = ("ภาพประกอบสร้างสำหรับระบบสาธิต", "Illustration drawn for the demo")


def _font(size: int, bold: bool = True) -> ImageFont.FreeTypeFont:
    name = "Sarabun-Bold.ttf" if bold else "Sarabun-Regular.ttf"
    return ImageFont.truetype(
        str(FONTS / name), size, layout_engine=ImageFont.Layout.RAQM
    )


def _gradient(size: tuple[int, int], top, bottom) -> Pil.Image:
    width, height = size
    column = Pil.new("RGB", (1, height))
    for y in range(height):
        t = y / max(1, height - 1)
        column.putpixel(
            (0, y),
            tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)),
        )
    canvas = column.resize((width, height))
    # Soft light circles, as in the site's hero.
    glow = Pil.new("L", size, 0)
    draw = ImageDraw.Draw(glow)
    for cx, cy, r in ((0.15, 0.2, 0.35), (0.9, 0.85, 0.45), (0.75, 0.1, 0.2)):
        draw.ellipse(
            [(cx - r) * width, (cy - r) * width, (cx + r) * width, (cy + r) * width],
            fill=70,
        )
    glow = glow.filter(ImageFilter.GaussianBlur(width // 20))
    return Pil.composite(Pil.new("RGB", size, WHITE), canvas, glow)


def _phone(draw, box, ink) -> tuple[int, int, int, int]:
    """A phone outline; returns its screen's box."""
    x0, y0, x1, y1 = box
    draw.rounded_rectangle(box, radius=(x1 - x0) // 7, fill=ink)
    pad = (x1 - x0) // 14
    screen = (x0 + pad, y0 + pad * 2, x1 - pad, y1 - pad * 2)
    draw.rounded_rectangle(screen, radius=pad, fill=WHITE)
    return screen


def _motif(draw, topic: str, box, ink, accent) -> None:
    """The topic's symbol inside ``box`` (a phone's screen or a panel)."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    cx, cy = x0 + w / 2, y0 + h / 2
    if topic == "ecommerce":
        draw.rounded_rectangle(
            [cx - w * 0.3, cy - h * 0.1, cx + w * 0.3, cy + h * 0.3],
            radius=12,
            fill=accent,
        )
        draw.arc(
            [cx - w * 0.15, cy - h * 0.28, cx + w * 0.15, cy + h * 0.05],
            180,
            360,
            fill=ink,
            width=10,
        )
        draw.text(
            (cx, cy + h * 0.1), "฿", font=_font(int(h * 0.22)), fill=WHITE, anchor="mm"
        )
    elif topic == "eagriculture":
        for i in range(4):
            y = cy + h * (0.05 + i * 0.09)
            draw.line(
                [x0 + w * 0.1, y, x1 - w * 0.1, y - h * 0.05], fill=accent, width=9
            )
        draw.ellipse(
            [cx + w * 0.02, y0 + h * 0.1, cx + w * 0.3, y0 + h * 0.1 + w * 0.28],
            fill=GOLD,
        )
        draw.rounded_rectangle(
            [x0 + w * 0.1, y0 + h * 0.12, x0 + w * 0.36, y0 + h * 0.32],
            radius=8,
            outline=ink,
            width=5,
        )
        draw.text(
            (x0 + w * 0.23, y0 + h * 0.22),
            "62%",
            font=_font(int(h * 0.07)),
            fill=ink,
            anchor="mm",
        )
    elif topic == "coding":
        draw.text(
            (cx, cy - h * 0.12), "</>", font=_font(int(h * 0.2)), fill=ink, anchor="mm"
        )
        for i, width in enumerate((0.6, 0.45, 0.52)):
            y = cy + h * (0.06 + i * 0.1)
            draw.rounded_rectangle(
                [x0 + w * 0.15, y, x0 + w * (0.15 + width), y + h * 0.06],
                radius=6,
                fill=accent if i != 1 else GOLD,
            )
    elif topic == "mooc":
        draw.rounded_rectangle(
            [x0 + w * 0.12, cy - h * 0.22, x1 - w * 0.12, cy + h * 0.12],
            radius=10,
            fill=ink,
        )
        draw.polygon(
            [
                (cx - w * 0.07, cy - h * 0.14),
                (cx - w * 0.07, cy + h * 0.04),
                (cx + w * 0.1, cy - h * 0.05),
            ],
            fill=WHITE,
        )
        draw.polygon(
            [
                (cx, cy + h * 0.17),
                (cx + w * 0.3, cy + h * 0.25),
                (cx, cy + h * 0.33),
                (cx - w * 0.3, cy + h * 0.25),
            ],
            fill=accent,
        )
        draw.line(
            [cx + w * 0.24, cy + h * 0.27, cx + w * 0.24, cy + h * 0.38],
            fill=GOLD,
            width=6,
        )
    else:  # digital literacy: a shield with a tick, a checked message
        shield = [
            (cx, cy - h * 0.3),
            (cx + w * 0.28, cy - h * 0.2),
            (cx + w * 0.22, cy + h * 0.12),
            (cx, cy + h * 0.28),
            (cx - w * 0.22, cy + h * 0.12),
            (cx - w * 0.28, cy - h * 0.2),
        ]
        draw.polygon(shield, fill=accent)
        draw.line(
            [
                (cx - w * 0.12, cy - h * 0.02),
                (cx - w * 0.02, cy + h * 0.08),
                (cx + w * 0.14, cy - h * 0.12),
            ],
            fill=WHITE,
            width=12,
            joint="curve",
        )
        draw.rounded_rectangle(
            [x0 + w * 0.12, cy + h * 0.3, x1 - w * 0.12, cy + h * 0.42],
            radius=10,
            fill=GOLD,
        )


def cover_picture(topic: str) -> Pil.Image:
    top, bottom, ink = PALETTE.get(topic, PALETTE["mooc"])
    canvas = _gradient((1200, 675), top, bottom)
    draw = ImageDraw.Draw(canvas)
    screen = _phone(draw, (470, 70, 730, 610), ink)
    _motif(draw, topic, screen, ink, bottom)
    # A few dots of the programme's colours around the phone.
    for x, y, r, colour in (
        (300, 200, 26, GOLD),
        (900, 480, 34, WHITE),
        (860, 170, 18, ink),
        (250, 520, 14, WHITE),
    ):
        draw.ellipse([x - r, y - r, x + r, y + r], fill=colour)
    return canvas


def lesson_picture(topic: str) -> Pil.Image:
    """Three numbered panels: a step-by-step idea the first lesson teaches."""
    top, bottom, ink = PALETTE.get(topic, PALETTE["mooc"])
    canvas = _gradient((1200, 560), WHITE, top)
    draw = ImageDraw.Draw(canvas)
    for i in range(3):
        x0 = 60 + i * 380
        box = (x0, 80, x0 + 320, 480)
        draw.rounded_rectangle(box, radius=28, fill=WHITE, outline=ink, width=4)
        draw.ellipse([x0 + 20, 100, x0 + 84, 164], fill=bottom)
        draw.text((x0 + 52, 132), str(i + 1), font=_font(40), fill=WHITE, anchor="mm")
        _motif(
            draw, topic, (x0 + 30, 170, x0 + 290, 460), ink, bottom if i != 1 else GOLD
        )
        if i < 2:
            draw.polygon([(x0 + 334, 260), (x0 + 366, 280), (x0 + 334, 300)], fill=ink)
    return canvas


def emblem_picture() -> Pil.Image:
    """A round seal: gold ring, navy field, a star and the programme's initials."""
    size = 600
    canvas = Pil.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(canvas)
    draw.ellipse([10, 10, size - 10, size - 10], fill=GOLD)
    draw.ellipse([40, 40, size - 40, size - 40], fill=NAVY)
    draw.ellipse([70, 70, size - 70, size - 70], outline=GOLD, width=6)
    for k in range(36):  # a beaded inner border
        a = 2 * math.pi * k / 36
        x, y = size / 2 + 248 * math.cos(a), size / 2 + 248 * math.sin(a)
        draw.ellipse([x - 5, y - 5, x + 5, y + 5], fill=GOLD)
    star = []
    for k in range(10):
        a = -math.pi / 2 + k * math.pi / 5
        r = 90 if k % 2 == 0 else 38
        star.append((size / 2 + r * math.cos(a), 205 + r * math.sin(a)))
    draw.polygon(star, fill=GOLD)
    draw.text((size / 2, 360), "อสด.", font=_font(120), fill=WHITE, anchor="mm")
    draw.text(
        (size / 2, 438), "DIGITAL VOLUNTEER", font=_font(28), fill=GOLD, anchor="mm"
    )
    return canvas


def signature_picture(seed: int) -> Pil.Image:
    """A pen signature: a looping stroke and an underline, in dark blue ink."""
    width, height = 700, 240
    canvas = Pil.new("RGBA", (width * 2, height * 2), (0, 0, 0, 0))
    draw = ImageDraw.Draw(canvas)
    ink = (18, 38, 96, 255)
    points = []
    loops = 5 + seed % 3
    for i in range(400):
        t = i / 399
        x = 80 + t * (width * 2 - 260)
        y = (
            height
            + math.sin(t * math.pi * loops + seed) * (110 - 60 * t)
            + math.sin(t * 31 + seed) * 22
        )
        x += math.cos(t * math.pi * loops * 2 + seed) * 40
        points.append((x, y))
    draw.line(points, fill=ink, width=9, joint="curve")
    draw.line([(160, height + 150), (width * 2 - 120, height + 110)], fill=ink, width=7)
    draw.ellipse([width * 2 - 150, height - 40, width * 2 - 126, height - 16], fill=ink)
    return canvas.resize((width, height), Pil.LANCZOS)


def stored_image(title: str, picture: Pil.Image, filename: str) -> Image:
    """The Wagtail image called ``title``, made from ``picture`` the first time."""
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    buffer = io.BytesIO()
    if picture.mode == "RGBA":
        picture.save(buffer, "PNG", optimize=True)
    else:
        picture.save(buffer, "JPEG", quality=85, optimize=True)
        filename = filename.rsplit(".", 1)[0] + ".jpg"
    buffer.seek(0)
    return Image.objects.create(title=title, file=ImageFile(buffer, name=filename))
