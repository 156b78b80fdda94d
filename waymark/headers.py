"""The HTTP headers every response of a Waymark site should carry.

One list for `waymark serve` and for the host configurations in the deploy
docs (nginx, Netlify's `_headers`), so that they can be written from it or
checked against it. Each page also carries its own Content-Security-Policy
in a <meta> tag, which works from a USB stick too; what a <meta> tag cannot
do is forbid other sites to frame the page, so that policy is sent here.
"""

SECURITY_HEADERS = {
    # No other site may show our pages inside its own (a fake "official" frame).
    "Content-Security-Policy": "frame-ancestors 'none'",
    # The same for the old Android browsers that predate frame-ancestors.
    "X-Frame-Options": "DENY",
    # A file is what its type says, never sniffed into script.
    "X-Content-Type-Options": "nosniff",
    # Which guide a reader came from is nobody else's business.
    "Referrer-Policy": "no-referrer",
    # Guides never need these; a page that asked would be a page tampered with.
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
