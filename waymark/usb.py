"""USB copies: a folder to copy to a stick, and the check that it is unchanged.

`export` builds the site into `<folder>/site/` and adds beside it each
language's single file (`single-files/`), the Kiwix books when asked
(`kiwix/`), a `START-HERE.html` in every language, and `SHA256SUMS` in the
format `sha256sum -c` reads, signed with the organisation's key when asked
(`SHA256SUMS.sig`, see `signing`). `verify` checks such a folder: every
file present and unchanged, and no file the copy did not have, since a
page added to a stick could tell readers anything.

Sticks and SD cards are formatted FAT32 or exFAT: the copy's file names are
checked as the build's are (`filenames`).
"""
from dataclasses import dataclass, field
import hashlib
from pathlib import Path, PurePosixPath
import re
import shutil

from flask import render_template
from markupsafe import Markup

from . import assets, build as site_build, filenames, offline, publish, signing, single, zim

SUMS = "SHA256SUMS"
SIGNATURE = SUMS + signing.SIGNATURE_SUFFIX
START = "START-HERE.html"
SITE, SINGLE, KIWIX = "site", "single-files", "kiwix"
# Files computers add to a stick by themselves, which are not pages.
SYSTEM_FILES = {".DS_Store", "Thumbs.db", "desktop.ini"}


class CannotExport(Exception):
    pass


# --- the export ---------------------------------------------------------------

@dataclass
class Exported:
    folder: Path
    files: int
    problems: object
    signed: bool = False


def export(content_dir, folder, translations_dir, cache_dir, problems, *, with_zim=False,
           key=None):
    """Write a USB copy of the site into `folder`: empty, new, or an earlier copy."""
    folder = Path(folder).resolve()
    private_key = signing.read_private_key(key) if key else None
    old = _earlier_copy(folder)
    built = site_build.build(content_dir, folder / SITE, translations_dir, cache_dir)
    problems.items += built.problems.items  # the build's warnings
    loaded = single.built_app(content_dir, translations_dir, problems)
    if loaded is None:
        raise site_build.BuildFailed(problems)
    site, app = loaded
    # Only what the build wrote: a file someone added to site/ is not blessed by SHA256SUMS.
    written = {f"{SITE}/{path}" for path in offline.listed_files(folder / SITE)}
    strangers = sorted(set(f"{SITE}/{path}" for path in publish.files_in(folder / SITE)) - written)
    if strangers:
        raise CannotExport(f"{folder / SITE} holds files the build did not write "
                           f"({', '.join(strangers[:5])}): remove them and export again")
    singles = {}
    for lang in site.languages:
        name = single.file_name(site.config, lang.code)
        target = folder / SINGLE / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(folder / SITE / single.FOLDER / f"{lang.code}.html", target)
        singles[lang.code] = (f"{SINGLE}/{name}", target.stat().st_size)
    books = {}
    if with_zim:
        for book in zim.write_all(app, site, folder / SITE, folder / KIWIX, problems,
                                  everything=len(site.languages) > 1):
            books[book.code] = (f"{KIWIX}/{book.path.name}", book.path.stat().st_size)
    written |= {path for path, _ in singles.values()} | {path for path, _ in books.values()}
    fingerprint = single.key_fingerprint(site.config, problems)
    (folder / START).write_text(start_here(app, site, singles, books, fingerprint),
                                encoding="utf-8")
    written.add(START)
    for path in old - written:
        (folder / path).unlink(missing_ok=True)
    for path, message in filenames.problems(written):
        problems.warning(f"(copy) {path}", None, message)
    sums = checksums(folder, sorted(written))
    (folder / SUMS).write_text(sums, encoding="utf-8")
    (folder / SIGNATURE).unlink(missing_ok=True)
    if private_key:
        (folder / SIGNATURE).write_text(signing.sign(private_key, sums.encode("utf-8")),
                                        encoding="ascii")
    return Exported(folder, len(written), problems, signed=bool(private_key))


def _earlier_copy(folder):
    """The files of an earlier copy in `folder` (empty for a new or empty
    folder); refuses a folder that holds anything else."""
    if not folder.exists() or not any(folder.iterdir()):
        return set()
    listed = folder / SUMS
    if not listed.is_file():
        raise CannotExport(f"{folder} is not empty and holds no earlier copy ({SUMS} is "
                           f"missing): choose an empty or new folder")
    old = {path for _, path in read_sums(listed)}
    others = [path for path in publish.files_in(folder) if path not in old
              and path not in (SUMS, SIGNATURE) and not _system_file(path, old)]
    if others:
        shown = ", ".join(others[:5]) + (" …" if len(others) > 5 else "")
        raise CannotExport(f"{folder} holds files that are not part of the earlier copy "
                           f"({shown}): move them away, or choose an empty folder")
    return old


def start_here(app, site, singles, books, fingerprint=""):
    """START-HERE.html: for each language, in that language, its home, its
    single file and its Kiwix book."""
    sections = []
    for lang in site.languages:
        with app.test_request_context(f"/{lang.code}/index.html"):
            app.preprocess_request()
            sections.append(Markup(render_template(
                "start-here-language.html", lang=lang, site_path=SITE,
                single=singles.get(lang.code), book=books.get(lang.code),
                fingerprint=fingerprint)))
    def static(name):  # a static file of the copy's site, by its hashed name
        return f"{SITE}/static/{assets.published_name(app, name)}"

    with app.test_request_context("/index.html"):
        app.preprocess_request()
        return render_template("start-here.html", sections=sections, site_path=SITE,
                               config=site.config, everything=books.get(""),
                               stylesheets=[static(name) for name in assets.STYLESHEETS],
                               icon=static("icons/icon.svg"))


def checksums(folder, paths):
    """SHA256SUMS's text: one line per file, as `sha256sum` writes it."""
    return "".join(f"{_sha256(folder / path)}  {path}\n" for path in paths)


# --- checking a copy ----------------------------------------------------------

@dataclass
class Report:
    checked: int = 0
    altered: list = field(default_factory=list)
    missing: list = field(default_factory=list)
    extra: list = field(default_factory=list)
    signature: str = ""  # "", "good", "bad" or "missing"
    fingerprint: str = ""

    @property
    def ok(self):
        return not (self.altered or self.missing or self.extra) and self.signature in ("", "good")


def verify(folder, public_key=None):
    """Check a copy against its SHA256SUMS (and, with a key, its signature)."""
    folder = Path(folder)
    listed = folder / SUMS
    if not listed.is_file():
        raise CannotExport(f"{folder} has no {SUMS}: it is not a copy made by "
                           f"'waymark export usb'")
    entries = read_sums(listed)
    report = Report(checked=len(entries))
    expected = {}
    for digest, path in entries:
        expected[path] = digest
        file = folder / path
        if not file.is_file():
            report.missing.append(path)
        elif _sha256(file) != digest:
            report.altered.append(path)
    for path in publish.files_in(folder):
        if path in expected or path in (SUMS, SIGNATURE) or _system_file(path, expected):
            continue
        report.extra.append(path)
    if public_key is not None:
        key = signing.read_public_key(public_key)
        report.fingerprint = signing.fingerprint(key)
        signature = folder / SIGNATURE
        if not signature.is_file():
            report.signature = "missing"
        else:
            good = signing.check(key, listed.read_bytes(), signature.read_text("ascii", "replace"))
            report.signature = "good" if good else "bad"
    return report


def read_sums(path):
    """[(sha256, relative path)] of a SHA256SUMS file; a line that is not
    one, or a path that leaves the folder, is an error naming its line."""
    entries = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        found = re.fullmatch(r"([0-9a-f]{64}) [ *](.+)", line)
        name = found and found.group(2)
        if not found or name.startswith("/") or ".." in PurePosixPath(name).parts:
            raise CannotExport(f"{path}:{number}: not a line of a copy's {SUMS}: '{line[:80]}'")
        entries.append((found.group(1), name))
    return entries


def _system_file(path, expected):
    name = PurePosixPath(path).name
    if name in SYSTEM_FILES:
        return True
    # macOS keeps a file's extra data in "._name" beside it.
    return name.startswith("._") and str(PurePosixPath(path).with_name(name[2:])) in expected


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()
