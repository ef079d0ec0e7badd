#!/usr/bin/env bash
# Checks the Debian packages WeasyPrint needs and says how to install what is missing.
missing=()
have_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }
have_lib "libpango-1.0.so.0" || missing+=("libpango-1.0-0")
have_lib "libpangoft2-1.0.so.0" || missing+=("libpangoft2-1.0-0")
if ((${#missing[@]})); then
  echo "error: WeasyPrint (certificate PDFs) needs: ${missing[*]}" >&2
  echo "       install them with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
have_lib "libharfbuzz-subset.so.0" || echo "note: install libharfbuzz-subset0 to render certificate PDFs 3-5x faster" >&2
command -v pdftotext >/dev/null 2>&1 || echo "note: tests that read PDFs need poppler-utils (they are skipped without it)" >&2
command -v xgettext >/dev/null 2>&1 || echo "note: the test that every interface string is in the Thai catalogue needs gettext (skipped without it)" >&2
exit 0
