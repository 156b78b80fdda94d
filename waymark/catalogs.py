"""The UI catalogues: `translations/<lang>/LC_MESSAGES/messages.po`.

Waymark ships catalogues for its own interface; a site folder's
`translations/` may add languages or change single strings, and wins where
both have a string. A language without a string of its own shows its
fallbacks' (Dari shows Persian, fa-AF shows fa), then English.

Catalogues are read straight from the `.po` files, so translators never run
`pybabel compile` and no compiled files are left anywhere. Babel's reader
skips what it cannot parse, so each file is checked first, and every
problem is reported with its line: syntax, the charset, plural forms,
placeholders, a lone `%`, HTML.
"""
import gettext
from functools import lru_cache
from io import BytesIO, StringIO
from pathlib import Path
import codecs
import re

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations
from markupsafe import escape

from . import TRANSLATIONS_DIR
from .errors import command

DOMAIN = "messages"
_KEYWORD = re.compile(r'(msgctxt|msgid|msgid_plural|msgstr(\[\d+\])?)\s+(.*?)\s*$')
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|\{\w*\}")
_FORMAT = re.compile(r"%\(\w+\)[sdif]|%%")
_HTML = re.compile(r"<\s*[A-Za-z!/?]|&(#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);")
_CHARSET = re.compile(r"charset=([^\s\\;\"]+)", re.I)
_PLURALS = re.compile(r"nplurals\s*=\s*(\w+)\s*;\s*plural\s*=\s*([^;]+);?", re.I)


def po_path(translations_dir, lang):
    return Path(translations_dir) / lang.catalogue / "LC_MESSAGES" / f"{DOMAIN}.po"


def load(path, problems):
    """Read one catalogue, reporting its problems; None if it cannot be read
    at all. (A catalogue with wrong translations is still returned, so that
    `review` can say what else is to do; `load_all` never uses it.)"""
    errors_before = len(problems.errors)
    text = _decode(path, problems)
    if text is None:
        return None
    _check_syntax(text, path, problems)
    _check_plural_forms(text, path, problems)
    if len(problems.errors) > errors_before:
        return None
    catalog = read_po(StringIO(text))
    for message in catalog:
        if message.id and message.string:
            _check_translation(message, path, problems)
    return catalog


def _decode(path, problems):
    """The file's text in the charset its header names, refusing bytes that
    are not in that charset and UTF-8 files that claim another charset
    (which would show readers garbled letters)."""
    data = path.read_bytes()
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    head = data[:4000].decode("ascii", "replace")
    found = _CHARSET.search(head)
    charset = found.group(1) if found else "utf-8"
    line = head[: found.start()].count("\n") + 1 if found else None
    try:
        codecs.lookup(charset)
    except LookupError:
        problems.error(path, line, f"unknown charset '{charset}': write the file in UTF-8 and "
                                   f"say charset=UTF-8 in its header")
        return None
    try:
        text = data.decode(charset)
    except UnicodeDecodeError as error:
        bad_line = data[: error.start].count(b"\n") + 1
        problems.error(path, bad_line, f"this line is not valid {charset} text: save the "
                                       f"file as UTF-8 (and say charset=UTF-8 in its header)")
        return None
    if codecs.lookup(charset).name != "utf-8" and not data.isascii():
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return text
        problems.error(path, line, f"the file is UTF-8 but its header says charset={charset}, "
                                   f"so readers would see garbled letters: change it to "
                                   f"charset=UTF-8")
        return None
    return text


def _check_syntax(text, path, problems):
    seen, expect_string = {}, False
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        match = _KEYWORD.match(stripped)
        value = match.group(3) if match else stripped
        if not _STRING.fullmatch(value):
            if match or value.startswith('"'):
                problems.error(path, number, "this text must be in double quotes, "
                                             "with any \" inside written as \\\"")
            else:
                problems.error(path, number, "cannot read this line: expected msgid, "
                                             "msgstr or a \"quoted\" continuation")
            continue
        if match and match.group(1) == "msgid":
            expect_string = True
            if value != '""' and value in seen:
                problems.error(path, number, f"msgid {value} is given twice "
                                             f"(first on line {seen[value]})")
            seen.setdefault(value, number)
        elif not match and not expect_string:
            problems.error(path, number, "a quoted line must follow msgid or msgstr")


def _check_plural_forms(text, path, problems):
    value, line = _header(text).get("plural-forms", ("", None))
    if line is None:
        return
    found = _PLURALS.fullmatch(value.strip())
    count = found and found.group(1)
    try:
        if not (count and count.isdigit() and 0 < int(count) <= 6):
            raise ValueError
        gettext.c2py(found.group(2).strip())
    except (ValueError, SyntaxError, RecursionError):
        problems.error(path, line, "the Plural-Forms header must read like "
                                   "'nplurals=2; plural=(n != 1);' (pybabel init writes "
                                   "the right one for each language)")


def _header(text):
    """{lower-case name: (value, line)} of the catalogue's header: the
    msgstr of the first, empty msgid, whose fields may span quoted lines."""
    pieces, started = [], False  # (text, line) of each quoted piece
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not started and stripped.startswith("msgstr"):
            started, stripped = True, stripped[len("msgstr"):].strip()
        if started:
            if not stripped.startswith('"'):
                break
            pieces.append((stripped[1:-1], number))
    fields, current, line = {}, "", None
    for piece, number in pieces:
        line = line or number
        current += piece
        while "\\n" in current:
            field, current = current.split("\\n", 1)
            name, _, value = field.partition(":")
            fields[name.strip().lower()] = (value, line)
            line = number if current else None
    return fields


def _check_translation(message, path, problems):
    ids = message.id if isinstance(message.id, tuple) else (message.id,)
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    wanted = _names(ids[0])
    for string in strings:
        if not string:
            continue
        if _names(string) != wanted:
            problems.error(path, message.lineno,
                           f"the translation of '{ids[0]}' must keep the placeholders "
                           f"{_show(wanted) or 'none'}, but has {_show(_names(string)) or 'none'}")
        elif "%" in _FORMAT.sub("", string):
            problems.error(path, message.lineno,
                           f"the translation of '{ids[0]}' has a lone '%': write a percent "
                           f"sign as %% (\"100 %%\")")
        html = _HTML.search(string)
        if html:
            problems.error(path, message.lineno,
                           f"the translation of '{ids[0]}' contains HTML "
                           f"('{string[html.start():html.start() + 20]}…'): UI strings are "
                           f"plain text, so write it without tags or entities")


def _names(text):
    return set(_PLACEHOLDER.findall(text))


def _show(names):
    return ", ".join(sorted(names))


# --- what the site shows ---------------------------------------------------------

def folders(site_translations):
    """The catalogue folders to read, the site's own first."""
    found = [Path(site_translations)] if site_translations else []
    if not found or found[0].resolve() != TRANSLATIONS_DIR.resolve():
        found.append(TRANSLATIONS_DIR)
    return found


def load_all(site_translations, languages, problems):
    """{language code: Translations} for every language, each merged from the
    site's and Waymark's catalogues for it and its fallbacks."""
    read = {}  # path -> Catalog or None, so each file is read (and reported) once

    def catalogue(path):
        if path not in read:
            errors_before = len(problems.errors)
            found = load(path, problems) if path.exists() else None
            read[path] = found if len(problems.errors) == errors_before else None
        return read[path]

    out = {}
    for lang in languages:
        chain = [lang.catalogue] + [c.replace("-", "_") for c in lang.fallbacks]
        merged = Catalog(locale=lang.locale, domain=DOMAIN)  # with the locale's plural rule
        for name in chain:
            for folder in folders(site_translations):
                found = catalogue(folder / name / "LC_MESSAGES" / f"{DOMAIN}.po")
                if found is not None:
                    _fill(merged, found, own=name == lang.catalogue)
        out[lang.code] = _translations(merged)
    return out


def _fill(merged, catalog, own):
    """Add the catalogue's finished translations that `merged` lacks. A
    fallback's plural forms only fit when the rules agree."""
    for message in catalog:
        if not message.id or message.fuzzy or not _done(message) or message.id in merged:
            continue
        if isinstance(message.id, tuple) and not own and \
                catalog.num_plurals != merged.num_plurals:
            continue
        merged[message.id] = message


def _done(message):
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return all(strings)


def _translations(catalog):
    buffer = BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(fp=buffer, domain=DOMAIN)


def escaped(current):
    """gettext/ngettext for templates, from `current()`'s Translations: the
    translated text is escaped, so a catalogue can never put markup into a
    page (markup a string needs comes from the template); the values filled
    in are escaped by Jinja too."""
    def strings():
        return current() or NullTranslations()

    return (lambda text: escape(strings().gettext(text)),
            lambda one, many, n: escape(strings().ngettext(one, many, n)))


# --- what translators still have to do ---------------------------------------------

def template_ids(translations_dir=None):
    """The msgids of Waymark's `messages.pot`, the strings every language needs."""
    path = Path(translations_dir or TRANSLATIONS_DIR) / f"{DOMAIN}.pot"
    if not path.exists():
        path = TRANSLATIONS_DIR / f"{DOMAIN}.pot"
    stat = path.stat()
    return _msgids(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _msgids(path, mtime_ns, size):
    """(Read once per version of the file: every language's review asks.)"""
    with path.open("rb") as handle:
        return frozenset(m.id for m in read_po(handle) if m.id)


def review(site_translations, lang, problems):
    """Warn about what a translator still has to do for one language, and
    return (translated, total) UI strings."""
    wanted = template_ids(site_translations)
    paths = [po_path(folder, lang) for folder in folders(site_translations)]
    existing = [path for path in paths if path.exists()]
    if not existing:
        fallback = f", so it shows {lang.fallbacks[0]}'s strings" if lang.fallbacks else ""
        problems.warning(paths[0], None, f"there is no UI catalogue for {lang.english_name}"
                                         f"{fallback}: {command()} translate {lang.code} "
                                         f"creates it")
        return 0, len(wanted)
    # Waymark's own catalogue first: a site's catalogue need only hold what it changes,
    # so only what neither has is still to do, and only the site's file is warned about.
    done, catalogs = set(), [(path, load(path, problems)) for path in existing]
    for path, catalog in reversed(catalogs):
        done |= {m.id for m in catalog or () if m.id and not m.fuzzy and _done(m)}
    path, catalog = catalogs[0]
    for message in catalog or ():
        label = message.id if isinstance(message.id, str) else message.id[0]
        if not message.id or message.id not in wanted:
            continue
        if message.fuzzy:
            problems.warning(path, message.lineno, f"'{label}' is marked fuzzy: check the "
                                                   f"translation, then remove the '#, fuzzy' line")
        elif message.id not in done:
            problems.warning(path, message.lineno, f"'{label}' is not translated yet")
    missing = len(wanted - done - {m.id for m in catalog or ()})
    if catalog is not None and missing:
        problems.warning(path, None, f"{missing} UI string(s) are not in this catalogue yet: "
                                     f"run pybabel update (see TRANSLATING.md)")
    return len(done & wanted), len(wanted)
