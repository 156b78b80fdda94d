"""Waymark: rights guides for people on the move that work with no signal.

`create_app()` turns loaded content into a Flask app; `waymark.build` runs
the whole build. Nothing is created at import time.
"""
from functools import partial
from pathlib import Path

from flask import Flask, g
from flask_babel import Babel
from jinja2 import ChoiceLoader, FileSystemLoader

__version__ = "0.3.0"

PACKAGE_DIR = Path(__file__).resolve().parent
# Installed, the project's search/, site/ and translations/ folders sit inside
# this package; in a checkout they sit beside it, in the agreed layout, and
# the checkout's root serves as a second home for this package's modules so
# that `waymark.search` is the same import in both.
SHARED_DIR = PACKAGE_DIR if (PACKAGE_DIR / "site").is_dir() else PACKAGE_DIR.parent
if SHARED_DIR != PACKAGE_DIR:
    __path__.append(str(SHARED_DIR))
SITE_DIR = SHARED_DIR / "site"
TRANSLATIONS_DIR = SHARED_DIR / "translations"  # Waymark's own UI catalogues

from . import assets, catalogs, dates, handouts, languages, prose, single, views  # noqa: E402  (they need the paths above)


def create_app(site, ui=None, status=(), test_config=None):
    """The site as a Flask app, serving `site` (see `waymark.content`).

    `ui` maps each language code to its UI strings (`catalogs.load_all`);
    without it every UI string is shown in English. `status` is the
    translation status the status page shows (`status.of`).
    """
    app = Flask(__name__, static_folder=None)
    app.config.update(BABEL_DEFAULT_LOCALE=site.config.default_language)
    app.config.update(test_config or {})
    app.extensions.update(waymark=site, waymark_ui=ui or {}, waymark_status=list(status))
    Babel(app, locale_selector=lambda: g.lang.locale if "lang" in g else None)
    # After Babel's own: UI strings are escaped as text (see catalogs.escaped).
    app.jinja_env.install_gettext_callables(*catalogs.escaped(views.translations), newstyle=True)
    overrides = site.config.overrides
    app.jinja_loader = ChoiceLoader([FileSystemLoader(str(folder / "templates"))
                                     for folder in (overrides, SITE_DIR) if folder])
    app.jinja_env.globals.update(url=views.url, url_of=views.url_of,
                                  endpoint_for=views.endpoint_for, format_date=dates.format_date,
                                  language_name=languages.native_name,
                                  in_every_language=views.in_every_language,
                                  qr_svg=handouts.qr_svg, contents_of=prose.contents,
                                  pass_on=single.offer,
                                  first_screen=assets.first_screen(site.config))
    app.jinja_env.trim_blocks = app.jinja_env.lstrip_blocks = True
    app.add_url_rule("/static/<path:filename>", "static", partial(assets.serve, site.config))
    app.register_blueprint(views.bp)
    return app
