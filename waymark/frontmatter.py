"""YAML front matter: split it from the Markdown and check it against a schema.

We read YAML nodes rather than loaded values so that every problem can name
the line it is on, and so that a value like `source_revision: 0123` or
`title: 2024` stays the text the translator typed instead of becoming a
number.
"""
from collections import deque
from dataclasses import dataclass
import datetime
import re

import yaml

from .errors import did_you_mean


@dataclass(frozen=True)
class Field:
    kind: str  # "text", "date", "int", "texts" (a list of text), "choice"
    required: bool = False
    choices: tuple = ()


TITLE = Field("text", required=True)
SUMMARY = Field("text")
SOURCES = Field("texts")
REVISION = Field("revision", required=True)
STATUS = Field("choice", choices=("draft", "reviewed"))

# Which keys each kind of file may have. A translation takes its order (and,
# when it does not give its own, its date and sources) from the source file.
SCHEMAS = {
    "guide": {"title": TITLE, "summary": SUMMARY,
              "reviewed": Field("date", required=True),
              "sources": SOURCES, "order": Field("int")},
    "guide translation": {"title": TITLE, "summary": SUMMARY,
                          "reviewed": Field("date"), "sources": SOURCES,
                          "source_revision": REVISION, "status": STATUS},
    "section": {"title": TITLE, "summary": SUMMARY, "order": Field("int")},
    "section translation": {"title": TITLE, "summary": SUMMARY,
                            "source_revision": REVISION, "status": STATUS},
}
SCHEMAS["page"] = SCHEMAS["guide"]
SCHEMAS["page translation"] = SCHEMAS["guide translation"]

REVISION_RE = re.compile(r"[0-9a-f]{7,40}")

# A long guide is some 20,000 characters. Far past that, the Markdown reader
# slows to minutes (its cost grows faster than the text), so a file this
# big is refused rather than left to hang the build.
MAX_CHARS = 200_000
# The tags YAML gives plain values by itself; any other (`!!python/object`,
# `!custom`) asks a loader to build something, which front matter never needs.
PLAIN_TAGS = {f"tag:yaml.org,2002:{name}" for name in
              ("str", "int", "float", "bool", "null", "timestamp", "seq", "map", "merge")}


@dataclass
class Document:
    meta: dict
    body: str
    body_line: int  # the file line the Markdown body starts on
    lines: dict  # key -> the file line it is on


def split(text, path, problems):
    """Split `text` into front matter and body; None if it cannot be read."""
    if text.startswith("\ufeff"):
        text = text[1:]  # the byte-order mark some Windows editors write
    if not _is_readable_text(text, path, problems):
        return None
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        problems.error(path, 1, "the file must start with front matter: a line '---', "
                                "then 'title: ...', then a closing '---'")
        return None
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return "".join(lines[1:index]), "".join(lines[index + 1:]), index + 2
    problems.error(path, 1, "the front matter is not closed: add a line '---' after it")
    return None


def _is_readable_text(text, path, problems):
    nul = text.find("\0")
    if nul >= 0:
        problems.error(path, text.count("\n", 0, nul) + 1,
                       "the file contains a NUL character (a zero byte): it is damaged, "
                       "or saved as UTF-16; save it again as UTF-8 text")
        return False
    if len(text) > MAX_CHARS:
        problems.error(path, text.count("\n", 0, MAX_CHARS) + 1,
                       f"the file is longer than {MAX_CHARS:,} characters (it has "
                       f"{len(text):,}): split it into several guides")
        return False
    return True


def compose(text):
    """The YAML node tree of `text`. libyaml's reader, where PyYAML has it,
    is ten times as fast; PyYAML's own reads a broken file again, for the
    wording of its messages, which translators are shown."""
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            return yaml.compose(text, Loader=fast)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


def read_yaml(path, problems):
    """(True, the node tree of the YAML file at `path`: None when it is
    empty), or (False, None) when it cannot be read, reported with its line."""
    try:
        return True, compose(path.read_text(encoding="utf-8-sig"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        mark = getattr(error, "problem_mark", None)
        problems.error(path, mark.line + 1 if mark else None,
                       f"not valid YAML: {getattr(error, 'problem', None) or error}")
        return False, None


def parse(text, path, schema_name, problems):
    """Return a Document, or None when the front matter is unusable."""
    parts = split(text, path, problems)
    if parts is None:
        return None
    header, body, body_line = parts
    try:
        node = compose(header)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        reason = getattr(error, "problem", None) or str(error)
        if "mapping values are not allowed" in reason:
            reason += " (a value that contains ': ' must be in quotes: title: \"Step 1: ask\")"
        problems.error(path, line, f"the front matter is not valid YAML: {reason}")
        return None
    except RecursionError:
        problems.error(path, 2, "the front matter is nested too deeply to read: "
                                "write each value as plain text")
        return None
    if node is None or not isinstance(node, yaml.MappingNode):
        problems.error(path, 2, "the front matter must be lines of 'key: value'")
        return None
    if not plain(node, path, problems):
        return None
    meta = check(node, path, SCHEMAS[schema_name], schema_name, problems)
    lines = {key.value: key.start_mark.line + 2 for key, _ in node.value}
    return Document(meta, body, body_line, lines)


def plain(node, path, problems, first_line=2):
    """Whether a composed YAML document is plain keys and values: no tags that
    ask for Python objects, no lists or mappings used as keys."""
    ok, todo, seen = True, deque([node]), set()
    while todo:  # a loop, not recursion: the nesting can be as deep as the file
        node = todo.popleft()
        if id(node) in seen:
            continue  # an alias (*name) to a node already looked at: it may hold itself
        seen.add(id(node))
        line = node.start_mark.line + first_line
        if node.tag not in PLAIN_TAGS:
            shown = node.tag.replace("tag:yaml.org,2002:", "!!")
            problems.error(path, line, f"the YAML tag '{shown}' is not allowed: "
                                       f"front matter holds plain text, so remove the tag")
            ok = False
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if not isinstance(key, yaml.ScalarNode):
                    problems.error(path, key.start_mark.line + first_line,
                                   "a key must be a plain word, such as 'title'")
                    ok = False
                todo += [key, value]
        elif isinstance(node, yaml.SequenceNode):
            todo += node.value
    return ok


def check(node, path, schema, schema_name, problems, first_line=2):
    """Check a YAML mapping whose first line is line `first_line` of the file."""
    meta, seen, suggested = {}, set(), set()
    for key_node, value_node in node.value:
        key, line = key_node.value, key_node.start_mark.line + first_line
        if key in seen:
            problems.error(path, line, f"'{key}' is given twice")
        elif key not in schema:
            hint = did_you_mean(key, schema) or _hint_for(key, schema_name)
            suggested.add(hint.partition("'")[2].partition("'")[0])
            problems.error(path, line, f"unknown key '{key}'{hint}")
        else:
            value = convert(value_node, key, schema[key], path, line, problems)
            if value is not None:  # else reported; the key has no value to use
                meta[key] = value
            seen.add(key)
    for key, spec in schema.items():
        # A misspelt required key is one mistake, reported once above.
        if spec.required and key not in seen and key not in suggested:
            problems.error(path, first_line, f"missing required key '{key}'")
    return meta


def _hint_for(key, schema_name):
    if key == "order" and schema_name.endswith("translation"):
        return " (a translation takes its order from the source file)"
    if key in ("source_revision", "status") and not schema_name.endswith("translation"):
        return f" ('{key}' belongs in translations, not in the source language)"
    return ""


def convert(node, key, spec, path, line, problems):
    """The Python value of one front-matter entry, or None after an error."""
    def bad(expected):
        problems.error(path, line, f"'{key}' must be {expected}")

    if spec.kind == "texts":
        if not isinstance(node, yaml.SequenceNode) or not all(
                _is_text(item) for item in node.value):
            return bad("a list of texts, one per line starting with '- '")
        return [item.value.strip() for item in node.value]
    if spec.kind == "text" and not isinstance(node, yaml.ScalarNode):
        return bad("some text; a text that starts with '[' or '{' must be in quotes: "
                   "title: \"[Draft] Your pay\"")
    if not isinstance(node, yaml.ScalarNode) or node.tag.endswith(":null"):
        return bad(_describe(spec))
    value = node.value.strip()
    if spec.kind == "text":
        return value if value else bad("some text")
    if spec.kind == "date":
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return bad("a date written like 2026-11-23")
    if spec.kind == "int":
        return int(value) if re.fullmatch(r"-?\d+", value) else bad("a whole number")
    if spec.kind == "revision":
        return value if REVISION_RE.fullmatch(value) else bad(
            "the source file's revision: 7 to 40 characters 0-9 a-f")
    if spec.kind == "choice":
        if value in spec.choices:
            return value
        return bad(" or ".join(f"'{c}'" for c in spec.choices))
    raise AssertionError(spec.kind)


def _is_text(node):
    return isinstance(node, yaml.ScalarNode) and node.value.strip() != ""


def _describe(spec):
    return {"text": "some text", "date": "a date written like 2026-11-23",
            "int": "a whole number", "revision": "a revision such as 3f2a9c1e7b40",
            "choice": " or ".join(f"'{c}'" for c in spec.choices)}[spec.kind]
