"""Certificate codes: unguessable, short enough to type, hard to misread.

28 characters drawn with ``secrets`` from Crockford's base-32 alphabet (no I,
L, O or U) carry 140 bits of randomness, printed in seven groups of four:
``7K3M-Q9TA-…``. Typed codes are normalised: case, spaces and dashes do not
matter, and I/L read as 1, O as 0.
"""

import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 28
GROUP = 4
BITS = LENGTH * 5  # 140

_CONFUSABLE = str.maketrans({"I": "1", "L": "1", "O": "0"})
_VALID = re.compile(rf"^[{ALPHABET}]{{{LENGTH}}}$")


def format_code(raw: str) -> str:
    return "-".join(raw[i : i + GROUP] for i in range(0, len(raw), GROUP))


def generate_code() -> str:
    """A new random code in its printed form."""
    return format_code("".join(secrets.choice(ALPHABET) for _ in range(LENGTH)))


def normalize_code(value: str) -> str | None:
    """The printed form of a typed code, or None if it cannot be one."""
    raw = re.sub(r"[\s\-–—_.]", "", (value or "").upper()).translate(_CONFUSABLE)
    if not _VALID.match(raw):
        return None
    return format_code(raw)
