"""The pages of the site, as Flask views.

Every URL ends in `.html` (or is the bare `/`), and templates link with
`url()`, which gives paths relative to the page, so the frozen folder works
from a USB stick. The routes come from the declarations in `kinds`: one
view shows every content kind, one every site page. Views 404 on anything
the content does not have, so a bad link fails the build instead of
freezing a wrong page.
"""
from functools import lru_cache, partial
import json
import posixpath
from urllib.parse import urlsplit

from flask import Blueprint, abort, current_app, g, render_template, request, url_for
import flask_babel

from . import __version__, assets, kinds
from .config import CONTENT_LICENCES
from .search.analysis import stemmer_code

bp = Blueprint("pages", __name__)


@bp.url_value_preprocessor
def pick_language(endpoint, values):
    """Read the language from the URL, before anything is rendered."""
    code = (values or {}).get("lang")
    g.pop("absolute", None)  # (one app context holds every frozen page: see show_site_page)
    config = site().config
    g.lang = config.language(code) if code else config.language(config.default_language)
    if g.lang is None:
        abort(404)
    # Frozen-Flask renders all pages in one app context; without this the
    # first page's language would stick to every page.
    flask_babel.refresh()


def translations():
    """The UI strings of the page being rendered (see `catalogs.load_all`)."""
    return current_app.extensions["waymark_ui"].get(g.lang.code) if "lang" in g else None


def site():
    return current_app.extensions["waymark"]


def show_entry(kind, lang, **values):
    """A section, guide or page: whatever content kind `kind` declares."""
    entry = site().find(kind.path_for(values))
    if entry is None or entry.kind is not kind:
        abort(404)
    return render_template(kind.template, entry=entry, shown=entry.shown(lang),
                           **common(path=entry.url, entry=entry))


def show_site_page(page, lang=None):
    if not page.wanted(site()):
        abort(404)
    if page.name == "not_found":
        # Hosts show 404.html at any depth of the site, so its links start
        # from the site's own address (the path of base_url, or the root).
        g.absolute = urlsplit(site().config.base_url).path or "/"
    context = common(path=page.url)
    if page.name == "status":
        context["rows"] = current_app.extensions["waymark_status"]
    if page.name == "search":  # the page names its stemmer for search.js
        context["stemmer"] = stemmer_code(g.lang.code)
    return render_template(page.template, **context)


for _kind in kinds.CONTENT_KINDS:
    bp.add_url_rule(_kind.route, _kind.name, partial(show_entry, _kind))
for _page in kinds.SITE_PAGES:
    _view = partial(show_site_page, _page)
    bp.add_url_rule(_page.route, _page.name, _view)
    if _page.name == "chooser":
        bp.add_url_rule("/", _page.name, _view)  # the bare address of the site


@bp.route("/<lang>/manifest.webmanifest")
def manifest(lang):
    """The installable-app description, in the reader's language."""
    config = site().config
    icons = [{"src": url("static", filename=f"icons/icon-{size}.png"),
              "sizes": f"{size}x{size}", "type": "image/png", "purpose": "any maskable"}
             for size in (192, 512)]
    data = {"name": config.name_in(lang), "short_name": config.name_in(lang),
            "description": ui_text("Know your rights, even without signal."),
            "lang": lang, "dir": g.lang.dir, "start_url": "index.html", "scope": "../",
            "display": "standalone", "background_color": "#ffffff",
            "theme_color": config.theme_colour, "icons": icons}
    if config.base_url:
        data["id"] = f"{config.base_url}{lang}/index.html"
    return current_app.response_class(json.dumps(data, ensure_ascii=False, indent=1),
                                      mimetype="application/manifest+json")


def ui_text(text, **values):
    """A UI string in the page's language, for Python code (not escaped)."""
    translated = translations().gettext(text) if translations() else text
    return translated % values if values else translated


def in_every_language(text):
    """[(Language, text)]: a UI string in each of the site's languages, each
    wording once (a language that falls back to another's shows it), for
    the pages that speak to every reader at once (the language chooser)."""
    seen, found = set(), []
    for lang in site().config.languages:
        strings = current_app.extensions["waymark_ui"].get(lang.code)
        translated = strings.gettext(text) if strings else text
        if translated not in seen:
            seen.add(translated)
            found.append((lang, translated))
    return found


def url(endpoint, **values):
    """A link relative to the current page, as the frozen site needs (what
    Frozen-Flask's relative_url_for gives, remembered: pages link the same
    few hundred addresses thousands of times); a static file's link names
    it as published, with its hash (`assets.published_name`). Each link is
    noted for the freezer's check that it leads to a built file."""
    known = current_app.extensions.setdefault("waymark_urls", {})
    key = (endpoint, tuple(sorted(values.items())))
    if key not in known:
        if endpoint == "static":  # the name that carries the file's hash
            values = {**values, "filename": assets.published_name(current_app, values["filename"])}
        known[key] = url_for(endpoint, **values)
    target = known[key]
    current_app.extensions.setdefault("waymark_links", {}).setdefault(
        request.path, set()).add(target)
    if "absolute" in g:
        return g.absolute + target.lstrip("/")
    here = request.path if request.path.endswith("/") else posixpath.dirname(request.path)
    return _relative(target, here)


@lru_cache(maxsize=100_000)
def _relative(target, here):
    return posixpath.relpath(target + "index.html" if target.endswith("/") else target, here)


def url_of(entry, code):
    """The link from the current page to `entry` in language `code`."""
    endpoint, values = endpoint_for(entry, code)
    return url(endpoint, **values)


def common(path, entry=None):
    """What every page template needs: language, menus, links to itself elsewhere."""
    config = site().config
    depth = request.path.strip("/").count("/") if request.path != "/" else 0
    return {
        "lang": g.lang,
        "languages": config.languages,
        "site_name": config.name_in(g.lang.code),
        "site": site(),
        "config": config,
        "version": __version__,
        "root": "../" * depth or "./",
        "canonical": f"{config.base_url}{request.path.lstrip('/')}" if config.base_url else "",
        "other_languages": [(lang, _same_page(lang.code, entry), _state(entry, lang.code))
                            for lang in config.languages],
        "theme_colour": config.theme_colour,
        "logo": assets.logo_name(config),
        "licence": CONTENT_LICENCES.get(config.content_licence),
    }


def _same_page(code, entry):
    if entry is None:
        return url("pages.home", lang=code)
    return url_of(entry, code)


def endpoint_for(entry, code):
    """(endpoint, values) that url_for takes to reach `entry` in language `code`."""
    endpoint, values = entry.endpoint
    return endpoint, {"lang": code, **values}


def _state(entry, code):
    """'' when the page is in that language, else a word for the switcher."""
    if entry is None:
        return ""
    shown = entry.shown(code)
    if shown.missing:
        return "missing"
    return "draft" if shown.draft else ""
