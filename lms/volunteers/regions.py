"""Province → district → sub-district by official code or Thai/English name, for the import."""

import geothai
from django.utils.translation import gettext as _

from .files import cell_text

_PREFIXES = ("จังหวัด", "อำเภอ", "เขต", "ตำบล", "แขวง", "กิ่งอำเภอ")


def _key(name: str) -> str:
    name = " ".join(str(name).split()).casefold()
    for prefix in _PREFIXES:
        if name.startswith(prefix) and len(name) > len(prefix):
            return name[len(prefix) :].strip()
    return name


class RegionIndex:
    """Province → district → sub-district lookups by official code or Thai/English name."""

    def __init__(self):
        self.provinces = {}
        for p in geothai.provinces():
            for k in (p.code, _key(p.name_th), _key(p.name_en)):
                self.provinces[k] = p.code
        self._districts: dict[str, dict[str, str]] = {}
        self._subdistricts: dict[str, dict[str, str]] = {}

    @staticmethod
    def _children(cache, parent, items):
        if parent not in cache:
            table = {}
            for item in items(parent):
                for k in (item.code, _key(item.name_th), _key(item.name_en)):
                    table[k] = item.code
            cache[parent] = table
        return cache[parent]

    def province(self, value: str) -> str | None:
        return self.provinces.get(_key(value))

    def district(self, province: str, value: str) -> str | None:
        return self._children(self._districts, province, geothai.districts).get(
            _key(value)
        )

    def subdistrict(self, district: str, value: str) -> str | None:
        return self._children(self._subdistricts, district, geothai.subdistricts).get(
            _key(value)
        )


_REGIONS: RegionIndex | None = None


def regions() -> RegionIndex:
    global _REGIONS
    if _REGIONS is None:
        _REGIONS = RegionIndex()
    return _REGIONS


def region_label(profile: dict) -> str:
    """“sub-district, district, province” in Thai, from a profile's codes."""
    return " · ".join(
        area.name_th
        for area in (
            geothai.subdistrict(profile["subdistrict_code"]),
            geothai.district(profile["district_code"]),
            geothai.province(profile["province_code"]),
        )
        if area is not None
    )


def region_profile(index: RegionIndex, row, *, new: bool, error) -> dict:
    """The profile fields (region codes, village) a row gives; problems go to ``error(column, message)``."""
    province_raw = cell_text(row.get("province"))
    district_raw = cell_text(row.get("district"))
    subdistrict_raw = cell_text(row.get("subdistrict"))
    village = cell_text(row.get("village"))
    profile = {}
    if village:
        profile["village"] = village[:200]
    given = [province_raw, district_raw, subdistrict_raw]
    if not any(given) and not new:
        return profile  # an update that keeps the region
    for column, value in zip(
        ("province", "district", "subdistrict"), given, strict=True
    ):
        if not value:
            error(column, _("This field is required."))
    if not all(given):
        return profile
    province = index.province(province_raw)
    if province is None:
        error("province", _("Unknown province “%(value)s”.") % {"value": province_raw})
        return profile
    district = index.district(province, district_raw)
    if district is None:
        error(
            "district",
            _("“%(value)s” is not a district of %(province)s.")
            % {
                "value": district_raw,
                "province": geothai.province(province).name_th,
            },
        )
        return profile
    subdistrict = index.subdistrict(district, subdistrict_raw)
    if subdistrict is None:
        error(
            "subdistrict",
            _("“%(value)s” is not a sub-district of %(district)s.")
            % {
                "value": subdistrict_raw,
                "district": geothai.district(district).name_th,
            },
        )
        return profile
    profile.update(
        province_code=province, district_code=district, subdistrict_code=subdistrict
    )
    return profile
