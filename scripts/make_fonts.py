"""Cuts the Thai part out of Sarabun into WOFF2 files for the web pages.

    .venv/bin/python scripts/make_fonts.py

The pages use Sarabun for Thai only (``unicode-range`` in static/css/site.css;
Latin text is in the phone's own font), so the files keep only the Thai block,
the zero-width characters and the dotted circle, and are WOFF2 (Brotli):
about a fifth of the TTF each. The TTFs of the ``fontpkg-sarabun`` package
stay as they are for the certificate PDFs. The output is committed; run this
again after upgrading fontpkg-sarabun.
"""

from pathlib import Path

import fontpkg_sarabun
from fontTools import subset

ROOT = Path(__file__).resolve().parent.parent
SOURCE = Path(fontpkg_sarabun.__file__).resolve().parent / "files"
OUT = ROOT / "static" / "fonts"
UNICODES = "U+0E00-0E7F,U+200B-200D,U+25CC,U+0020,U+00A0"
WEIGHTS = {"Regular": 400, "Bold": 700}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for style, weight in WEIGHTS.items():
        target = OUT / f"sarabun-thai-{weight}.woff2"
        subset.main(
            [
                str(SOURCE / f"Sarabun-{style}.ttf"),
                f"--unicodes={UNICODES}",
                "--layout-features=*",
                "--flavor=woff2",
                f"--output-file={target}",
            ]
        )
        print(f"{target} {target.stat().st_size} bytes")  # noqa: T201


if __name__ == "__main__":
    main()
