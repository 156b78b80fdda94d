"""Kiwix books: the built site as ZIM files, one per language (python-libzim).

Kiwix reads ZIM files: its app on Android and computers, `kiwix-serve` on a
camp's hotspot, Internet-in-a-Box. Each language's book holds that
language's pages, the static files they use and its single file, with the
language's home as the main page; the book with every language holds the
whole site, with the language chooser as its main page.

Pages go in as the freeze wrote them, less what only a website needs:
the script that registers the service worker (kiwix-serve serves books on
localhost, where a worker would register), the app manifest, the worker's
lists and "not saved" pages, and the form that keeps languages offline.
Links to pages a book does not hold (other languages, in a language's
book) are left out with the language menu. The full-text index (Xapian,
in the book's language) gets each guide's own text, not the menus and
footers around it; the search page works as on the site, from its index.
"""
from contextlib import contextmanager
from dataclasses import dataclass
import os
from pathlib import Path
import posixpath
import sys
from urllib.parse import unquote, urlsplit

from flask import render_template_string
from libzim.writer import Creator, Hint, IndexData, Item, StringProvider

from . import assets, offline, rewrite, single
from .search.analysis import stemmer_code
from .search.index import docs_for

EVERYTHING = ""  # the code of the book with every language
TYPES = {".html": "text/html", ".css": "text/css", ".js": "text/javascript",
         ".json": "application/json", ".svg": "image/svg+xml", ".png": "image/png",
         ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
         ".webp": "image/webp", ".txt": "text/plain"}
WEBSITE_ONLY = ("sw.js", "manifest.webmanifest", offline.LIST, offline.NOT_SAVED,
                "404.html", "status.html", "waymark.js", "keep.js")
# ISO 639-1 to ISO 639-3, which Kiwix's "Language" metadata takes (from the
# ISO 639-3 code tables): "aa" + "aar", "ab" + "abk", ...
_ISO = ("aaaar ababk aeave afafr akaka amamh anarg arara asasm avava ayaym azaze babak bebel "
        "bgbul bibis bmbam bnben bobod brbre bsbos cacat ceche chcha cocos crcre csces cuchu "
        "cvchv cycym dadan dedeu dvdiv dzdzo eeewe elell eneng eoepo esspa etest eueus fafas "
        "ffful fifin fjfij fofao frfra fyfry gagle gdgla glglg gngrn guguj gvglv hahau hehed "
        "hihin hohmo hrhrv hthat huhun hyhye hzher iaina idind ieile igibo iiiii ikipk ioido "
        "isisl itita iuiku jajpn jvjav kakat kgkon kikik kjkua kkkaz klkal kmkhm knkan kokor "
        "krkau kskas kukur kvkom kwcor kykir lalat lbltz lglug lilim lnlin lolao ltlit lulub "
        "lvlav mgmlg mhmah mimri mkmkd mlmal mnmon mrmar msmsa mtmlt mymya nanau nbnob ndnde "
        "nenep ngndo nlnld nnnno nonor nrnbl nvnav nynya ococi ojoji omorm orori ososs papan "
        "pipli plpol pspus ptpor quque rmroh rnrun roron rurus rwkin sasan scsrd sdsnd sesme "
        "sgsag shhbs sisin skslk slslv smsmo snsna sosom sqsqi srsrp ssssw stsot susun svswe "
        "swswa tatam tetel tgtgk ththa titir tktuk tltgl tntsn toton trtur tstso tttat twtwi "
        "tytah uguig ukukr urutr uzuzb veven vivie vovol wawln wowol xhxho yiyid yoyor zazha "
        "zhzho zuzul")
ISO_639_3 = {pair[:2]: pair[2:] for pair in _ISO.split()}


@dataclass
class Book:
    code: str  # the language, or EVERYTHING
    path: Path


def iso_639_3(code):
    """Kiwix's language code for a BCP 47 code: "ar" -> "ara", "pt-BR" ->
    "por", "prs" -> "prs"; None when it is not known."""
    base = code.split("-")[0].lower()
    if len(base) == 3:
        return base
    return ISO_639_3.get(base)


def write_all(app, site, built_dir, out_dir, problems, everything=False):
    """A book per language of the site built in `built_dir` (and, with
    `everything`, one with every language) into `out_dir`."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    codes = [lang.code for lang in site.languages]
    wanted = [[code] for code in codes] + ([codes] if everything else [])
    books = []
    for langs in wanted:
        code = langs[0] if len(langs) == 1 else EVERYTHING
        unknown = [c for c in langs if not iso_639_3(c)]
        if unknown:
            problems.error(f"content/{unknown[0]}", None, f"no ISO 639-3 code is known for "
                                                          f"'{unknown[0]}', which Kiwix needs")
            continue
        path = out_dir / f"{book_name(site.config, code)}.zim"
        write_book(app, site, Path(built_dir), path, langs)
        books.append(Book(code, path))
    return books


def book_name(config, code):
    """"waymark_ar", "waymark_all": the file's name, as Kiwix names books."""
    name = single.file_name(config, code or "all")[:-len(".html")]
    return name.lower().replace("-", "_")


def write_book(app, site, built_dir, path, langs):
    """Write one ZIM file of the languages `langs` of the built site."""
    first = site.config.language(langs[0])
    main = "index.html" if len(langs) > 1 else f"{langs[0]}/index.html"
    paths = _paths(built_dir, langs)
    titles, texts = _titles_and_texts(site, langs)
    path.unlink(missing_ok=True)
    with _quiet(), Creator(str(path)).config_indexing(True, iso_639_3(first.code)) as creator:
        creator.set_mainpath(main)
        for rel in paths:
            data = (built_dir / rel).read_bytes()
            kind = TYPES.get(Path(rel).suffix.lower(), "application/octet-stream")
            if kind == "text/html":
                data = _page(data.decode("utf-8"), rel, paths, len(langs) == 1).encode("utf-8")
            creator.add_item(_Item(rel, data, kind, titles.get(rel, ""), texts.get(rel)))
        for name, value in _metadata(app, site, first, langs).items():
            creator.add_metadata(name, value)
        creator.add_illustration(48, assets.icon_png(48, site.config.theme_colour))


def _paths(built_dir, langs):
    """The built files a book of `langs` holds."""
    found = []
    stemmers = {f"{offline.STEMMER.format(stemmer_code(code))}" for code in langs}
    for file in sorted(built_dir.rglob("*")):
        rel = file.relative_to(built_dir).as_posix()
        top = rel.split("/", 1)[0]
        name = assets.unhashed(rel)  # a static file's own name
        if not file.is_file() or rel.startswith(".") or name.split("/")[-1] in WEBSITE_ONLY:
            continue
        if rel.startswith(offline.STEMMERS) and name not in stemmers:
            continue
        if "/" in rel and top not in ("static", single.FOLDER) and top not in langs:
            continue
        if top == single.FOLDER and Path(rel).stem not in langs:
            continue
        if "/" not in rel and len(langs) == 1:
            continue  # the language chooser and the like: a language's book has one language
        found.append(rel)
    return found


def _page(html, rel, paths, one_language):
    """A built page as the book holds it."""
    here = posixpath.dirname(rel)
    held = set(paths)

    def target(value):
        parts = urlsplit(value)
        if parts.scheme or parts.netloc or not parts.path:
            return None
        return posixpath.normpath(posixpath.join(here, unquote(parts.path)))

    def leave_out(tag, attrs):
        script = assets.unhashed(attrs.get("src", "")) if tag == "script" else ""
        if script.endswith(("waymark.js", "keep.js")):
            return True
        if tag == "link" and attrs.get("rel") == "manifest":
            return True
        if attrs.get("id") in ("keep", "lan-file"):
            return True
        if one_language and tag == "details" and "langs" in attrs.get("class", "").split():
            return True  # the language menu: a language's book has no other language
        found = target(attrs["href"]) if tag == "a" and attrs.get("href") else None
        return found is not None and found not in held

    if single.FOLDER in rel.split("/")[:1]:
        return html  # the single file, to download: it is whole already
    return rewrite.copy(html, leave_out=leave_out).html


def _titles_and_texts(site, langs):
    """{path: title} of the pages, and {path: text} of what the full-text
    index gets: each guide's and page's own words."""
    titles, texts = {}, {}
    for code in langs:
        for entry in site.entries:
            titles[f"{code}/{entry.url}"] = entry.shown(code).doc.title
        titles[f"{code}/index.html"] = site.config.name_in(code)
        for doc in docs_for(site, code):
            texts[f"{code}/{doc.url}"] = (doc.title, "\n".join(
                (doc.summary, doc.headings, doc.body)))
    return titles, texts


def _metadata(app, site, lang, langs):
    """What Kiwix shows about a book, in the book's (first) language."""
    with app.test_request_context(f"/{lang.code}/index.html"):
        app.preprocess_request()
        description = render_template_string(
            "{{ _('Know your rights, even without signal.') }}")
    name = site.config.name_in(lang.code)
    title = name if len(langs) > 1 else f"{name} ({lang.name})"
    return {
        "Name": book_name(site.config, langs[0] if len(langs) == 1 else EVERYTHING),
        "Title": _cut(title, 30),
        "Description": _cut(description, 80),
        "Language": ",".join(iso_639_3(code) for code in langs),
        "Creator": site.config.name,
        "Publisher": site.config.name,
        "Date": single.build_date().isoformat(),
        "Tags": "_ftindex:yes;_pictures:no;_videos:no;_details:yes",
        "Scraper": "Waymark",
    }


def _cut(text, limit):
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


class _Item(Item):
    def __init__(self, path, data, kind, title, text):
        super().__init__()
        self.path, self.data, self.kind, self.title, self.text = path, data, kind, title, text

    def get_path(self):
        return self.path

    def get_title(self):
        return self.title

    def get_mimetype(self):
        return self.kind

    def get_contentprovider(self):
        return StringProvider(self.data)

    def get_hints(self):
        return {Hint.FRONT_ARTICLE: bool(self.title), Hint.COMPRESS: self.kind != "image/png"}

    def get_indexdata(self):
        return _Text(*self.text) if self.text else _Text("", "")


class _Text(IndexData):
    """What the full-text index gets of a page: its title and own text only;
    nothing for the other files (the search page, the single file)."""

    def __init__(self, title, content):
        super().__init__()
        self.title, self.content = title, content

    def has_indexdata(self):
        return bool(self.content)

    def get_title(self):
        return self.title

    def get_content(self):
        return self.content

    def get_keywords(self):
        return ""

    def get_wordcount(self):
        return len(self.content.split())

    def get_geoposition(self):
        return None


@contextmanager
def _quiet():
    """libzim prints its progress on standard output; our commands print their own."""
    sys.stdout.flush()
    saved = os.dup(1)
    with open(os.devnull, "wb") as null:
        os.dup2(null.fileno(), 1)
    try:
        yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)
