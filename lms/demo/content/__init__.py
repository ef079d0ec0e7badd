"""The demo content: the site's pages, five courses (one per topic) and people.

Data only, no database access: ``lms.demo.loader`` puts it in place. Courses
are listed so that a prerequisite comes before the course that needs it.
A course is a dict: slug, topic, minutes, competencies ``[(code, proficiency)]``,
optional prerequisites (slugs), ``th``/``en`` page fields, and modules, each
with lessons whose body is a list of bilingual blocks (see ``blocks``).
"""

from . import coding, digital_literacy, eagriculture, ecommerce, mooc
from .people import PEOPLE, SUPERUSER
from .site import CATALOGUE, HOME, SITE_NAME

COURSES = [
    digital_literacy.COURSE,
    ecommerce.COURSE,
    eagriculture.COURSE,
    coding.COURSE,
    mooc.COURSE,
]

__all__ = ["CATALOGUE", "COURSES", "HOME", "PEOPLE", "SITE_NAME", "SUPERUSER"]
