"""Thailand's provinces, districts and sub-districts, from official DOPA codes.

A thin, cached layer over the ``geothai`` package so the rest of the code never
types a region by hand. Codes are strings: province "10", district "1001",
sub-district "100101". Names follow the active language.
"""

from functools import lru_cache

import geothai
from django.utils.translation import get_language


def _name(area) -> str:
    return area.name_en if (get_language() or "th").startswith("en") else area.name_th


@lru_cache(maxsize=1)
def _provinces():
    return tuple(geothai.provinces())


@lru_cache(maxsize=128)
def _districts(province_code: str):
    return tuple(geothai.districts(province_code))


@lru_cache(maxsize=1024)
def _subdistricts(district_code: str):
    return tuple(geothai.subdistricts(district_code))


def province_choices() -> list[tuple[str, str]]:
    """Provinces sorted by name in the active language (Thai collation-safe)."""
    return sorted(
        ((p.code, _name(p)) for p in _provinces()), key=lambda c: thai_sort_key(c[1])
    )


def district_choices(province_code: str) -> list[tuple[str, str]]:
    return sorted(
        ((d.code, _name(d)) for d in _districts(province_code or "")),
        key=lambda c: thai_sort_key(c[1]),
    )


def subdistrict_choices(district_code: str) -> list[tuple[str, str]]:
    return sorted(
        ((s.code, _name(s)) for s in _subdistricts(district_code or "")),
        key=lambda c: thai_sort_key(c[1]),
    )


def province_name(code: str) -> str:
    area = geothai.province(code) if code else None
    return _name(area) if area else ""


def district_name(code: str) -> str:
    area = geothai.district(code) if code else None
    return _name(area) if area else ""


def subdistrict_name(code: str) -> str:
    area = geothai.subdistrict(code) if code else None
    return _name(area) if area else ""


def is_valid_region(province: str, district: str = "", subdistrict: str = "") -> bool:
    """True when each given code exists and sits inside the one above it."""
    if not province or geothai.province(province) is None:
        return False
    if district and (
        not district.startswith(province) or geothai.district(district) is None
    ):
        return False
    if subdistrict and (
        not district
        or not subdistrict.startswith(district)
        or geothai.subdistrict(subdistrict) is None
    ):
        return False
    return True


# Thai leading vowels (เ แ โ ใ ไ) are written before the consonant they follow
# in speech; dictionaries sort by the consonant. Swapping them gives the
# order a Thai reader expects without needing ICU.
_LEADING_VOWELS = "เแโใไ"


def thai_sort_key(text: str) -> str:
    chars = list(text)
    out = []
    i = 0
    while i < len(chars):
        if chars[i] in _LEADING_VOWELS and i + 1 < len(chars):
            out.extend([chars[i + 1], chars[i]])
            i += 2
        else:
            out.append(chars[i])
            i += 1
    return "".join(out).casefold()
