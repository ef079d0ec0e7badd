"""Small builders for bilingual lesson blocks.

A lesson body is a list of ``(block type, Thai value, English value)``; the
loader takes one column for the Thai page and the other for its English copy,
so a translator sees both languages side by side.
"""


def p(th: str, en: str) -> tuple:
    """A paragraph."""
    return ("paragraph_block", f"<p>{th}</p>", f"<p>{en}</p>")


def ul(th_items: list[str], en_items: list[str]) -> tuple:
    """A bulleted list (a paragraph block holding a <ul>)."""
    return (
        "paragraph_block",
        "<ul>" + "".join(f"<li>{item}</li>" for item in th_items) + "</ul>",
        "<ul>" + "".join(f"<li>{item}</li>" for item in en_items) + "</ul>",
    )


def ol(th_items: list[str], en_items: list[str]) -> tuple:
    """A numbered list of steps."""
    return (
        "paragraph_block",
        "<ol>" + "".join(f"<li>{item}</li>" for item in th_items) + "</ol>",
        "<ol>" + "".join(f"<li>{item}</li>" for item in en_items) + "</ol>",
    )


def h(th: str, en: str, size: str = "h2") -> tuple:
    """A section heading."""
    return ("heading_block", {"text": th, "size": size}, {"text": en, "size": size})


def callout(kind: str, title_th: str, title_en: str, th: str, en: str) -> tuple:
    """A tip, information or warning box (``kind``: tip, info, warning)."""
    return (
        "callout_block",
        {"kind": kind, "title": title_th, "text": f"<p>{th}</p>"},
        {"kind": kind, "title": title_en, "text": f"<p>{en}</p>"},
    )


def code(source: str, en_source: str | None = None, language: str = "python") -> tuple:
    """A code sample; the English copy may have its own (translated strings)."""
    return (
        "code_block",
        {"language": language, "code": source},
        {"language": language, "code": en_source if en_source is not None else source},
    )
