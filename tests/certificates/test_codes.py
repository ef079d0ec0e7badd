"""Codes: ≥128 bits from ``secrets``, readable groups, forgiving input."""

import math
import re
from collections import Counter

from certificates import codes

FORMAT = re.compile(r"^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}$")


def test_code_has_at_least_128_bits_of_randomness():
    assert len(codes.ALPHABET) == 32
    assert codes.LENGTH * math.log2(len(codes.ALPHABET)) >= 128


def test_code_is_printed_in_groups_of_four_without_confusable_letters():
    for _ in range(200):
        code = codes.generate_code()
        assert FORMAT.match(code), code
        assert not set(code) & set("ILOU")


def test_codes_do_not_repeat_and_use_the_whole_alphabet():
    generated = [codes.generate_code() for _ in range(5000)]
    assert len(set(generated)) == len(generated)
    counts = Counter("".join(generated).replace("-", ""))
    assert set(counts) == set(codes.ALPHABET)
    # 140,000 characters over 32 symbols: each near 4,375; a biased generator would stray.
    assert max(counts.values()) < 4375 * 1.1 and min(counts.values()) > 4375 * 0.9


def test_typed_codes_are_normalised():
    code = codes.generate_code()
    raw = code.replace("-", "")
    assert codes.normalize_code(raw.lower()) == code
    assert codes.normalize_code(" " + " ".join(code.split("-")) + " ") == code
    with_confusables = code.replace("1", "l").replace("0", "O")
    assert codes.normalize_code(with_confusables) == code


def test_malformed_codes_are_refused():
    assert codes.normalize_code("") is None
    assert codes.normalize_code("ABCD-EFGH") is None
    assert codes.normalize_code("U" * 28) is None
    assert codes.normalize_code("<script>") is None
