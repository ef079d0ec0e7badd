"""Thai word segmentation for full-text search.

Thai is written without spaces between words, so the database search
backends (SQLite FTS5, PostgreSQL tsvector) see a whole phrase as one token
and cannot find a word inside it. Both the indexed text and the query are cut
into words with PyThaiNLP's dictionary-based ``newmm`` tokenizer, joined with
spaces; Latin text passes through unchanged.

Only letters, combining marks (Thai vowels and tone marks) and digits reach
the search backend: everything else (quotes, ``*``, ``:``, brackets, NUL and
other control characters) becomes a space. Those are the full-text syntax of
SQLite FTS5 and PostgreSQL ``tsquery`` and the characters their tokenizers
drop anyway, so no typed text can be read as syntax (which made the query
fail) and nothing findable is lost.
"""

import re
import unicodedata

from pythainlp.tokenize import word_tokenize

_THAI = re.compile(r"[\u0E00-\u0E7F]")


def words_only(text: str) -> str:
    """Letters, marks and digits kept; every other character becomes a space
    (runs collapsed). NFC first, so a decomposed vowel stays on its letter."""
    text = unicodedata.normalize("NFC", text or "")
    kept = "".join(ch if unicodedata.category(ch)[0] in "LMN" else " " for ch in text)
    return " ".join(kept.split())


def segment(text: str) -> str:
    text = words_only(text)
    if not text or not _THAI.search(text):
        return text
    words = word_tokenize(text, engine="newmm", keep_whitespace=False)
    return " ".join(w for w in (w.strip() for w in words) if w)


def warm() -> None:
    """Load the tokenizer's dictionary now (about 1.5 s on first use), so the
    first search after start-up is as fast as the rest. Called by
    ``lms/wsgi.py``: once in gunicorn's master (``preload_app``), whose
    workers share it, and once by the development server."""
    word_tokenize("อาสาสมัครดิจิทัล", engine="newmm")
