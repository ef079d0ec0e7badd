"""Draws the app icons (home screen, manifest, favicon) with Pillow.

    .venv/bin/python scripts/make_icons.py

Writes static/icons/: icon-192.png and icon-512.png (the sizes Android asks
for), maskable-512.png (the mark inside the 80 % safe zone, for round and
squircle masks), apple-touch-icon.png (180) and favicon-32.png. The output
is committed; run this again only to change the design: the brand's blue
square with "อสด" in Sarabun Bold, as in the site header.
"""

from pathlib import Path

import fontpkg_sarabun
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "static" / "icons"
FONT = Path(fontpkg_sarabun.__file__).resolve().parent / "files" / "Sarabun-Bold.ttf"
BRAND = (11, 92, 173)  # --brand in static/css/site.css, the manifest's theme colour
ACCENT = (242, 169, 0)  # --accent
TEXT = "อสด"


def draw(size: int, *, safe: float, rounded: bool) -> Image.Image:
    """The mark on the brand colour; ``safe`` is the share of the side the
    text may use (maskable icons keep it inside the central 80 % circle)."""
    scale = 4  # drawn large, then reduced: smooth edges
    side = size * scale
    image = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    radius = side // 5 if rounded else 0
    pen.rounded_rectangle((0, 0, side - 1, side - 1), radius=radius, fill=BRAND)
    box = int(side * safe)
    font_size = box
    font = ImageFont.truetype(str(FONT), font_size)
    while pen.textlength(TEXT, font=font) > box * 0.9:
        font_size -= max(1, side // 100)
        font = ImageFont.truetype(str(FONT), font_size)
    left, top, right, bottom = pen.textbbox((0, 0), TEXT, font=font)
    x = (side - (right - left)) / 2 - left
    y = (side - (bottom - top)) / 2 - top - side * 0.04
    pen.text((x, y), TEXT, font=font, fill=(255, 255, 255))
    bar_w, bar_h = box * 0.5, max(scale, side * 0.035)
    bar_y = side / 2 + (bottom - top) / 2 + side * 0.02
    pen.rounded_rectangle(
        ((side - bar_w) / 2, bar_y, (side + bar_w) / 2, bar_y + bar_h),
        radius=bar_h / 2,
        fill=ACCENT,
    )
    return image.resize((size, size), Image.LANCZOS)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    icons = {
        "icon-192.png": draw(192, safe=0.78, rounded=True),
        "icon-512.png": draw(512, safe=0.78, rounded=True),
        # Full bleed, the mark within the safe zone (a circle of 80 % of the side).
        "maskable-512.png": draw(512, safe=0.56, rounded=False),
        "apple-touch-icon.png": draw(180, safe=0.7, rounded=False),
        "favicon-32.png": draw(32, safe=0.9, rounded=True),
    }
    for name, image in icons.items():
        image.save(OUT / name, optimize=True)
        print(f"{OUT / name} {image.size[0]}x{image.size[1]}")  # noqa: T201


if __name__ == "__main__":
    main()
