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
    """Read one catalogue, or None with the problems reported."""
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
    return catalog if len(problems.errors) == errors_before else None


def compile_all(translations_dir, languages, out_dir, problems):
    """Compile every catalogue the languages have into `out_dir`."""
    for lang in languages:
        path = po_path(translations_dir, lang)
        if not path.exists():
            continue
        catalog = load(path, problems)
        if catalog is None:
            continue
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
