"""Replace Wagtail's placeholder page with the Thai home page and point the
default site at it, so a fresh database serves the site at once."""

from django.db import migrations


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Locale = apps.get_model("wagtailcore", "Locale")
    HomePage = apps.get_model("home", "HomePage")

    locale, _ = Locale.objects.get_or_create(language_code="th")
    Locale.objects.get_or_create(language_code="en")
    Page.objects.filter(depth=1).update(locale=locale)
    Page.objects.filter(slug="home", depth=2).delete()

    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="home")
    homepage = HomePage.objects.create(
        title="อาสาสมัครดิจิทัล",
        draft_title="อาสาสมัครดิจิทัล",
        slug="home",
        content_type=content_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=locale,
        hero_title="เรียนรู้ดิจิทัล เพื่อชุมชนของเรา",
        hero_text="บทเรียนออนไลน์สำหรับอาสาสมัครดิจิทัล (อสด.) เรียนได้ทุกที่บนโทรศัพท์มือถือ สะสมสมรรถนะ เลื่อนระดับ และรับประกาศนียบัตร",
    )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": homepage, "site_name": "อาสาสมัครดิจิทัล"},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_homepage, migrations.RunPython.noop)]
