"""Markdown to safe HTML, with guide links rewritten to page URLs.

Stages of `render()`:
1. Python-Markdown with the standard extensions (ids on headings, tables,
   attribute lists, "Keep in mind" admonitions) and our `GuideLinks`
   extension, which turns `../complaints/unpaid-wages.md` into the relative
   URL of that page and reports links to guides that do not exist.
   Images from other sites (`https://…`, `//host/…`) are taken out; a
   page's own images (`map.png` beside the Markdown) are listed for the
   build to copy, or reported when the file is missing.
2. An audit of the resulting HTML for anything that could run script or load
   from elsewhere (raw `<script>`, `on...=` attributes, `javascript:` URLs,
   remote images), each reported as a warning with the line it came from.
3. nh3 cleans the HTML against an allow-list, so whatever the audit missed
   still cannot reach a reader's phone.

Before stage 1, a body that would make Python-Markdown recurse or run for
minutes (lists nested hundreds deep, thousands of unclosed `[` in one
paragraph or `<tag` in a file) is refused with the line where it happens.
"""
from dataclasses import dataclass, field
from html.parser import HTMLParser
import posixpath
import re
from urllib.parse import unquote, urlsplit
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


IMAGE_TYPES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif"}
# Limits on what Python-Markdown is given. Its block parser is recursive and
# slows down steeply with depth (800 levels: RecursionError; 3,000: minutes);
# its link pattern rescans the rest of a paragraph at each unclosed `[`, and
# its HTML reader the rest of the file at each `<tag` never closed with `>`;
# abbreviations are matched against every text one by one. No guide comes
# near these numbers; bench/hostile_content.py times a file at the limits.
MAX_DEPTH = 16  # lists, quotes and indented blocks inside one another
MAX_BRACKETS = 100  # '[' in one paragraph, list item or table cell
MAX_OPEN_TAGS = 100  # '<' and a letter with no '>' after it, in one file
MAX_ABBREVIATIONS = 100


@dataclass
class Rendered:
    html: str
    headings: list  # (level, id, text) in document order
    anchors: list  # (target content path, fragment, href, line) of each link with a #fragment
    images: list = field(default_factory=list)  # (source file, path from the language folder)


class TooComplex(Exception):
    """The body would take the Markdown reader too long: (line, message)."""


def render(body, *, path, body_line, page_path, page_exists, problems, find_file=None,
           lang=None):
    """Render a Markdown body that lives at content-relative `page_path`.

    `page_exists(content_relative_path)` says whether a link target is a page
    of the site, and `find_file(content_relative_path)` gives the file an
    image is copied from (None: there is none); problems are reported
    against `path`, counting lines from `body_line`, where the body starts
    in the file.
    """
    locate = _Locator(body, body_line)
    links = GuideLinks(page_path, page_exists, locate,
                       lambda line, msg: problems.error(path, line, msg),
                       lambda line, msg: problems.warning(path, line, msg))
    md = markdown.Markdown(extensions=[
        "extra", "admonition", "sane_lists", links,
        TocExtension(slugify=slugify_unicode, toc_depth="2-4"),
        prose.ReaderExtension(page_path, lang),
    ])
    try:
        _check_shape(body, locate)
        html = md.convert(body)
    except TooComplex as refused:
        problems.error(path, *refused.args)
        return Rendered("", [], [])
    except RecursionError:  # a shape the checks above do not foresee
        problems.error(path, body_line, "the Markdown from here on is nested too deeply to "
                                        "read (lists, quotes, definitions or emphasis inside "
                                        "one another): simplify it or split the file")
        return Rendered("", [], [])
    anchors = [(target, fragment, href, locate(f"]({href}"))
               for target, fragment, href in links.anchors]
    auditor = audit(html)
    for needle, message in auditor.found:
        problems.warning(path, locate(needle), message)
    images = _own_images(auditor.images, page_path, find_file or (lambda rel: None),
                         locate, lambda line, msg: problems.error(path, line, msg))
    html = nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                     url_schemes=SAFE_SCHEMES, link_rel=None, attribute_filter=_no_remote_src)
    return Rendered(html, _headings(md.toc_tokens), anchors, images)


def _check_shape(body, locate):
    """Raise TooComplex where the body would make the Markdown reader recurse
    or slow to a halt. Paragraphs are checked later, by _CountBrackets."""
    open_tags = 0
    for match in OPEN_TAG.finditer(body):
        open_tags += 1
        if open_tags > MAX_OPEN_TAGS:
            raise TooComplex(locate.body_line + body.count("\n", 0, match.start()),
                             f"more than {MAX_OPEN_TAGS} '<' that start an HTML tag never "
                             f"closed with '>': write 'less than' or close the tags")
    abbreviations = 0
    for number, line in enumerate(body.splitlines()):
        depth = _depth(line)
        if depth > MAX_DEPTH:
            raise TooComplex(locate.body_line + number,
                             f"lists, quotes or indented blocks are nested {depth} deep here; "
                             f"Waymark reads at most {MAX_DEPTH} levels: flatten them")
        abbreviations += bool(ABBREVIATION.match(line))
        if abbreviations > MAX_ABBREVIATIONS:
            raise TooComplex(locate.body_line + number,
                             f"more than {MAX_ABBREVIATIONS} abbreviations (*[...]: lines) in "
                             f"one file: keep the ones readers need")


ABBREVIATION = re.compile(r"\s*\*\[[^\]]*\]:")
OPEN_TAG = re.compile(r"<[A-Za-z/!?][^<>]*(?=<|$)")  # the next '<' (or the end) before any '>'
_MARKERS = re.compile(r"(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))*")


def _depth(line):
    """How many blocks a line sits in: its indentation in steps of four, and
    the list and quote markers it begins with (`- - > x` is three deep)."""
    line = line.expandtabs(4)
    indent = len(line) - len(line.lstrip(" "))
    markers = _MARKERS.match(line, indent).group()
    if not line[indent + len(markers):].strip():
        markers = ""  # a rule such as '* * *', or an empty line: nothing opens
    return indent // 4 + len(re.findall(r">|[-*+]|\d+[.)]", markers))


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
    """Rewrites `.md` links to the page they name and reports missing
    targets; takes out images from other sites; reports ids given twice."""

    def __init__(self, page_path, page_exists, locate, error, warning):
        super().__init__()
        self.page_path, self.page_exists, self.locate = page_path, page_exists, locate
        self.error, self.warning = error, warning
        self.anchors = []  # (target, fragment, href): checked once every page is rendered

    def report(self, needle, message):
        self.error(self.locate(needle), message)

    def extendMarkdown(self, md):
        # Before inline parsing (20), which is what slows down on unclosed brackets.
        md.treeprocessors.register(_CountBrackets(md, self), "waymark_brackets", 30)
        md.treeprocessors.register(_LinkRewriter(md, self), "waymark_links", 1)


class _CountBrackets(Treeprocessor):
    """Refuses a paragraph, list item or cell with too many '['."""

    def __init__(self, md, ext):
        super().__init__(md)
        self.ext = ext

    def run(self, root):
        for element in root.iter():
            for text in (element.text, element.tail):
                if text and text.count("[") > MAX_BRACKETS:
                    raise TooComplex(self.ext.locate(text.strip().splitlines()[0][:40]),
                                     f"more than {MAX_BRACKETS} '[' in one paragraph: "
                                     f"split it, or remove stray brackets")


class _LinkRewriter(Treeprocessor):
    def __init__(self, md, ext):
        super().__init__(md)
        self.ext = ext

    def run(self, root: etree.Element):
        self.ids = self.check_ids(root)
        self.remove_remote_images(root)
        for link in root.iter("a"):
            href = link.get("href")
            if link.get("class") == "footnote-backref" and href[1:] not in self.ids:
                name = href.partition(":")[2]  # '#fnref:2': the note is never referred to
                self.ext.report(f"[^{name}]:", f"the footnote [^{name}] is not used in the "
                                               f"text: add [^{name}] where it belongs, or remove it")
            elif href is not None:
                link.set("href", self.rewrite(href))

    def check_ids(self, root):
        """The ids on the page; an id given twice would send links astray."""
        first = {}
        for element in root.iter():
            name = element.get("id")
            if name is None:
                continue
            if name in first:
                lines = self.ext.locate.all(re.compile(rf"#{re.escape(name)}(?![\w-])"))
                line = lines[1] if len(lines) > 1 else None
                where = f" (first on line {lines[0]})" if lines else ""
                self.ext.error(line, f"the id '{name}' is used twice on this page{where}: "
                                     f"give each heading its own id")
            first.setdefault(name, element)
        return set(first)

    def remove_remote_images(self, root):
        parents = {child: parent for parent in root.iter() for child in parent}
        for image in list(root.iter("img")):
            src = image.get("src") or ""
            if _is_remote(src):
                self.ext.warning(self.ext.locate(src), f"removed the image '{src}': pages "
                                                        f"load nothing from other sites")
                _remove(image, parents[image])

    def rewrite(self, href):
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            return href  # external: the audit judges it
        if not parts.path:
            # Footnotes and ids given in the text are in this page already.
            if parts.fragment and parts.fragment not in self.ids:
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


def _remove(element, parent):
    """Take `element` out of `parent`, keeping the text that follows it."""
    index = list(parent).index(element)
    if element.tail:
        if index:
            parent[index - 1].tail = (parent[index - 1].tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _is_remote(url):
    """Whether a browser would fetch `url` from another host: it has a scheme,
    or starts with two slashes (browsers read '\\' as '/' and skip spaces)."""
    url = re.sub(r"[\x00-\x20]", "", url).replace("\\", "/")
    return url.startswith("//") or bool(urlsplit(url).scheme)


def _no_remote_src(tag, attribute, value):
    """nh3's last word on raw HTML: an image from elsewhere loses its source
    (from file:// a `//host/x.png` would reach a network share)."""
    if tag == "img" and attribute == "src" and _is_remote(value):
        return None
    return value


def _own_images(sources, page_path, find_file, locate, error):
    """(file, path from the language folder) of each local image on the page."""
    found = []
    for src in dict.fromkeys(sources):
        parts = urlsplit(src)
        if not parts.path or _is_remote(src):
            continue  # removed, with a warning
        if parts.path.startswith("/"):
            error(locate(src), f"the image '{src}': give its path from this file, such as "
                               f"'map.png' (a path from the site's root breaks on a USB copy)")
            continue
        rel = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), unquote(parts.path)))
        if rel == ".." or rel.startswith("../"):
            error(locate(src), f"the image '{src}' is outside this language's folder: "
                               f"put it beside the page")
        elif posixpath.splitext(rel)[1].lower() not in IMAGE_TYPES:
            error(locate(src), f"the image '{src}' is not a picture a browser shows: use "
                               f"{', '.join(sorted(IMAGE_TYPES))}")
        elif (file := find_file(rel)) is None:
            error(locate(src), f"the image '{src}' is missing: put the file beside this page "
                               f"({rel} in this language's folder)")
        else:
            found.append((file, rel))
    return found


def audit(html):
    """The audit of `html`: `found`, (needle, message) for each unsafe thing
    (the needle finds the line), and `images`, every image source."""
    auditor = _Auditor()
    auditor.feed(html)
    auditor.close()
    return auditor


class _Auditor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found, self.images = [], []

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
            elif tag == "img" and name == "src" and _is_remote(value):
                self.found.append((value, f"removed the image '{value}': pages load "
                                          f"nothing from other sites"))
            elif tag == "img" and name == "src":
                self.images.append(value)


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

    def all(self, pattern):
        """Every line that `pattern` (a compiled regex) matches."""
        return [self.body_line + number for number, line in enumerate(self.lines)
                if pattern.search(line)]
