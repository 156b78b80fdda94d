"""Freezing: every page in every language, written as static files.

We list every URL ourselves and switch off Frozen-Flask's recording of
`url_for` calls: replayed later in another page's context, those produce
pages in the wrong language. After freezing, every link in every page is
followed, so a broken link fails the build rather than a reader.
"""
from html.parser import HTMLParser
import posixpath
from urllib.parse import unquote, urlsplit

from flask_frozen import Freezer

from . import assets, kinds
from .search.analysis import stemmer_code
from .views import endpoint_for


def urls(site):
    """(endpoint, values) for every file of the site: the site pages, every
    content page in every language, the static files."""
    for page in kinds.SITE_PAGES:
        if not page.per_language:
            yield page.endpoint, {}
    for lang in site.languages:
        for page in kinds.SITE_PAGES:
            if page.per_language:
                yield page.endpoint, {"lang": lang.code}
        yield "pages.manifest", {"lang": lang.code}
        for entry in site.entries:
            yield endpoint_for(entry, lang.code)
    stemmers = {f"search/stem-{stemmer_code(lang.code)}.js" for lang in site.languages}
    for filename in assets.files(site.config):
        if not filename.startswith("search/stem-") or filename in stemmers:
            yield "static", {"filename": filename}  # no stemmer that no language uses


def freeze(app, site, destination, problems):
    """Freeze into `destination`; return the number of files written."""
    app.config.update(FREEZER_DESTINATION=str(destination),
                      FREEZER_REMOVE_EXTRA_FILES=False)
    freezer = Freezer(app, with_no_argument_rules=False, with_static_files=False,
                      log_url_for=False)
    freezer.register_generator(lambda: urls(site))
    try:
        frozen = freezer.freeze()
    except Exception as error:  # a template or view bug: report, do not crash
        problems.error(destination, None, f"freezing failed: {type(error).__name__}: {error}")
        return 0
    check_links(destination, problems, urlsplit(site.config.base_url).path or "/")
    return len(frozen)


def check_links(root, problems, prefix="/"):
    """Every relative link and asset of every page points to a built file;
    so do links from the site's address `prefix` (the 404 page has them)."""
    for page in sorted(root.rglob("*.html")):
        rel = page.relative_to(root).as_posix()
        finder = _Links()
        finder.feed(page.read_text(encoding="utf-8"))
        for target in finder.targets:
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            if parts.path.startswith(prefix):
                path = posixpath.normpath(unquote(parts.path[len(prefix):]) or "index.html")
            else:
                path = posixpath.normpath(posixpath.join(posixpath.dirname(rel),
                                                         unquote(parts.path)))
            if path.startswith("..") or not (root / path).is_file():
                problems.error(f"(built page) {rel}", None, f"it links to '{target}', "
                                           f"which was not built")


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.targets = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.targets.append(value)
