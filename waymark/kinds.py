"""The kinds of page a site has, each declared once.

A content kind says which files are its pages (a path rule), what their
front matter may hold (a schema), where each page is published (a URL rule),
which template shows it and whether search indexes it. The loader
(`content`), the views, the freezer and the search index all read these
declarations, so a new kind is one entry here and a template.

Site pages are the pages that no content file makes: the language chooser,
each language's home and search page, the status page, the manifest.
"""
from dataclasses import dataclass
import re

from . import frontmatter


@dataclass(frozen=True)
class Kind:
    name: str  # also the endpoint: "pages.<name>"
    path: str  # the files, relative to a language folder: "{section}/{slug}.md"
    url: str  # the page, relative to the language folder: "{section}/{slug}.html"
    template: str
    schema: str  # the front matter schema's name in frontmatter.SCHEMAS
    searchable: bool

    @property
    def endpoint(self):
        return f"pages.{self.name}"

    @property
    def route(self):
        return "/<lang>/" + re.sub(r"\{(\w+)\}", r"<\1>", self.url)

    def values(self, path):
        """The URL values of a content path, or None when it is not this kind's."""
        found = _pattern(self.path).fullmatch(path)
        return found.groupdict() if found else None

    def page_url(self, path):
        return self.url.format(**self.values(path))

    def path_for(self, values):
        """The content path of the page at these URL values."""
        return self.path.format(**values)


# A name part: no slash, and not starting with "_" or "." (those are the
# site's own files, such as a section's _index.md).
_PART = r"[^/_.][^/]*?"

CONTENT_KINDS = (
    Kind("section", path="{section}/_index.md", url="{section}/index.html",
         template="section.html", schema="section", searchable=False),
    Kind("guide", path="{section}/{slug}.md", url="{section}/{slug}.html",
         template="guide.html", schema="guide", searchable=True),
    Kind("page", path="{slug}.md", url="{slug}.html",
         template="guide.html", schema="page", searchable=True),
)
assert all(kind.schema in frontmatter.SCHEMAS for kind in CONTENT_KINDS)


@dataclass(frozen=True)
class SitePage:
    name: str  # the endpoint is "pages.<name>"
    url: str  # relative to the language folder when per_language, else to the site
    template: str
    per_language: bool
    needs: str = ""  # a Site attribute the page shows; no page when it is empty

    def wanted(self, site):
        return not self.needs or bool(getattr(site, self.needs))

    @property
    def endpoint(self):
        return f"pages.{self.name}"

    @property
    def route(self):
        return ("/<lang>/" if self.per_language else "/") + self.url


SITE_PAGES = (
    SitePage("chooser", "index.html", "chooser.html", per_language=False),
    SitePage("not_found", "404.html", "404.html", per_language=False),
    SitePage("status", "status.html", "status.html", per_language=False),
    SitePage("home", "index.html", "home.html", per_language=True),
    SitePage("search", "search.html", "search.html", per_language=True),
    # Every guide to print, with how (see the print styles in style.css).
    SitePage("print", "print.html", "print.html", per_language=True),
    SitePage("contacts", "contacts.html", "contacts.html", per_language=True, needs="contacts"),
    # What the service worker shows, offline, for a page in a language this
    # phone has not saved (see site/sw.js).
    SitePage("not_saved", "not-saved.html", "not-saved.html", per_language=True),
)
# Names a page file may not take, because a site page or file has it.
RESERVED = {page.url.rsplit(".", 1)[0] for page in SITE_PAGES} | {"manifest", "sw", "static"}


def kind_of(path):
    """The content kind of a path relative to a language folder, or None."""
    return next((kind for kind in CONTENT_KINDS if kind.values(path) is not None), None)


def _pattern(rule, cache={}):
    if rule not in cache:
        regex = re.sub(r"\\\{(\w+)\\\}", lambda m: f"(?P<{m.group(1)}>{_PART})", re.escape(rule))
        cache[rule] = re.compile(regex)
    return cache[rule]
