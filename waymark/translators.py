"""What translators need beyond the build: the check, the status, starting a
translation and recording that one is up to date.

A translation records `source_revision`: git's blob id of the source file it
was made from. When the source changes, its id changes; `check` then shows
what changed, by asking git for the old version by that id.
"""
import datetime
import difflib
from pathlib import Path
import re
import subprocess

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from . import TRANSLATIONS_DIR, catalogs, languages, status
from .content import git_blob_id
from .errors import command, relative

REVISION_LENGTH = 12
STALE_AFTER = datetime.timedelta(days=365)


def check(site, translations_dir, problems, today=None):
    """Warnings for outdated translations (with the source's changes), stale
    review dates and unfinished UI catalogues; returns the status."""
    today = today or datetime.date.today()
    for entry in site.entries:
        for doc in [entry.source, *entry.translations.values()]:
            _check_reviewed(doc, today, problems)
        for lang, doc in sorted(entry.translations.items()):
            if entry.shown(lang).outdated:
                _report_outdated(entry, doc, problems)
    return status.of(site, translations_dir, problems)


def _check_reviewed(doc, today, problems):
    reviewed = doc.meta.get("reviewed")
    if reviewed and today - reviewed > STALE_AFTER:
        problems.warning(doc.file, doc.lines.get("reviewed"),
                         f"last reviewed on {reviewed.isoformat()}, more than a year ago: "
                         f"check that it is still right, then update 'reviewed'")


def _report_outdated(entry, doc, problems):
    recorded = doc.meta.get("source_revision", "")
    message = (f"the {entry.source.lang} source has changed since this translation was made "
               f"({entry.source.display}); update the translation, then run: "
               f"{command()} mark-current {relative(doc.file)}")
    old = old_version(entry.source.file, recorded)
    if old is None:
        message += f" (git has no version {recorded} of the source to show what changed)"
    else:
        new = entry.source.file.read_text(encoding="utf-8")
        changes = [line for line in difflib.unified_diff(
            old.splitlines(), new.splitlines(), "before", "now", n=0, lineterm="")
            if not line.startswith(("---", "+++"))]
        message += "\n" + "\n".join("    " + line for line in changes)
    problems.warning(doc.file, doc.lines.get("source_revision"), message)


def old_version(source_file, revision):
    """The text of the source file as it was at `revision`, from git, or None."""
    if not revision:
        return None
    try:
        result = subprocess.run(["git", "cat-file", "blob", revision], cwd=source_file.parent,
                                capture_output=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout.decode("utf-8", "replace") if result.returncode == 0 else None


def revision_of(file):
    return git_blob_id(Path(file).read_bytes())[:REVISION_LENGTH]


def mark_current(translation, source):
    """Record in `translation` that it matches `source` as it is now."""
    text = translation.read_text(encoding="utf-8")
    line = f"source_revision: {revision_of(source)}"
    if re.search(r"^source_revision:.*$", text, flags=re.M):
        text = re.sub(r"^source_revision:.*$", line, text, count=1, flags=re.M)
    else:
        text = re.sub(r"^---\n", f"---\n{line}\n", text, count=1)
    translation.write_text(text, encoding="utf-8")


class CannotStart(Exception):
    """`translate` was asked for something it cannot do; the message says why."""


def start(site, content_dir, translations_dir, code, paths=()):
    """Start translating `paths` (all by default) of the default language
    into language `code`, and its UI catalogue; [(what was done, path)]."""
    lang = languages.language(code)
    if lang is None:
        raise CannotStart(f"'{code}' is not a language code (use a code such as 'ar', 'fa' "
                          f"or 'pt-BR')")
    wanted = [entry for entry in site.entries if not paths or entry.path in paths]
    unknown = set(paths) - {entry.path for entry in wanted}
    if unknown:
        raise CannotStart(f"No such {site.config.default_language} file: "
                          f"{', '.join(sorted(unknown))}")
    existing = site.config.language(lang.code)
    folder = Path(content_dir) / (existing.folder if existing else lang.code)
    done = []
    for entry in wanted:
        target = folder / entry.path
        if target.exists():
            done.append(("kept", f"{target} (it exists)"))
        else:
            start_translation(entry.source.file, target)
            done.append(("started", target))
    catalogue = start_catalogue(translations_dir, lang.code)
    if catalogue:
        done.append(("started", catalogue))
    return done


def mark_files(files, content_dir, settings):
    """Mark each translation file current; (file, source, error) for each."""
    content = Path(content_dir).resolve()
    default = settings.language(settings.default_language)
    for file in files:
        try:
            folder, *rest = Path(file).resolve().relative_to(content).parts
        except ValueError:
            yield file, None, f"not inside {content_dir}"
            continue
        source = content / default.folder / Path(*rest)
        if folder == default.folder or not rest or not source.exists():
            yield file, None, f"not a translation of a file in {default.folder}/"
            continue
        mark_current(Path(file), source)
        yield file, relative(source), None


def start_translation(source, target):
    """Copy a source file as a draft translation that records its revision."""
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    end = next(i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---")
    # The order is the source's; the date is the translation's own, once reviewed.
    header = [line for line in lines[1:end] if not re.match(r"(order|reviewed):", line)]
    front = ["---\n", *header, f"source_revision: {revision_of(source)}\n", "status: draft\n",
             "---\n"]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("".join(front + lines[end + 1:]), encoding="utf-8")


def start_catalogue(translations_dir, code):
    """Create the UI catalogue of a new language from Waymark's template,
    unless Waymark or the site already has one; None when nothing was made.
    (What `pybabel init` does, for languages Babel lacks too: Dari's file
    takes the plural rule of its locale data, fa_AF.)"""
    lang = languages.language(code)
    if any(catalogs.po_path(folder, lang).exists() for folder in catalogs.folders(translations_dir)):
        return None
    with (TRANSLATIONS_DIR / f"{catalogs.DOMAIN}.pot").open("rb") as handle:
        template = read_po(handle)
    catalog = Catalog(locale=lang.locale, domain=catalogs.DOMAIN, project="Waymark",
                      fuzzy=False)
    for message in template:
        if message.id:
            catalog.add(message.id, "" if isinstance(message.id, str) else ("",) * catalog.num_plurals,
                        locations=message.locations, flags=message.flags)
    po = catalogs.po_path(translations_dir, lang)
    po.parent.mkdir(parents=True, exist_ok=True)
    with po.open("wb") as handle:
        write_po(handle, catalog, width=76)
    return po
