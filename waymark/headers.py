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

# How long a browser or proxy may keep each file. Every file under static/
# carries a hash of its content in its name (style.3f9a1c2b.css): a build
# that changes one names a new file, so a file there never changes and may be
# kept for a year without asking again. Everything else keeps its name from
# build to build and names those files (the pages, sw.js, each language's
# offline.json, the manifests, the search indexes and texts, the single
# files): it must be asked for again each time (a 304 when unchanged), so
# that no reader gets a new page with an old stylesheet, or misses an update.
HASHED_FOLDER = "static/"
CACHE_HASHED = "public, max-age=31536000, immutable"
CACHE_OTHERS = "no-cache"


def cache_control(path):
    """The Cache-Control for the file at `path` (relative to the site) when it is found."""
    return CACHE_HASHED if path.startswith(HASHED_FOLDER) else CACHE_OTHERS
