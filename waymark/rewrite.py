"""Built pages copied with their links changed, for the editions made from them.

The single file and the Kiwix book are made from the pages the freeze
wrote, so that they show exactly what the site shows. A `Copy` passes a
page through token by token: each link (`href`, `src`, `action`) is handed
to a function that says what it becomes (or None to drop the attribute),
whole elements can be left out, and ids can be renamed together with the
attributes that refer to them. Text, entities and all other markup pass
through as they were written.
"""
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
import re

LINKS = ("href", "src", "action")
ID_REFS = ("for", "aria-labelledby", "aria-describedby", "aria-controls", "headers", "list")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "source", "track", "wbr"}


@dataclass
class Page:
    """What a copy found in a page, besides its rewritten markup."""

    html: str
    title: str = ""
    ids: set = field(default_factory=set)  # the ids in the copy, as renamed


def copy(html, *, link=lambda attr, value: value, leave_out=lambda tag, attrs: False,
         rename=None, inside=None):
    """Copy `html`: `link(attr, value)` gives each link's new value (None
    drops it), `leave_out(tag, attrs)` drops an element with its content,
    `rename(id)` renames ids and the references to them; `inside="main"`
    keeps only what is inside the first <main> element."""
    parser = _Copy(link, leave_out, rename, inside)
    parser.feed(_title_and_element(html, inside) if inside else html)
    parser.close()
    return Page("".join(parser.out), unescape(parser.title.strip()), parser.ids)


def _title_and_element(html, tag):
    """Only the page's <title> and its first `tag` element onwards: a
    copy of the guide's <main> need not read the head's styles and the
    language menu of every page (most of the parsing, with many languages)."""
    start = re.search(rf"<{tag}[\s>]", html)
    if start is None:
        return html
    title = re.search(r"<title>.*?</title>", html[:start.start()], flags=re.S | re.I)
    return (title.group(0) if title else "") + html[start.start():]


class _Copy(HTMLParser):
    def __init__(self, link, leave_out, rename, inside):
        super().__init__(convert_charrefs=False)
        self.link, self.leave_out, self.rename, self.inside = link, leave_out, rename, inside
        self.out, self.title, self.ids = [], "", set()
        self.dropping = None  # [tag, depth] of the element being left out
        self.depth_inside = 0 if inside else 1  # > 0 while inside the kept element
        self.in_title = False

    def _emit(self, text):
        if self.dropping is None and self.depth_inside > 0:
            self.out.append(text)

    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs, "")

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs, " /")
        if tag not in VOID:
            self.handle_endtag(tag)

    def _start(self, tag, attrs, close):
        if tag == "title":
            self.in_title = True
        if self.dropping is not None:
            if tag == self.dropping[0] and tag not in VOID:
                self.dropping[1] += 1
            return
        if self.inside and tag == self.inside:
            self.depth_inside += 1
            if self.depth_inside == 1:
                return  # the kept element's own tag stays behind
        if self.depth_inside <= 0:
            return
        if self.leave_out(tag, dict(attrs)):
            if tag not in VOID and not close:
                self.dropping = [tag, 1]
            return
        self._emit(f"<{tag}{self._attrs(attrs)}{close}>")

    def _attrs(self, attrs):
        out = []
        for name, value in attrs:
            if value is not None and name in LINKS:
                value = self.link(name, value)
                if value is None:
                    continue
            elif value is not None and self.rename and name == "id":
                value = self.rename(value)
                self.ids.add(value)
            elif value is not None and self.rename and name in ID_REFS:
                value = " ".join(self.rename(part) for part in value.split())
            out.append(f" {name}" if value is None else f' {name}="{_quoted(value)}"')
        return "".join(out)

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if self.dropping is not None:
            if tag == self.dropping[0]:
                self.dropping[1] -= 1
                if self.dropping[1] == 0:
                    self.dropping = None
            return
        if self.inside and tag == self.inside:
            self.depth_inside -= 1
            if self.depth_inside == 0:
                self.inside = "\0"  # only the first such element
                return
        self._emit(f"</{tag}>")

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        self._emit(data)

    def handle_entityref(self, name):
        if self.in_title:
            self.title += f"&{name};"
        self._emit(f"&{name};")

    def handle_charref(self, name):
        if self.in_title:
            self.title += f"&#{name};"
        self._emit(f"&#{name};")

    def handle_decl(self, decl):
        self._emit(f"<!{decl}>")

    def handle_comment(self, data):
        pass  # comments are for the templates' readers (and the preview server's marker)


def _quoted(value):
    return value.replace("&", "&amp;").replace('"', "&quot;")
