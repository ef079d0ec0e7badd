"""Thai word segmentation for full-text search.

Thai is written without spaces between words, so the database search
backends (SQLite FTS5, PostgreSQL tsvector) see a whole phrase as one token
and cannot find a word inside it. Both the indexed text and the query are cut
into words with PyThaiNLP's dictionary-based ``newmm`` tokenizer, joined with
spaces; Latin text passes through unchanged.
"""

import re

from pythainlp.tokenize import word_tokenize

_THAI = re.compile(r"[\u0E00-\u0E7F]")


def segment(text: str) -> str:
    if not text or not _THAI.search(text):
        return text or ""
    words = word_tokenize(text, engine="newmm", keep_whitespace=False)
    return " ".join(w for w in (w.strip() for w in words) if w)
