"""The contacts directory: `content/contacts/<country>.yml`.

One file per country, named by its ISO 3166 code (`gr.yml`, `de.yml`), and
`global.yml` for organisations that work everywhere. Each entry says who
they are, what they do, how to reach them and when someone last checked
that it is right:

    entries:
      - name: UNHCR Help
        what: {en: Information for refugees..., es: Información para...}
        website: https://help.unhcr.org/
        phone: "+30 210 000 0000"
        sms: "+30 690 000 0000"
        whatsapp: "+30 690 000 0000"
        email: help@example.org
        hours: {en: Monday to Friday, 9:00 to 17:00}
        languages: [en, ar, fa]
        free: true
        verified_on: 2026-12-01

An entry without `verified_on` is an error: a wrong number in a rights
guide can hurt someone. One checked more than a year ago is a warning.
Texts (`what`, `hours`) are either one text or one per language; a reader
whose language has none sees the default language's.
"""
from dataclasses import dataclass, field
import datetime
from pathlib import Path
import re
from urllib.parse import urlsplit

from babel import Locale
import yaml

from . import frontmatter
from .errors import did_you_mean

FOLDER = "contacts"
GLOBAL = "global"
STALE_AFTER = datetime.timedelta(days=365)
KEYS = ("name", "what", "website", "phone", "sms", "whatsapp", "email", "hours", "languages",
        "free", "verified_on")
WAYS = ("website", "phone", "sms", "whatsapp", "email")
_PHONE = re.compile(r"\+?[0-9][0-9 ()-]{2,20}[0-9]")


@dataclass
class Contact:
    name: str
    what: dict  # language code ("" for all) -> text
    verified_on: datetime.date
    website: str = ""
    phone: str = ""
    sms: str = ""
    whatsapp: str = ""
    email: str = ""
    hours: dict = field(default_factory=dict)
    languages: list = field(default_factory=list)
    free: bool | None = None

    def text(self, name, lang, default):
        texts = getattr(self, name)
        return texts.get(lang) or texts.get("") or texts.get(default, "")

    @property
    def digits(self):
        """The numbers as tel:, sms: and wa.me links need them."""
        return {way: re.sub(r"[^0-9+]", "", getattr(self, way)) for way in ("phone", "sms",
                                                                             "whatsapp")}


@dataclass
class Directory:
    code: str  # "global" or an ISO 3166 country code, lower case
    file: Path
    contacts: list

    def title(self, locale):
        """The country's name in the reader's language (Babel's), or None
        for the organisations that work everywhere."""
        return None if self.code == GLOBAL else locale.territories.get(self.code.upper())


def load(content_dir, problems, today=None):
    """Every directory, global first, then countries by code."""
    today = today or datetime.date.today()
    folder = Path(content_dir) / FOLDER
    if not folder.is_dir():
        return []
    found = []
    for file in sorted(folder.glob("*.yml"), key=lambda f: (f.stem != GLOBAL, f.stem)):
        if file.stem != GLOBAL and file.stem.upper() not in Locale("en").territories:
            problems.error(file, None, f"'{file.stem}' is not a country code: name the file by "
                                       f"its ISO 3166 code (gr.yml, de.yml) or global.yml")
            continue
        contacts = _read(file, today, problems)
        if contacts:
            found.append(Directory(file.stem.lower(), file, contacts))
    return found


def _read(file, today, problems):
    readable, node = frontmatter.read_yaml(file, problems)
    if not readable:
        return []
    entries = _mapping(node).get("entries") if node is not None else None
    if entries is None or not isinstance(entries[1], yaml.SequenceNode):
        problems.error(file, 1, "a contacts file holds 'entries:', a list of organisations "
                                "(see the README)")
        return []
    return [contact for contact in (_contact(item, file, today, problems)
                                    for item in entries[1].value) if contact]


def _mapping(node):
    """{key: (key node, value node)} of a YAML mapping node."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {key.value: (key, value) for key, value in node.value}


def _contact(node, file, today, problems):
    line = node.start_mark.line + 1
    if not isinstance(node, yaml.MappingNode):
        problems.error(file, line, "each entry is a set of 'key: value' lines, starting '- name:'")
        return None
    fields, ok = {}, True

    def bad(key_node, message):
        nonlocal ok
        ok = False
        problems.error(file, key_node.start_mark.line + 1, message)

    for key, (key_node, value) in _mapping(node).items():
        if key not in KEYS:
            bad(key_node, f"unknown key '{key}'{did_you_mean(key, KEYS)}")
        elif key in ("what", "hours"):
            fields[key] = _texts(value, key, key_node, bad)
        elif key == "languages":
            if isinstance(value, yaml.SequenceNode) and all(
                    isinstance(v, yaml.ScalarNode) for v in value.value):
                fields[key] = [v.value for v in value.value]
            else:
                bad(key_node, "'languages' must be a list of language codes, such as [en, ar]")
        elif key == "free":
            if value.tag.endswith(":bool"):
                fields[key] = value.value.lower() in ("true", "yes", "on")
            else:
                bad(key_node, "'free' must be true or false")
        elif key == "verified_on":
            try:
                fields[key] = datetime.date.fromisoformat(value.value)
            except (ValueError, TypeError, AttributeError):
                bad(key_node, "'verified_on' must be the date someone last checked this entry, "
                              "written like 2026-11-23")
        elif not isinstance(value, yaml.ScalarNode) or not value.value.strip():
            bad(key_node, f"'{key}' must be some text")
        else:
            fields[key] = _way(key, value.value.strip(), key_node, bad)
    name = fields.get("name") or "this entry"
    if "name" not in fields:
        bad(node, "an entry needs a 'name'")
    if not any(fields.get(way) for way in WAYS):
        bad(node, f"{name}: give at least one way to reach them "
                  f"({', '.join(WAYS)})")
    if "verified_on" not in _mapping(node):
        bad(node, f"{name}: add 'verified_on' with the date someone checked this entry; "
                  f"a contact nobody checked is not shown")
    elif fields.get("verified_on") and today - fields["verified_on"] > STALE_AFTER:
        problems.warning(file, _mapping(node)["verified_on"][0].start_mark.line + 1,
                         f"{name} was last checked on {fields['verified_on'].isoformat()}, more "
                         f"than a year ago: check it, then update 'verified_on'")
    if not ok:
        return None
    return Contact(what=fields.pop("what", {}), **fields)


def _texts(node, key, key_node, bad):
    if isinstance(node, yaml.ScalarNode) and node.value.strip():
        return {"": node.value.strip()}
    if isinstance(node, yaml.MappingNode) and all(
            isinstance(v, yaml.ScalarNode) and v.value.strip() for _, v in node.value):
        return {k.value: v.value.strip() for k, v in node.value}
    bad(key_node, f"'{key}' must be a text, or one text per language: {{en: ..., ar: ...}}")
    return {}


def _way(key, value, key_node, bad):
    """Check a website, e-mail or number; return it as written."""
    if key == "website":
        parts = urlsplit(value)
        if parts.scheme != "https" or not parts.netloc:
            bad(key_node, f"'website' must be a full https:// address, not '{value}'")
    elif key == "email" and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value):
        bad(key_node, f"'email' must be an e-mail address, not '{value}'")
    elif key in ("phone", "sms", "whatsapp") and not _PHONE.fullmatch(value):
        bad(key_node, f"'{key}' must be a number written with its country code, such as "
                      f"+30 210 000 0000, not '{value}'")
    return value
