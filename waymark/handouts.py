"""Printed guides: the QR code that takes a reader of the paper to the page.

Drawn at build time with segno as an inline SVG, so a printed page needs no
image file and no script; only guides of a site with a `base_url` have one
(a file:// or local address means nothing to another phone).
"""
from functools import lru_cache

from markupsafe import Markup


@lru_cache(maxsize=512)
def qr_svg(address, title):
    """An SVG QR code of `address`; `title` is its accessible name."""
    import segno  # (only for sites with an address: the others' builds start sooner)
    if isinstance(title, Markup):
        title = title.unescape()  # segno escapes it
    code = segno.make(address, error="m")
    return Markup(code.svg_inline(scale=1, border=2, omitsize=True, title=title,
                                  svgclass="qr", lineclass=None))
