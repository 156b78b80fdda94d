"""Waymark: rights guides for people on the move that work with no signal.

`create_app()` turns loaded content into a Flask app; `waymark.build` runs
the whole build. Nothing is created at import time.
"""
from pathlib import Path

from flask import Flask, g
from flask_babel import Babel, format_date

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

from . import views  # noqa: E402  (needs the paths above)


def create_app(site, translations_dir=None, test_config=None):
    """The site as a Flask app, serving `site` (see `waymark.content`).

    `translations_dir` holds compiled catalogues (`<lang>/LC_MESSAGES/
    messages.mo`); without it every UI string is shown in English.
    """
    app = Flask(__name__, template_folder=str(SITE_DIR / "templates"),
                static_folder=str(SITE_DIR / "static"), static_url_path="/static")
    app.config.update(
        BABEL_DEFAULT_LOCALE=site.config.default_language,
        BABEL_TRANSLATION_DIRECTORIES=str(translations_dir or SITE_DIR / "no-catalogues"),
    )
    app.config.update(test_config or {})
    app.extensions["waymark"] = site
    Babel(app, locale_selector=lambda: g.lang.locale if "lang" in g else None)
    app.jinja_env.globals.update(url=views.url, endpoint_for=views.endpoint_for,
                                  format_date=format_date)
    app.jinja_env.trim_blocks = app.jinja_env.lstrip_blocks = True
    app.register_blueprint(views.bp)
    return app
