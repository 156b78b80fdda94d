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

from .files import image_paths
from .views import endpoint_for


def urls(site):
    """(endpoint, values) for every page of the site."""
    yield "pages.chooser", {}
    yield "pages.status", {}
    for lang in site.languages:
        yield "pages.home", {"lang": lang.code}
        yield "pages.manifest", {"lang": lang.code}
        yield "pages.search", {"lang": lang.code}
        for entry in site.entries:
            yield endpoint_for(entry, lang.code)


def freeze(app, site, destination, problems):
    """Freeze into `destination`; return the number of files written."""
    app.config.update(FREEZER_DESTINATION=str(destination),
                      FREEZER_REMOVE_EXTRA_FILES=False)
    freezer = Freezer(app, with_no_argument_rules=False, log_url_for=False)
    freezer.register_generator(lambda: urls(site))
    try:
        frozen = freezer.freeze()
    except Exception as error:  # a template or view bug: report, do not crash
        problems.error(destination, None, f"freezing failed: {type(error).__name__}: {error}")
        return 0
    check_links(destination, problems, also=image_paths(site))
    return len(frozen)


def check_links(root, problems, also=()):
    """Every relative link and asset of every page points to a built file,
    or to one of `also`, the files the build adds after freezing."""
    for page in sorted(root.rglob("*.html")):
        rel = page.relative_to(root).as_posix()
        finder = _Links()
        finder.feed(page.read_text(encoding="utf-8"))
        for target in finder.targets:
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            path = posixpath.normpath(posixpath.join(posixpath.dirname(rel), unquote(parts.path)))
            if path.startswith("..") or not ((root / path).is_file() or path in also):
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
