"""The programme's demo level ladder, village volunteer to province."""

from .models import Competency, LevelRequirement, VolunteerLevel

LADDER = [
    # code, rank, Thai, English, completed courses, {competency: minimum}
    (
        "village",
        1,
        "อาสาสมัครดิจิทัลระดับหมู่บ้าน/ชุมชน",
        "Village / community volunteer",
        0,
        {"D1": 1},
    ),
    (
        "subdistrict",
        2,
        "อาสาสมัครดิจิทัลระดับตำบล",
        "Sub-district volunteer",
        1,
        {"D1": 2, "B3": 1},
    ),
    (
        "district",
        3,
        "อาสาสมัครดิจิทัลระดับอำเภอ",
        "District volunteer",
        3,
        {"B2": 1, "D2": 1, "D3": 1},
    ),
    (
        "core-leader",
        4,
        "แกนนำ อสด. ระดับอำเภอ",
        "District core leader (แกนนำ อสด.)",
        5,
        {"B1": 1, "D1": 2, "D2": 2, "D3": 2},
    ),
    (
        "province",
        5,
        "อาสาสมัครดิจิทัลระดับจังหวัด",
        "Province volunteer",
        5,
        {"B2": 2, "D1": 3},
    ),
]


def load_demo_ladder() -> list[VolunteerLevel]:
    """Create the ladder if it is missing (idempotent; leaves edited rules alone)."""
    levels = []
    for code, rank, name_th, name_en, courses, requirements in LADDER:
        level, created = VolunteerLevel.objects.get_or_create(
            code=code,
            defaults={
                "rank": rank,
                "name_th": name_th,
                "name_en": name_en,
                "min_completed_courses": courses,
            },
        )
        if created:
            for order, (competency, minimum) in enumerate(requirements.items()):
                LevelRequirement.objects.create(
                    level=level,
                    competency=Competency.objects.get(code=competency),
                    min_proficiency=minimum,
                    sort_order=order,
                )
        levels.append(level)
    return levels
