"""`serve --lan`: the address phones type, as a QR code they can scan instead.

Printed in the terminal, and shown big on the laptop's own screen at
`/__waymark/hotspot` (a page only the server answers, not part of the
site), so that a room of people can point their phones at it.
"""
import base64
import hashlib
import io

import segno

PAGE = "/__waymark/hotspot"
STYLE = (".hotspot { text-align: center; } .hotspot .address { font-size: 2.2rem; "
         "font-weight: 700; margin-block: 1rem .25rem; direction: ltr; } "
         ".hotspot svg { width: min(80vw, 60vh); height: auto; }")
_STYLE_HASH = base64.b64encode(hashlib.sha256(STYLE.encode()).digest()).decode()


def qr(address):
    return segno.make(address, error="m", micro=False)


def terminal_code(address):
    """The QR code as text for a terminal (two rows of modules per line)."""
    out = io.StringIO()
    qr(address).terminal(out=out, compact=True, border=2)
    return out.getvalue()


def page(addresses, stylesheets):
    """The laptop's screen: each address, big, with its QR code (SVG inline);
    `stylesheets` are the site's, as the build named them."""
    links = "\n".join(f'<link rel="stylesheet" href="{href}">' for href in stylesheets)
    blocks = "".join(
        f'<section><p class="address"><bdi>{address}</bdi></p>'
        f'{qr(address).svg_inline(scale=10, border=2, title=address)}</section>'
        for address in addresses) or "<p>This laptop has no network address a phone can reach: " \
                                     "start its hotspot or join a Wi-Fi, then restart.</p>"
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self' 'sha256-{_STYLE_HASH}'; img-src 'self'; base-uri 'none'; form-action 'none'">
<title>Scan to read the guides</title>
{links}
<style>{STYLE}</style>
</head>
<body>
<main class="hotspot">
<h1>Join this Wi-Fi, then scan the code or type the address</h1>
{blocks}
<p>Each guide page offers its language as one file to download and pass on.</p>
</main>
</body>
</html>
"""
