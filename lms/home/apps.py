from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "lms.home"
    label = "home"
    verbose_name = _("home")

    def ready(self):
        from lms import pagecache, slugs

        slugs.install()
        pagecache.install()
        # My learning, kept per reader (lms/home/learning.py).
        pagecache.reader_fragment("my-learning")
