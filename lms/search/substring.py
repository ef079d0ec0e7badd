"""Finding a Thai word inside a longer word or phrase, as people type it.

The dictionary tokenizer (``thai.segment``) cuts "ระวังแก๊งคอลเซ็นเตอร์" into
"ระวัง แก๊ง คอลเซ็นเตอร์" and the query "แก๊งคอล" into "แก๊ง คอ ล", so the
full-text index cannot match it; nor does "หลอก" match the single dictionary
word "หลอกลวง". Beside the full-text search, each word of the query is also
looked for as a substring of the indexed title and body text with the
tokenizer's spaces removed (so a match may cross a word boundary), in
Wagtail's own index table: nothing to keep in sync, and it changes when a
page is published.

On PostgreSQL the lookups use ``pg_trgm`` trigram GIN indexes on those
expressions (``courses/migrations/0003_search_trigram_index.py``); on SQLite
they scan the index table (a few milliseconds for a catalogue of hundreds
of pages; ``bench/search.py``).
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import F, Q, TextField, Value
from django.db.models.functions import Replace
from wagtail.search.models import IndexEntry

from .thai import words_only

# Shorter words would match nearly everything.
MIN_WORD = 2


def _fields() -> tuple[str, str]:
    if connection.vendor == "postgresql":
        return "title_text", "body_text"
    return "title", "body"


def substring_words(query: str) -> list[str]:
    return [w for w in words_only(query).split() if len(w) >= MIN_WORD][:8]


def matching_entries(model, words: list[str]):
    """Wagtail index entries (of ``model``, or of any model when None) whose
    text contains every word."""
    title, body = _fields()
    entries = IndexEntry.objects.all()
    if model is not None:
        entries = entries.filter(content_type=ContentType.objects.get_for_model(model))
    entries = entries.annotate(
        _title=Replace(F(title), Value(" "), Value(""), output_field=TextField()),
        _body=Replace(F(body), Value(" "), Value(""), output_field=TextField()),
    )
    for word in words:
        entries = entries.filter(Q(_title__icontains=word) | Q(_body__icontains=word))
    return entries


def substring_ids(model, query: str) -> list[int]:
    """Ids of ``model`` objects whose indexed text contains every word of
    ``query`` (case-insensitively, ignoring the tokenizer's spaces)."""
    words = substring_words(query)
    if not words:
        return []
    entries = matching_entries(model, words)
    return [int(pk) for pk in entries.values_list("object_id", flat=True)]
