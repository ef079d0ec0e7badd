from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# What lms.pagecache.per_reader keeps of a person's My learning
# (lms/home/learning.py); registered so that any process can forget it.
MY_LEARNING = "my-learning"


class HomeConfig(AppConfig):
    name = "lms.home"
    label = "home"
    verbose_name = _("home")

    def ready(self):
        from lms import pagecache, slugs

        slugs.install()
        pagecache.install()
        pagecache.reader_fragment(MY_LEARNING)
