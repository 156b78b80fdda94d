"""Freezing: every page in every language, written as static files.

We list every URL ourselves and switch off Frozen-Flask's recording of
`url_for` calls: replayed later in another page's context, those produce
pages in the wrong language. After freezing, every link in every page is
followed, so a broken link fails the build rather than a reader.

A page a build has made before, from the same inputs, comes from the cache
(`cache.Store`) instead of being rendered again. Its key holds what pages
can show: Waymark's code and templates, the settings, the catalogues and
the site's structure (every page); the titles, summaries and states of
every page in its language (menus, lists, next and previous); and its own
files (the page itself), or for the status page every file's state. Static
files are written with the bytes their published names were made from.
Every file goes into the staging folder through `staged`, so that one the
last build published unchanged is not written again.
"""
from html.parser import HTMLParser
import posixpath
import warnings
from urllib.parse import unquote, urlsplit

from flask import url_for
from flask_frozen import Freezer, MissingURLGeneratorWarning

from . import assets, cache, kinds, parallel, publish, staged
from .files import image_paths
from .search.analysis import stemmer_code
from .views import endpoint_for


def urls(site):
    """(endpoint, values) for every file of the site: the site pages, every
    content page in every language, the static files (by their own names;
    `freeze` publishes them under their hashed ones)."""
    pages = [page for page in kinds.SITE_PAGES if page.wanted(site)]
    for page in pages:
        if not page.per_language:
            yield page.endpoint, {}
    for lang in site.languages:
        for page in pages:
            if page.per_language:
                yield page.endpoint, {"lang": lang.code}
        yield "pages.manifest", {"lang": lang.code}
        for entry in site.entries:
            yield endpoint_for(entry, lang.code)
    stemmers = {f"search/stem-{stemmer_code(lang.code)}.js" for lang in site.languages}
    for filename in assets.files(site.config):
        if not filename.startswith("search/stem-") or filename in stemmers:
            yield "static", {"filename": filename}  # no stemmer that no language uses


def freeze(app, site, destination, problems, store=None):
    """Freeze into `destination`; return the number of files written."""
    return _freeze(app, site, destination, problems, store, None, None)[0]


def refreeze(app, site, destination, problems, store, pages, salts):
    """Freeze `pages` (endpoint, values) again, now that they show more
    (`salts`: by language, what more they show, such as the size of the
    language's single file); return the paths of those rendered rather than
    taken from `store`."""
    return _freeze(app, site, destination, problems, store, pages, salts)[1]


def _freeze(app, site, destination, problems, store, only, salts):
    """(files written, paths of the pages rendered rather than reused)."""
    store = store or cache.Store()
    app.config.update(FREEZER_DESTINATION=str(destination),
                      FREEZER_REMOVE_EXTRA_FILES=False)
    # Every static file's published name, before the pages that name them
    # (and before the freeze forks: each process finds them made).
    names = assets.published_names(app)
    wanted = list(urls(site) if only is None else only)
    keys = page_keys(app, site, wanted, salts)
    todo, reused = [], 0
    for endpoint, values in wanted:
        if endpoint == "static":  # written as made for its name, not rendered again
            path = f"static/{names[values['filename']]}"
            data = assets.published_data(app, values["filename"])
        else:
            path, key = keys.get((endpoint, _frozen(values)), (None, None))
            data = store.get("page", key) if key else None
        if data is None:
            todo.append((endpoint, values))
            if path:  # (a page frozen before in this build, now showing more)
                staged.make_room(destination, path)
        else:
            staged.put(destination, path, data)
            reused += 1
    parts = parallel.run(freeze_pages, app, [(part,) for part in parallel.chunks(todo)])
    for error, _, links in parts:
        if error:  # a template or view bug: report, do not crash
            problems.error(destination, None, f"freezing failed: {error}")
            return 0, []
        for page, targets in links.items():
            app.extensions.setdefault("waymark_links", {}).setdefault(page, set()).update(targets)
    frozen = sum(count for _, count, _ in parts)
    rendered = [keys[endpoint, _frozen(values)] for endpoint, values in todo
                if (endpoint, _frozen(values)) in keys]
    errors_before = len(problems.errors)
    # Pages from the cache passed this check when they were made, against the
    # same set of pages (the site's structure is in every key).
    check_recorded_links(app, destination, problems, image_paths(site))
    if len(problems.errors) == errors_before:
        for path, key in rendered:
            data = (destination / path).read_bytes()
            store.put("page", key, data)
            staged.written(destination, path, data)
    return frozen + reused, [path for path, _ in rendered]


def freeze_pages(app, pages):
    """Freeze `pages` (endpoint, values); (error or "", files written, the
    links the templates made), so that a part frozen in another process
    reports back."""
    app.extensions.pop("waymark_links", None)
    freezer = Freezer(app, with_no_argument_rules=False, with_static_files=False,
                      log_url_for=False)
    freezer.register_generator(lambda: pages)
    try:
        with warnings.catch_warnings():
            # A page kind a site does not have (no contacts) freezes nothing, rightly.
            warnings.simplefilter("ignore", MissingURLGeneratorWarning)
            frozen = freezer.freeze()
    except Exception as error:
        return f"{type(error).__name__}: {error}", 0, {}
    return "", len(frozen), app.extensions.pop("waymark_links", {})


def _frozen(values):
    return tuple(sorted(values.items()))


def paths(app, pages):
    """The built file of each (endpoint, values), relative to the build."""
    with app.test_request_context():
        return [unquote(url_for(endpoint, **values)).lstrip("/") or "index.html"
                for endpoint, values in pages]


def page_keys(app, site, wanted=None, salts=None):
    """{(endpoint, values): (file path in the build, cache key)} of the pages
    (of `wanted`, else all) that can come from the cache (not static files,
    which are only copied); `salts` holds, by language, what else its pages
    depend on."""
    config = site.config
    everything = cache.digest(
        cache.code_version(), repr(config), [(e.path, e.kind.name) for e in site.entries],
        [section.path for section in site.sections],
        repr(site.contacts), ui_strings(app),
        cache.files_digest(config.overrides) if config.overrides else "",
        cache.files_digest(config.logo.parent, config.logo.name) if config.logo else "",
        sorted(assets.published_names(app).items()))
    codes = [lang.code for lang in site.languages]
    in_language = {code: cache.digest(everything, [_listed(entry, code) for entry in site.entries])
                   for code in codes}
    keys = {}
    with app.test_request_context():
        for endpoint, values in urls(site) if wanted is None else wanted:
            if endpoint == "static":
                continue
            url = url_for(endpoint, **values)
            path = unquote(url).lstrip("/") or "index.html"
            code = values.get("lang")
            entry = _entry_of(site, endpoint, values)
            parts = [in_language.get(code, everything), url, (salts or {}).get(code, "")]
            if entry is not None:
                parts.append(_own(entry, code, codes))
            if endpoint == "pages.status":
                parts.append(_status(app))
            keys[endpoint, _frozen(values)] = (path, cache.digest(*parts))
    return keys


def ui_strings(app):
    """The UI strings of every language, as the pages get them."""
    return {code: sorted(map(repr, getattr(translations, "_catalog", {}).items()))
            for code, translations in app.extensions.get("waymark_ui", {}).items()}


def _listed(entry, code):
    """What other pages show of `entry` in language `code`. (Whether it is
    outdated shows on its own page only: a changed source must not redo
    every page of every language that translates it.)"""
    shown = entry.shown(code)
    return [entry.path, shown.doc.lang, shown.doc.title, shown.doc.meta.get("summary"),
            shown.missing, shown.draft]


def _own(entry, code, codes):
    """What the page of `entry` in `code` shows of itself: its file, as
    rendered, whether it is outdated and what it borrows from its source's
    front matter (a date, sources), and its state in every language (the
    language menu). (Not the source's text: a translation that is outdated
    already stays as it is when its source changes again.)"""
    shown = entry.shown(code)
    return [shown.doc.revision, shown.doc.html, shown.outdated, entry.source.meta,
            [(entry.shown(other).missing, entry.shown(other).draft) for other in codes]]


def _status(app):
    """What the status page shows: each language's counts, and the files
    it lists by their titles."""
    return [(row.lang.code, len(row.done), row.ui_done, row.ui_total,
             [[(entry.path, entry.source.title) for entry in getattr(row, state)]
              for state in ("draft", "outdated", "missing")])
            for row in app.extensions.get("waymark_status", ())]


def _entry_of(site, endpoint, values):
    for kind in kinds.CONTENT_KINDS:
        if kind.endpoint == endpoint:
            return site.find(kind.path_for({k: v for k, v in values.items() if k != "lang"}))
    return None


def check_recorded_links(app, root, problems, also=()):
    """Every link the templates made (views.url notes them) leads to a file
    of the build or to one of `also`; links inside guides were checked when
    they were rendered (markup.GuideLinks)."""
    built = set(also) | set(publish.files_in(root))  # (one walk, not a look per link)
    for page, targets in sorted(app.extensions.pop("waymark_links", {}).items()):
        for target in sorted(targets):
            path = unquote(target).lstrip("/")
            path = path + "index.html" if path.endswith("/") or not path else path
            if path not in built:
                problems.error(f"(built page) {page.lstrip('/') or 'index.html'}", None,
                               f"it links to '{target}', which was not built")


def check_links(root, problems, prefix="/", also=(), pages=None):
    """Every relative link and asset of every page (or of `pages`) points to
    a built file, or to one of `also`, the files the build adds after
    freezing (the guides' images); so do links from the site's address
    `prefix` (the 404 page)."""
    for page in sorted(root.rglob("*.html") if pages is None else pages):
        if page.suffix != ".html":
            continue
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
