"""pg_trgm indexes for substring search (lms/search/substring.py).

PostgreSQL only: trigram GIN indexes on the title and body text of Wagtail's
search index with the tokenizer's spaces removed, the exact expressions the
substring lookups use, so "แก๊งคอล" is found inside "แก๊งคอลเซ็นเตอร์"
without scanning. pg_trgm is a trusted extension (PostgreSQL 13+): the
database's owner may create it. SQLite has nothing to do here.
"""

from django.db import migrations

COLUMNS = ("title_text", "body_text")


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for column in COLUMNS:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS lms_search_{column}_trgm "
            f"ON wagtailsearch_indexentry USING gin "
            f"((UPPER(REPLACE({column}, ' ', '')::text)) gin_trgm_ops)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in COLUMNS:
        schema_editor.execute(f"DROP INDEX IF EXISTS lms_search_{column}_trgm")


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0003_video_link_and_file_blocks"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
