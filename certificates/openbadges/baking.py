"""The badge image of an award, and the same image with a credential baked in.

Baking follows Open Badges 3.0 §5.3: a PNG carries the VC-JWT in an ``iTXt``
chunk with the keyword ``openbadgecredential``; an SVG in an
``<openbadges:credential verify="…">`` element. Wallets and the 1EdTech
validator read the credential back out of the image.
"""

import io
from functools import lru_cache

from django.utils.html import escape
from openbadgeslib import baking
from PIL import Image, ImageDraw

from ..models import Award

SIZE = 512


def _colour(value: str, default: str) -> str:
    value = (value or "").strip()
    if len(value) == 7 and value.startswith("#"):
        try:
            int(value[1:], 16)
            return value
        except ValueError:
            pass
    return default


def colours(award: Award) -> tuple[str, str]:
    template = award.template
    return (
        _colour(template.primary_colour, "#0b3d91"),
        _colour(template.accent_colour, "#c8a24a"),
    )


def badge_svg(*, award: Award, title: str) -> bytes:
    """An SVG badge: a ring in the template's colours, a tick and the award's name."""
    primary, accent = colours(award)
    label = escape(title[:60])
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" '
        'viewBox="0 0 512 512" role="img">'
        f"<title>{label}</title>"
        f'<circle cx="256" cy="256" r="240" fill="{accent}"/>'
        f'<circle cx="256" cy="256" r="210" fill="{primary}"/>'
        '<path d="M170 250 l60 60 l115 -130" fill="none" stroke="#ffffff" '
        'stroke-width="36" stroke-linecap="round" stroke-linejoin="round"/>'
        f'<text x="256" y="410" text-anchor="middle" font-family="Sarabun, sans-serif" '
        f'font-size="30" fill="#ffffff">{label}</text>'
        "</svg>"
    ).encode()


@lru_cache(maxsize=64)
def _png(primary: str, accent: str) -> bytes:
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((16, 16, SIZE - 16, SIZE - 16), fill=accent)
    draw.ellipse((46, 46, SIZE - 46, SIZE - 46), fill=primary)
    draw.line(
        [(170, 262), (230, 322), (345, 192)], fill="#ffffff", width=36, joint="curve"
    )
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def badge_png(*, award: Award) -> bytes:
    """A PNG badge in the template's colours (no text: it is the same in any language)."""
    return _png(*colours(award))


def bake_png(image: bytes, token: str) -> bytes:
    return baking.bake_png(image, token, keyword=baking.ITXT_KEYWORD_OB3)


def bake_svg(image: bytes, token: str) -> bytes:
    return baking.bake_svg(
        image, token, element=baking.SVG_ELEMENT_OB3, namespace=baking.SVG_NS_OB3
    )
