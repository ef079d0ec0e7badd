"""Clean volunteer files over real provinces, districts and sub-districts.

Used by the tests (2,000 rows) and by ``bench/import_volunteers.py`` (12,000).
Regions are written the ways offices write them: official codes, Thai names,
and names with their prefix (อำเภอ…, ตำบล…).
"""

import csv
import io
import random

import geothai

from lms.volunteers.files import COLUMNS

FIRST = ["สมชาย", "สมศรี", "วิไล", "ประเสริฐ", "มานี", "ชูใจ", "อนันต์", "กนกพร", "ธีระ", "สุดา"]
LAST = ["ใจดี", "มีสุข", "รักไทย", "ทองดี", "ศรีสวัสดิ์", "บุญมา", "แก้วกล้า", "สายทอง"]


def _areas():
    areas = []
    for province in geothai.provinces():
        for district in geothai.districts(province.code):
            for sub in geothai.subdistricts(district.code):
                areas.append((province, district, sub))
    return areas


def generate_rows(
    n: int, *, seed: int = 6, phone_start: int = 810000000, levels=()
) -> list[dict]:
    rng = random.Random(seed)
    areas = _areas()
    rows = []
    for i in range(n):
        province, district, sub = rng.choice(areas)
        style = i % 3
        if style == 0:
            region = (province.code, district.code, sub.code)
        elif style == 1:
            region = (province.name_th, district.name_th, sub.name_th)
        else:
            region = (
                "จังหวัด" + province.name_th,
                district.name_th,
                "ตำบล" + sub.name_th,
            )
        rows.append(
            {
                "first_name": rng.choice(FIRST),
                "last_name": rng.choice(LAST),
                "phone": f"0{phone_start + i}",
                "email": f"v{phone_start + i}@example.org" if i % 4 == 0 else "",
                "province": region[0],
                "district": region[1],
                "subdistrict": region[2],
                "village": f"หมู่ {rng.randint(1, 20)}",
                "role": "trainer" if i % 500 == 7 else "volunteer",
                "level": levels[i % len(levels)] if levels and i % 10 == 0 else "",
            }
        )
    return rows


def to_csv(rows: list[dict], *, bom: bool = False, columns=COLUMNS) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({c: row.get(c, "") for c in columns})
    return (("\ufeff" if bom else "") + out.getvalue()).encode("utf-8")


def to_xlsx(
    rows: list[dict], *, columns=COLUMNS, numeric_phones: bool = False
) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(list(columns))
    for row in rows:
        values = [row.get(c, "") for c in columns]
        if numeric_phones and row.get("phone"):
            values[columns.index("phone")] = int(row["phone"])
        sheet.append(values)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
