"""One file per language: every page of a language in one HTML file, to pass on.

People on the move share by phone (WhatsApp, Bluetooth, an SD card), and a
folder of pages does not survive that: Android opens a received page as a
`content://` URL, where relative links break. So every build also writes
`downloads/<lang>.html`: the language's home, sections, guides, pages,
contacts and search in one file, with the stylesheet, the scripts, the icon
and the search index inside it, working from wherever it is opened.

It is made from the pages the freeze wrote: each page's `<main>`, its links
turned into links inside the file (`#asylum/interview`, `#asylum/interview:
where-to-go`), inside a frame of its own (`single.html`). The file allows
only its own inline code, by hash, and loads nothing. It says when it was
made and, after `copy_outdated_after_days`, that it may be out of date.

The service worker does not save these files (readers keep the site; the
file is for passing on): the worker's build data lists them apart, so that
the next build knows it wrote them. Once they are written, the pages that
offer them (each language's home and Offline page) are frozen again with
their sizes.
"""
import base64
from dataclasses import dataclass
from datetime import date, datetime, timezone
import hashlib
import mimetypes
import os
from pathlib import Path
import posixpath
import re
import unicodedata
from urllib.parse import unquote, urlsplit

from flask import current_app, render_template
from markupsafe import Markup

from . import SITE_DIR, assets, cache, freeze, kinds, parallel, rewrite, staged, views
from .errors import Problems
from .search import export as search_export
from .search.analysis import stemmer_code

FOLDER = "downloads"  # downloads/<lang>.html in the built site
OWN = SITE_DIR / "single"  # the single file's own script and style (not published)
# Site pages the file has no use for: the worker shows not-saved, and the
# file is printed page by page from the browser (print.html links the site).
LEFT_OUT = {"not_saved", "print"}
SEARCH_PAGE = "search"  # its ids stay as they are: search.js finds its elements by them


@dataclass
class Offer:
    """A language's single file, as the pages that offer it show it."""

    path: str  # relative to the site: "downloads/ar.html"
    name: str  # what a download saves it as: "Waymark-ar.html"
    size: int | None = None  # bytes; None until the file is written
    fingerprint: str = ""  # of the key that signs USB copies, if the site has one


def file_name(config, code):
    """The name a reader's phone saves the file under: the site's name
    (letters and digits, safe on any memory card) and the language."""
    name = unicodedata.normalize("NFC", config.name)
    name = re.sub(r"[^\w]+", "-", name).strip("-_")[:40].strip("-_") or "Waymark"
    return f"{name}-{code}.html"


def offer(code):
    """The single file of language `code` (for templates)."""
    offers = current_app.extensions.get("waymark_downloads") or {}
    if code in offers:
        return offers[code]
    config = current_app.extensions["waymark"].config
    return Offer(f"{FOLDER}/{code}.html", file_name(config, code))


def build_date():
    """Today, or the date SOURCE_DATE_EPOCH gives (for builds that must
    come out the same)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), timezone.utc).date()
    return date.today()


def write_all(app, site, staging, problems, built=None, store=None):
    """Write every language's file into `staging`; freeze the pages that
    offer them again, with their sizes. Returns the paths written. A file
    whose inputs (the built pages it is made from, its code, the date) are
    those of one in `store` (a cache.Store) is taken from there; the others
    are made side by side, one process per core."""
    built = built or build_date()
    store = store or cache.Store()
    fingerprint = key_fingerprint(site.config, problems)
    code = _scripts(app, site, Path(staging), problems)
    keys = {lang.code: _inputs_key(app, site, lang, Path(staging), built, code, fingerprint)
            for lang in site.languages}
    found = {lang.code: store.get_json("single", keys[lang.code]) for lang in site.languages}
    todo = [lang for lang in site.languages if found[lang.code] is None]
    made = parallel.run(_assemble, (app, site, Path(staging), built, code),
                        [(lang,) for lang in todo])
    for lang, result in zip(todo, made):
        found[lang.code] = result
        if not any(level == "error" for level, *_ in result["problems"]):
            store.put_json("single", keys[lang.code], result)
    offers = {}
    for lang in site.languages:
        problems.replay(found[lang.code]["problems"])
        data = found[lang.code]["html"].encode("utf-8")
        staged.put(staging, f"{FOLDER}/{lang.code}.html", data)
        offers[lang.code] = Offer(f"{FOLDER}/{lang.code}.html",
                                  file_name(site.config, lang.code), len(data), fingerprint)
    app.extensions["waymark_downloads"] = offers
    # The pages that offer the files again, each with its language's size;
    # those from the cache had their links checked when they were made.
    salts = {code: repr(offer) for code, offer in offers.items()}
    rendered = freeze.refreeze(app, site, Path(staging), problems, store,
                               list(_offering_pages(site)), salts)
    freeze.check_links(Path(staging), problems, urlsplit(site.config.base_url).path or "/",
                       pages=[Path(staging) / path for path in rendered])
    return sorted(offer.path for offer in offers.values())


def _assemble(shared, lang):
    """One language's file and what was found wrong in it, as data (so that
    a file made in another process reports back)."""
    app, site, staging, built, code = shared
    recorded = Problems()
    html = assemble(app, site, lang, staging, built, code, recorded)
    return {"html": html, "problems": recorded.as_data()}


def _inputs_key(app, site, lang, staging, built, code, fingerprint):
    """Everything the file of `lang` is made from."""
    pages = [staged.digest_of(staging, f"{lang.code}/{url}") for _, url in pages_of(site, lang.code)]
    own = [staged.digest_of(staging, path.relative_to(staging).as_posix()) for path in (
        staging / lang.code / search_export.INDEX_FILE, _built(app, staging, "icons/icon.svg"))]
    return cache.digest(cache.code_version(), lang.code, str(built), pages, own,
                        sorted(code.items()), fingerprint, repr(site.config),
                        freeze.ui_strings(app).get(lang.code))


def built_app(content_dir, translations_dir, problems):
    """(site, app) as the build makes them, for the editions made from a
    finished build (the Kiwix books, USB copies); None on errors."""
    from . import build, catalogs, create_app  # (build imports this module)
    site = build.load(Path(content_dir).resolve(), problems)
    if site is None or problems.errors:
        return None
    ui = catalogs.load_all(Path(translations_dir), site.languages, problems)
    return site, create_app(site, ui=ui)


def pages_of(site, code):
    """(key, URL relative to the language folder) of every page in the file:
    the home first, then each section with its guides, the pages, and the
    other site pages as kinds declares them (search, contacts). The key is
    the URL less `.html`."""
    site_pages = [page for page in kinds.SITE_PAGES if page.per_language
                  and page.wanted(site) and page.name not in LEFT_OUT]
    urls = [page.url for page in site_pages if page.name == "home"]
    urls += [entry.url for entry in site.entries]
    urls += [page.url for page in site_pages if page.name != "home"]
    return [(url[:-len(".html")], url) for url in urls]


def assemble(app, site, lang, staging, built, code, problems):
    """The single file of `lang`, as text; `code` holds the scripts to inline
    (see _scripts)."""
    keys = dict((url, key) for key, url in pages_of(site, lang.code))
    pages, ids, links = [], set(), []
    for url, key in keys.items():
        page = _page_copy(staging, lang.code, url, key, keys, site.config.base_url, links)
        pages.append((key, page.title, Markup(page.html)))
        ids |= page.ids | {key}
    for target in links:
        if target not in ids:
            problems.error(f"(built file) {FOLDER}/{lang.code}.html", None,
                           f"it links to '#{target}', which is not in the file")
    own = {"style": code["style"], "head": "document.documentElement.className = 'js';"}
    stemmer = stemmer_code(lang.code)
    scripts = [_index_script(staging, lang.code, keys), code.get(f"search/stem-{stemmer}.js"),
               code["single.js"], code["search/search.js"]]
    scripts = [text for text in scripts if text]
    csp = ("default-src 'none'; script-src " + " ".join(
        _hash(text) for text in [own["head"], *scripts]) + f"; style-src {_hash(own['style'])}"
        "; img-src data:; base-uri 'none'; form-action 'none'; object-src 'none'")
    with app.test_request_context(f"/{lang.code}/index.html"):
        app.preprocess_request()  # the language of the page, as a request for it would set
        context = views.common(path="index.html")
        context.update(
            pages=pages, csp=csp, built=built, name=file_name(site.config, lang.code),
            style=Markup(own["style"]), head_script=Markup(own["head"]),
            scripts=[Markup(text) for text in scripts],
            icon=_data_uri(_built(app, staging, "icons/icon.svg")),
            logo_uri=_data_uri(_built(app, staging, context["logo"])) if context["logo"] else "",
            newer=_newer_copy(site, lang.code))
        return render_template("single.html", **context)


def _page_copy(staging, code, url, key, keys, base_url, links):
    here = posixpath.dirname(f"{code}/{url}")

    def rename(value, page_key=key):
        return value if page_key == SEARCH_PAGE else f"{page_key}:{value}"

    def inside(target_key, fragment):
        name = rename(fragment, target_key) if fragment else target_key
        links.append(name)
        return "#" + name

    def link(attr, value):
        parts = urlsplit(value)
        if parts.scheme or parts.netloc:
            return value  # tel:, https://, data:: not part of the site
        if not parts.path:
            return inside(key, parts.fragment) if parts.fragment else value
        target = posixpath.normpath(posixpath.join(here, unquote(parts.path)))
        if target.startswith(f"{code}/") and target[len(code) + 1:] in keys:
            return inside(keys[target[len(code) + 1:]], parts.fragment)
        if attr == "src" and (staging / target).is_file() and not target.startswith(".."):
            return _data_uri(staging / target)
        if base_url and not target.startswith(".."):
            return base_url + target + (f"#{parts.fragment}" if parts.fragment else "")
        return None  # another language, or a page the file has not: its text stays

    def leave_out(tag, attrs):
        # Scripts come once, inlined; the offline-keeping form needs the worker.
        return tag == "script" or attrs.get("id") == "keep"

    html = (staging / code / url).read_text(encoding="utf-8")
    return rewrite.copy(html, link=link, leave_out=leave_out, rename=rename, inside="main")


def _index_script(staging, code, keys):
    """The language's search index, its results linking inside the file."""
    text = (staging / code / search_export.INDEX_FILE).read_text(encoding="utf-8")
    data = search_export.read_script(text)
    for doc in data["docs"]:
        doc[0] = "#" + keys[doc[0]]
    return _safe_inline(search_export.as_script("WaymarkIndex", code, data))


def _safe_inline(text):
    """Script data that cannot end its <script> element early: inside JSON,
    "<" only occurs in strings, where "\\u003c" means the same."""
    return text.replace("<", "\\u003c")


def _built(app, staging, name):
    """Where static/`name` is in the staged build (under its hashed name)."""
    return staging / "static" / assets.published_name(app, name)


def _scripts(app, site, staging, problems):
    """{name: text} of the code every file inlines: the search and its
    stemmers (by static/ names), the file's own script ("single.js") and
    the stylesheet ("style")."""
    names = ["search/search.js"] + sorted({f"search/stem-{stemmer_code(lang.code)}.js"
                                           for lang in site.languages if stemmer_code(lang.code)})
    code = {name: _code(_built(app, staging, name), _source(site.config, name), problems)
            for name in names}
    code["single.js"] = _code(OWN / "single.js", OWN / "single.js", problems)
    code["style"] = _style(app, staging, site.config, problems)
    return code


def _source(config, name):
    """The file a static file was built from: the site's override, or Waymark's."""
    override = config.overrides and config.overrides / "static" / name
    return override if override and override.is_file() else SITE_DIR / "static" / name


def _code(path, source, problems):
    """A script to inline; one that would end its <script> element early is
    an error naming its `source` (a site's override of search.js, say)."""
    text = path.read_text(encoding="utf-8")
    found = re.search(r"</script|<!--", text, re.IGNORECASE)
    if found:
        problems.error(source, _line_in(source, r"</script|<!--"),
                       f"cannot be put inside the single file: it contains "
                       f"'{found.group(0)}' (write it as '<\\/script' or '<\\!--')")
        return ""
    return text


def _line_in(source, pattern):
    """The line of `pattern` in the file as written (the build drops its
    comments, so the built file's lines are not the author's)."""
    written = Path(source).read_text(encoding="utf-8")
    at = re.search(pattern, written, re.IGNORECASE)
    return written[:at.start()].count("\n") + 1 if at else None


def _style(app, staging, config, problems):
    """The site's stylesheets (built into `staging`, already in its theme
    colour) and the file's own."""
    texts = []
    for name in assets.STYLESHEETS:
        text = _built(app, staging, name).read_text(encoding="utf-8")
        if re.search(r"</style", text, re.IGNORECASE):
            source = _source(config, name)
            problems.error(source, _line_in(source, r"</style"),
                           "cannot be put inside the single file: it contains '</style'")
            return ""
        texts.append(text)
    return "\n".join(texts + [(OWN / "single.css").read_text(encoding="utf-8")])


def _hash(text):
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def _data_uri(path):
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode()}"


def _newer_copy(site, code):
    """Where a reader finds a newer file: the site's Offline page (which
    offers it), else its home; empty when the site has no address."""
    if not site.config.base_url:
        return ""
    offline = site.find("offline.md")
    return f"{site.config.base_url}{code}/{offline.url if offline else 'index.html'}"


def _offering_pages(site):
    """The pages that show the files' sizes: each home and Offline page."""
    offline = site.find("offline.md")
    for lang in site.languages:
        yield "pages.home", {"lang": lang.code}
        if offline:
            yield views.endpoint_for(offline, lang.code)


def key_fingerprint(config, problems):
    """The fingerprint of the site's `public_key`, or '' when it has none."""
    if not config.public_key:
        return ""
    from . import signing  # (the crypto library only for the sites that sign: builds start sooner)
    try:
        return signing.fingerprint(signing.read_public_key(config.public_key))
    except ValueError as error:
        problems.error(config.public_key, None, str(error))
        return ""
