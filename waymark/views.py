"""The pages of the site, as Flask views.

Every URL ends in `.html` (or is the bare `/`), and templates link with
`url()`, which gives paths relative to the page, so the frozen folder works
from a USB stick. Views 404 on anything the content does not have, so a bad
link fails the build instead of freezing a wrong page.
"""
import json

from flask import Blueprint, abort, current_app, g, render_template, request
import flask_babel
from flask_babel import gettext as _
from flask_frozen import relative_url_for

bp = Blueprint("pages", __name__)
THEME_COLOUR = "#0c5c58"  # the top bar's colour, also the installed app's


@bp.url_value_preprocessor
def pick_language(endpoint, values):
    """Read the language from the URL, before anything is rendered."""
    code = (values or {}).get("lang")
    site = current_app.extensions["waymark"]
    g.lang = site.config.language(code) if code else site.config.language(
        site.config.default_language)
    if g.lang is None:
        abort(404)
    # Frozen-Flask renders all pages in one app context; without this the
    # first page's language would stick to every page.
    flask_babel.refresh()


def site():
    return current_app.extensions["waymark"]


@bp.route("/")
@bp.route("/index.html")
def chooser():
    return render_template("chooser.html", **common(path="index.html"))


@bp.route("/<lang>/index.html")
def home(lang):
    return render_template("home.html", **common(path="index.html"))


@bp.route("/<lang>/<section>/index.html")
def section(lang, section):
    entry = site().find(f"{section}/_index.md") or abort(404)
    return render_template("section.html", entry=entry, shown=entry.shown(lang),
                           **common(path=entry.url, entry=entry))


@bp.route("/<lang>/<section>/<slug>.html")
def guide(lang, section, slug):
    entry = site().find(f"{section}/{slug}.md") or abort(404)
    parent = site().find(f"{section}/_index.md")
    return render_template("guide.html", entry=entry, shown=entry.shown(lang),
                           parent=parent, **common(path=entry.url, entry=entry))


@bp.route("/<lang>/<slug>.html")
def page(lang, slug):
    entry = site().find(f"{slug}.md") or abort(404)
    return render_template("guide.html", entry=entry, shown=entry.shown(lang),
                           parent=None, **common(path=entry.url, entry=entry))


@bp.route("/<lang>/search.html")
def search(lang):
    """The search page: a plain list of every guide until the script (or the
    preview server) puts results in it."""
    return render_template("search.html", **common(path="search.html"))


@bp.route("/<lang>/not-saved.html")
def not_saved(lang):
    """What the service worker shows, offline, for a page in a language this
    phone has not saved (see site/sw.js)."""
    return render_template("not-saved.html", **common(path="not-saved.html"))


@bp.route("/status.html")
def status():
    """How far each translation is, for translators, readable offline."""
    return render_template("status.html", rows=current_app.config.get("WAYMARK_STATUS", []),
                           **common(path="status.html"))


@bp.route("/<lang>/manifest.webmanifest")
def manifest(lang):
    """The installable-app description, in the reader's language."""
    icons = [{"src": url("static", filename=f"icons/icon-{size}.png"),
              "sizes": f"{size}x{size}", "type": "image/png", "purpose": "any maskable"}
             for size in (192, 512)]
    data = {"name": site().config.name, "short_name": site().config.name,
            "description": _("Know your rights, even without signal."),
            "lang": lang, "dir": g.lang.dir, "start_url": "index.html", "scope": "../",
            "display": "standalone", "background_color": "#ffffff",
            "theme_color": THEME_COLOUR, "icons": icons}
    return current_app.response_class(json.dumps(data, ensure_ascii=False, indent=1),
                                      mimetype="application/manifest+json")


def url(endpoint, **values):
    """A link relative to the current page, as the frozen site needs."""
    return relative_url_for(endpoint, **values)


def common(path, entry=None):
    """What every page template needs: language, menus, links to itself elsewhere."""
    config = site().config
    depth = request.path.strip("/").count("/") if request.path != "/" else 0
    return {
        "lang": g.lang,
        "languages": config.languages,
        "site_name": config.name,
        "site": site(),
        "root": "../" * depth or "./",
        "other_languages": [(lang, _same_page(lang.code, entry), _state(entry, lang.code))
                            for lang in config.languages],
        "theme_colour": THEME_COLOUR,
    }


def _same_page(code, entry):
    if entry is None:
        return url("pages.home", lang=code)
    endpoint, values = endpoint_for(entry, code)
    return url(endpoint, **values)


def endpoint_for(entry, code):
    """(endpoint, values) that url_for takes to reach `entry` in language `code`."""
    section, _, rest = entry.path.rpartition("/")
    if entry.kind == "section":
        return "pages.section", {"lang": code, "section": section}
    if entry.kind == "guide":
        return "pages.guide", {"lang": code, "section": section, "slug": rest[:-3]}
    return "pages.page", {"lang": code, "slug": rest[:-3]}


def _state(entry, code):
    """'' when the page is in that language, else a word for the switcher."""
    if entry is None:
        return ""
    shown = entry.shown(code)
    if shown.missing:
        return "missing"
    return "draft" if shown.draft else ""
