"""The production settings plus the bench-only ``floor`` app, for
``bench/throughput.py``: the floor page is served by the same gunicorn,
through the same middleware, as the lesson it is measured against.
Not the site's settings: never used by ``manage.py`` or the tests.
"""

from lms.settings.production import *  # noqa: F403
from lms.settings.production import ALLOWED_HOSTS, INSTALLED_APPS

FLOOR_HOST = "floor.testserver"  # bench/pages.py's floor site
INSTALLED_APPS = [*INSTALLED_APPS, "bench.floor"]
ALLOWED_HOSTS = [*ALLOWED_HOSTS, FLOOR_HOST]
