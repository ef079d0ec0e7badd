"""Pages whose slugs lost their Thai vowels and tone marks get the full slug;
wagtail.contrib.redirects keeps the old URLs working (see lms.home.services)."""

from django.db import migrations


def reslug(apps, schema_editor):
    # The real models (not historical ones): re-slugging must update URL paths
    # of descendants and send page_slug_changed, which creates the redirects.
    # A fresh database has no pages and skips it.
    if not apps.get_model("wagtailcore", "Page").objects.filter(depth__gt=2).exists():
        return
    from lms.home.services import pages_reslug_thai

    pages_reslug_thai()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_create_site"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("courses", "0002_enrollment_stepcompletion"),
        ("quiz", "0002_tags_answer_key_draft"),
    ]

    operations = [migrations.RunPython(reslug, migrations.RunPython.noop)]
