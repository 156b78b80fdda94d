"""Markdown to safe HTML, with guide links rewritten to page URLs.

Stages of `render()`:
1. Python-Markdown with the standard extensions (ids on headings, tables,
   attribute lists, "Keep in mind" admonitions) and our `GuideLinks`
   extension, which turns `../complaints/unpaid-wages.md` into the relative
   URL of that page and reports links to guides that do not exist.
2. An audit of the resulting HTML for anything that could run script or load
   from elsewhere (raw `<script>`, `on...=` attributes, `javascript:` URLs,
   remote images), each reported as a warning with the line it came from.
3. nh3 cleans the HTML against an allow-list, so whatever the audit missed
   still cannot reach a reader's phone.
"""
from dataclasses import dataclass
from html.parser import HTMLParser
import posixpath
import re
from urllib.parse import urlsplit
import xml.etree.ElementTree as etree

import markdown
from markdown.extensions import Extension
from markdown.extensions.toc import TocExtension, slugify_unicode
from markdown.treeprocessors import Treeprocessor
import nh3

from . import kinds, prose

SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "details", "div",
    "dl", "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
    "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span",
    "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "u", "ul", "bdi", "bdo",
}
ALLOWED_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
}


@dataclass
class Rendered:
    html: str
    headings: list  # (level, id, text) in document order
    anchors: list  # (target content path, fragment, href, line) of each link with a #fragment


def render(body, *, path, body_line, page_path, page_exists, problems, lang=None):
    """Render a Markdown body that lives at content-relative `page_path`.

    `page_exists(content_relative_path)` says whether a link target is a page
    of the site; problems are reported against `path`, counting lines from
    `body_line`, where the body starts in the file.
    """
    locate = _Locator(body, body_line)
    links = GuideLinks(page_path, page_exists,
                       lambda needle, msg: problems.error(path, locate(needle), msg))
    md = markdown.Markdown(extensions=[
        "extra", "admonition", "sane_lists", links,
        TocExtension(slugify=slugify_unicode, toc_depth="2-4"),
        prose.ReaderExtension(page_path, lang),
    ])
    html = md.convert(body)
    anchors = [(target, fragment, href, locate(f"]({href}"))
               for target, fragment, href in links.anchors]
    for needle, message in audit(html):
        problems.warning(path, locate(needle), message)
    html = nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                     url_schemes=SAFE_SCHEMES, link_rel=None)
    return Rendered(html, _headings(md.toc_tokens), anchors)


def _headings(tokens):
    found = []
    for token in tokens:
        found.append((token["level"], token["id"], token["name"]))
        found.extend(_headings(token["children"]))
    return found


def page_url(content_path):
    """The URL path, relative to the language folder, of a content file."""
    return kinds.kind_of(content_path).page_url(content_path)


class GuideLinks(Extension):
    """Rewrites `.md` links to the page they name; reports missing targets."""

    def __init__(self, page_path, page_exists, report):
        super().__init__()
        self.page_path, self.page_exists, self.report = page_path, page_exists, report
        self.anchors = []  # (target, fragment, href): checked once every page is rendered

    def extendMarkdown(self, md):
        md.treeprocessors.register(_LinkRewriter(md, self), "waymark_links", 1)


class _LinkRewriter(Treeprocessor):
    def __init__(self, md, ext):
        super().__init__(md)
        self.ext = ext

    def run(self, root: etree.Element):
        for link in root.iter("a"):
            href = link.get("href")
            if href is not None:
                link.set("href", self.rewrite(href))

    def rewrite(self, href):
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            return href  # external: the audit judges it
        if not parts.path:
            if parts.fragment:
                self.ext.anchors.append((self.ext.page_path, parts.fragment, href))
            return href
        if parts.path.endswith("/"):
            target_path = parts.path + "_index.md"
        elif parts.path.endswith(".md"):
            target_path = parts.path
        else:
            self.ext.report(f"]({href}", f"link to '{href}': link to a guide by "
                                         f"its .md file, for example '../asylum/interview.md'")
            return href
        here = posixpath.dirname(self.ext.page_path)
        target = posixpath.normpath(posixpath.join(here, target_path))
        if target.startswith("../") or not self.ext.page_exists(target):
            self.ext.report(f"]({href}", f"link to a missing guide '{href}'")
            return href
        url = posixpath.relpath(page_url(target), posixpath.dirname(page_url(self.ext.page_path)) or ".")
        if parts.fragment:
            self.ext.anchors.append((target, parts.fragment, href))
            url += f"#{parts.fragment}"
        return url


def audit(html):
    """(needle, message) for each unsafe thing in `html`; needle finds the line."""
    auditor = _Auditor()
    auditor.feed(html)
    auditor.close()
    return auditor.found


class _Auditor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.found.append((f"<{tag}", f"removed <{tag}>: raw HTML of this kind "
                                          f"is not allowed in guides"))
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") or name == "style":
                self.found.append((name, f"removed the '{name}' attribute from <{tag}>: "
                                         f"guides cannot carry script or inline styles"))
            elif name in ("href", "src") and _scheme(value) not in SAFE_SCHEMES | {""}:
                self.found.append((value, f"removed the link '{value}': "
                                          f"only http, https, mailto and tel links are allowed"))
            elif tag == "img" and name == "src" and _scheme(value):
                self.found.append((value, f"removed the image '{value}': pages load "
                                          f"nothing from other sites"))


def _scheme(url):
    return urlsplit(re.sub(r"[\x00-\x20]", "", url)).scheme.lower()


class _Locator:
    """Finds the file line of a snippet in a Markdown body."""

    def __init__(self, body, body_line):
        self.lines, self.body_line = body.splitlines(), body_line

    def __call__(self, needle):
        for candidates in (needle, needle.lower()):
            for number, line in enumerate(self.lines):
                if candidates in line or candidates in line.lower():
                    return self.body_line + number
        return None
