import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")
application = get_wsgi_application()

# The first search would otherwise pay for loading the Thai dictionary.
from lms.search.thai import warm  # noqa: E402  (needs the settings above)

warm()
