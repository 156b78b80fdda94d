"""The UI catalogues: `translations/<locale>/LC_MESSAGES/messages.po`.

The build compiles them itself, so translators never run `pybabel compile`,
and a broken catalogue is reported with its file and line. Babel's own
reader skips lines it cannot parse, so we check the syntax first.
"""
from pathlib import Path
import re

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

DOMAIN = "messages"
_KEYWORD = re.compile(r'(msgctxt|msgid|msgid_plural|msgstr(\[\d+\])?)\s+(.*?)\s*$')
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|\{\w*\}")


def po_path(translations_dir, lang):
    return Path(translations_dir) / str(lang.locale) / "LC_MESSAGES" / f"{DOMAIN}.po"


def load(path, problems):
    """Read one catalogue, reporting its problems; None if it cannot be read."""
    text = path.read_text(encoding="utf-8", errors="replace")
    errors_before = len(problems.errors)
    _check_syntax(text, path, problems)
    if len(problems.errors) > errors_before:
        return None
    with path.open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if message.id and message.string:
            _check_placeholders(message, path, problems)
    return catalog


def compile_all(translations_dir, languages, out_dir, problems):
    """Compile every catalogue the languages have into `out_dir`."""
    for lang in languages:
        path = po_path(translations_dir, lang)
        if not path.exists():
            continue
        errors_before = len(problems.errors)
        catalog = load(path, problems)
        if len(problems.errors) > errors_before:
            continue  # never compile half a catalogue
        target = Path(out_dir) / str(lang.locale) / "LC_MESSAGES" / f"{DOMAIN}.mo"
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as handle:
            write_mo(handle, catalog)  # fuzzy entries stay out: they show in English


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
                problems.error(path, number, f"cannot read this line: expected msgid, "
                                             f"msgstr or a \"quoted\" continuation")
            continue
        if match and match.group(1) == "msgid":
            expect_string = True
            seen_id = value
            if value != '""' and seen_id in seen:
                problems.error(path, number, f"msgid {value} is given twice "
                                             f"(first on line {seen[seen_id]})")
            seen.setdefault(seen_id, number)
        elif not match and not expect_string:
            problems.error(path, number, "a quoted line must follow msgid or msgstr")


def _check_placeholders(message, path, problems):
    ids = message.id if isinstance(message.id, tuple) else (message.id,)
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    wanted = _names(ids[0])
    for string in strings:
        if string and _names(string) != wanted:
            problems.error(path, message.lineno,
                           f"the translation of '{ids[0]}' must keep the placeholders "
                           f"{_show(wanted) or 'none'}, but has {_show(_names(string)) or 'none'}")


def _names(text):
    return set(_PLACEHOLDER.findall(text))


def _show(names):
    return ", ".join(sorted(names))


def template_ids(translations_dir):
    """The msgids of `messages.pot`, the strings every catalogue should have."""
    path = Path(translations_dir) / f"{DOMAIN}.pot"
    if not path.exists():
        return set()
    with path.open("rb") as handle:
        return {m.id for m in read_po(handle) if m.id}


def review(translations_dir, lang, problems):
    """Warn about what a translator still has to do in one catalogue, and
    return (translated, total) UI strings."""
    wanted = template_ids(translations_dir)
    path = po_path(translations_dir, lang)
    if not path.exists():
        problems.warning(path, None, f"there is no UI catalogue for {lang.english_name}: "
                                     f"python build.py translate {lang.code} creates it")
        return 0, len(wanted)
    catalog = load(path, problems)
    if catalog is None:
        return 0, len(wanted)
    done = 0
    for message in catalog:
        if not message.id or (wanted and message.id not in wanted):
            continue
        label = message.id if isinstance(message.id, str) else message.id[0]
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy:
            problems.warning(path, message.lineno, f"'{label}' is marked fuzzy: check the "
                                                   f"translation, then remove the '#, fuzzy' line")
        elif not all(strings):
            problems.warning(path, message.lineno, f"'{label}' is not translated yet")
        else:
            done += 1
    missing = len(wanted - {m.id for m in catalog})
    if missing:
        problems.warning(path, None, f"{missing} UI string(s) are not in this catalogue yet: "
                                     f"run pybabel update (see TRANSLATING.md)")
    return done, len(wanted) or len([m for m in catalog if m.id])
