"""The site's static files: Waymark's own, a site's overrides, its theme.

A site's `overrides/static/` adds files or replaces Waymark's of the same
name. The theme colour (one setting) reaches the stylesheet, the icons and
the manifest: the stylesheet and the SVG icon are written with it, and the
PNG icons are drawn in it (only when it is not Waymark's own colour, whose
icons ship ready-made).

Every static file is published under a name that carries a hash of what it
holds (`static/style.css` becomes `static/style.3f9a1c2b.css`), so that a
host may cache it for a year: a changed file gets a new name, which the new
pages name, and an unchanged one keeps its name from build to build (the
service worker fetches only what changed). Templates keep asking for
`url('static', filename='style.css')`; `published_name` gives the rest.
"""
from dataclasses import dataclass
from functools import lru_cache
import base64
import hashlib
import mimetypes
from pathlib import Path
import posixpath
import re
import struct
import zlib

from flask import abort, current_app

from . import SITE_DIR

DEFAULT_COLOUR = "#0c5c58"  # the colour the stylesheets and the icons are written in
FIRST_SCREEN = "first-screen.css"  # inside every page's <head>: see first_screen()
STYLESHEETS = (FIRST_SCREEN, "style.css")  # in the order a page applies them
THEMED = (*STYLESHEETS, "icons/icon.svg")
ICON_SIZES = (192, 512)
LOGO = "logo"  # static/logo.<ext>: the site's logo, from waymark.yml
HASH_LENGTH = 8  # hex digits of a static file's hash in its published name
_HASH = re.compile(rf"\.[0-9a-f]{{{HASH_LENGTH}}}")


def folders(config):
    return [folder / "static" for folder in (config.overrides, SITE_DIR) if folder]


def files(config):
    """Every static path the site publishes, relative to static/."""
    found = set()
    for folder in folders(config):
        found |= {p.relative_to(folder).as_posix() for p in folder.rglob("*")
                  if p.is_file() and not p.name.startswith(".")}
    if config.logo:
        found.add(logo_name(config))
    return sorted(found)


def logo_name(config):
    return f"{LOGO}{config.logo.suffix.lower()}" if config.logo else None


def serve(config, filename):
    """The static view, for a file's published name (or its own)."""
    found = published(config, unhashed(filename))
    if found is None:
        abort(404)
    data, kind = found
    return current_app.response_class(data, mimetype=kind)


def published(config, filename):
    """(bytes, type) that static/`filename` holds in the site: the site's
    file if it has one, else Waymark's, with the theme colour in the
    stylesheet and icons; None when there is no such file."""
    if config.logo and filename == logo_name(config):
        return config.logo.read_bytes(), _type(filename)
    colour = config.theme_colour
    found = _find(config, filename)
    if found and filename.endswith(".css"):
        return stylesheet(config, filename).encode("utf-8"), "text/css"
    if colour != DEFAULT_COLOUR and filename in THEMED and found:
        return themed(found.read_text(encoding="utf-8"), colour).encode("utf-8"), _type(filename)
    size = re.fullmatch(r"icons/icon-(\d+)\.png", filename)
    if colour != DEFAULT_COLOUR and size and int(size.group(1)) in ICON_SIZES \
            and not _overridden(config, filename):
        return icon_png(int(size.group(1)), colour), "image/png"
    if found is None:
        return None
    if filename.endswith(".js"):
        code = without_comment_lines(found.read_text(encoding="utf-8"))
        return code.encode("utf-8"), "text/javascript"
    return found.read_bytes(), _type(filename)


def _type(filename):
    return mimetypes.guess_type(filename)[0] or "application/octet-stream"


def hashed(filename, data):
    """`filename` with the hash of `data` before its extension:
    "search/stem-en.js" -> "search/stem-en.5d41402a.js"."""
    folder, name = posixpath.split(filename)
    stem, extension = posixpath.splitext(name)
    digest = hashlib.sha256(data).hexdigest()[:HASH_LENGTH]
    return posixpath.join(folder, f"{stem}.{digest}{extension}")


def unhashed(path):
    """A published name back to the file's own: "static/style.3f9a1c2b.css"
    -> "static/style.css" (a name without a hash stays as it is)."""
    folder, name = posixpath.split(path)
    stem, extension = posixpath.splitext(name)
    own, digest = posixpath.splitext(stem)
    if _HASH.fullmatch(digest) and own:
        return posixpath.join(folder, own + extension)
    if _HASH.fullmatch(extension) and stem:  # a file without an extension
        return posixpath.join(folder, stem)
    return path


def published_name(app, filename):
    """The name static/`filename` is published under in `app`'s site; the
    file's own name when there is no such file (so that the link check
    names it)."""
    return _published(app, filename)[0]


def published_data(app, filename):
    """The bytes static/`filename` is published with in `app`'s site."""
    return _published(app, filename)[1]


def _published(app, filename):
    """(published name, bytes or None), made once for each app: its name
    needs its bytes, and the build writes the same bytes."""
    known = app.extensions.setdefault("waymark_static", {})
    if filename not in known:
        found = published(app.extensions["waymark"].config, filename)
        known[filename] = (hashed(filename, found[0]), found[0]) if found else (filename, None)
    return known[filename]


def published_names(app):
    """{file: published name} of every static file of `app`'s site."""
    return {name: published_name(app, name) for name in files(app.extensions["waymark"].config)}


def in_build(build_dir):
    """{file: path in the build} of the static files a finished build
    holds: {"style.css": "static/style.3f9a1c2b.css", ...}."""
    static = Path(build_dir) / "static"
    return {unhashed(path.relative_to(static).as_posix()): path.relative_to(build_dir).as_posix()
            for path in sorted(static.rglob("*")) if path.is_file()}


def stylesheet(config, filename):
    """A stylesheet as the site publishes it: in the theme colour, without
    its comments and indentation (every phone downloads them for nothing)."""
    text = _find(config, filename).read_text(encoding="utf-8")  # (Waymark has each one)
    if filename in THEMED:
        text = themed(text, config.theme_colour)
    return without_css_comments(text)


@dataclass(frozen=True)
class FirstScreen:
    css: str  # the text of the page's <style> element
    source: str  # what lets it through the page's Content-Security-Policy


def first_screen(config):
    """The styles every page carries inside its <head>, so that it paints
    from its first round trip (a linked stylesheet in the head costs a
    second one before anything shows: seconds on 2G). The page's policy
    allows this one text by its hash, never 'unsafe-inline'."""
    css = stylesheet(config, FIRST_SCREEN)
    css = re.sub(r"</(style)", r"<\\/\1", css, flags=re.IGNORECASE)  # it cannot end the element
    digest = hashlib.sha256(css.encode("utf-8")).digest()
    return FirstScreen(css, f"'sha256-{base64.b64encode(digest).decode()}'")


CSS_STRING_OR_COMMENT = re.compile(r"""("(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*')|/\*.*?\*/""", re.DOTALL)


def without_css_comments(css):
    """`css` without comments, indentation and blank lines; strings are kept
    as they are (a comment's marks may stand inside one)."""
    kept = CSS_STRING_OR_COMMENT.sub(lambda found: found.group(1) or "", css)
    lines = "\n".join(line.strip() for line in kept.splitlines() if line.strip())
    return lines + "\n" if css.endswith("\n") else lines


def without_comment_lines(code):
    """Script comments are for its readers; every reader's phone downloads
    the code, so lines that are only a comment stay behind."""
    return "".join(line for line in code.splitlines(keepends=True)
                   if not line.lstrip().startswith("//"))


def _find(config, filename):
    for folder in folders(config):
        path = folder / filename
        if path.is_file() and folder in path.resolve().parents:
            return path
    return None


def _overridden(config, filename):
    return bool(config.overrides and (config.overrides / "static" / filename).is_file())


def themed(text, colour):
    """`text` with Waymark's colour replaced by `colour`, and the bar's text
    dark instead of white when the colour is light."""
    text = text.replace(DEFAULT_COLOUR, colour)
    if _luminance(colour) > 0.35:
        text = text.replace("--on-brand: #fff", "--on-brand: #1b1f1f")
    return text


def _luminance(colour):
    """WCAG relative luminance of '#rrggbb'."""
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


@lru_cache(maxsize=8)
def icon_png(size, colour):
    """The app icon (a white map pin with an amber dot on a rounded square
    of the theme colour) as a PNG, drawn here so that no image library is
    needed. Edges are smoothed by sampling each pixel 3 x 3 times."""
    background = tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
    white, amber = (255, 255, 255), (240, 165, 0)
    scale, samples = 512 / size, ((0.17, 0.5, 0.83),) * 2
    rows = []
    for y in range(size):
        row = bytearray(b"\0")  # PNG filter byte: none
        for x in range(size):
            totals, alpha = [0, 0, 0], 0
            for dy in samples[0]:
                for dx in samples[1]:
                    px, py = (x + dx) * scale, (y + dy) * scale
                    shade = _shade(px, py, background, white, amber)
                    if shade:
                        alpha += 1
                        totals = [t + c for t, c in zip(totals, shade)]
            row += bytes([*(round(t / alpha) if alpha else 0 for t in totals),
                          round(255 * alpha / 9)])
        rows.append(bytes(row))
    return _png(size, b"".join(rows))


def _shade(x, y, background, white, amber):
    """The colour at (x, y) of the 512-unit icon, or None outside it."""
    if not _in_rounded_square(x, y, 512, 96):
        return None
    if (x - 256) ** 2 + (y - 214) ** 2 <= 42 ** 2:
        return amber
    # The pin: a circle of radius 116 around (256, 216) and the point below it.
    if (x - 256) ** 2 + (y - 216) ** 2 <= 116 ** 2:
        return white
    if 216 <= y <= 412 and abs(x - 256) <= 116 * (412 - y) / 196 * 0.92:
        return white
    return background


def _in_rounded_square(x, y, side, radius):
    cx = min(max(x, radius), side - radius)
    cy = min(max(y, radius), side - radius)
    return 0 <= x <= side and 0 <= y <= side and (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def _png(size, raw):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))
