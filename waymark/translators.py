"""What translators need beyond the build: the check, the status, starting a
translation and recording that one is up to date.

A translation records `source_revision`: git's blob id of the source file it
was made from. When the source changes, its id changes; `check` then shows
what changed, by asking git for the old version by that id.
"""
from dataclasses import dataclass, field
import datetime
import difflib
from pathlib import Path
import re
import subprocess

from babel import Locale, UnknownLocaleError
from babel.messages.frontend import CommandLineInterface

from . import catalogs
from .content import git_blob_id

REVISION_LENGTH = 12
STALE_AFTER = datetime.timedelta(days=365)
ROOT = Path(__file__).resolve().parent.parent


@dataclass
class LanguageStatus:
    lang: object  # config.Language
    done: list = field(default_factory=list)  # Entry
    draft: list = field(default_factory=list)
    outdated: list = field(default_factory=list)
    missing: list = field(default_factory=list)
    ui_done: int = 0
    ui_total: int = 0


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
    return status(site, translations_dir, problems)


def status(site, translations_dir, problems):
    """Per language: which files are done, draft, outdated or missing."""
    rows = []
    for lang in site.languages:
        if lang.code == site.config.default_language:
            continue
        row = LanguageStatus(lang)
        for entry in site.entries:
            shown = entry.shown(lang.code)
            state = ("missing" if shown.missing else "outdated" if shown.outdated
                     else "draft" if shown.draft else "done")
            getattr(row, state).append(entry)
        row.ui_done, row.ui_total = catalogs.review(translations_dir, lang, problems)
        rows.append(row)
    return rows


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
               f"python build.py mark-current {doc.display}")
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
    """Create the UI catalogue of a new language with pybabel's own commands."""
    locale = str(Locale.parse(code.replace("-", "_")))
    po = Path(translations_dir) / locale / "LC_MESSAGES" / f"{catalogs.DOMAIN}.po"
    if po.exists():
        return None
    pot = Path(translations_dir) / f"{catalogs.DOMAIN}.pot"
    if not pot.exists():
        extract(translations_dir)
    CommandLineInterface().run(["pybabel", "-q", "init", "-i", str(pot), "-d",
                                str(translations_dir), "-l", locale])
    return po


def extract(translations_dir):
    """Collect the UI strings of the templates and code into messages.pot."""
    CommandLineInterface().run([
        "pybabel", "-q", "extract", "-F", str(ROOT / "babel.cfg"), "-o",
        str(Path(translations_dir) / f"{catalogs.DOMAIN}.pot"), "--add-location=file",
        "--sort-output", "--project", "Waymark", "--copyright-holder", "Waymark contributors",
        str(ROOT)])


def known_language(code):
    try:
        Locale.parse(code.replace("-", "_"))
        return True
    except (ValueError, UnknownLocaleError):
        return False
