"""Site settings: the optional `waymark.yml` in the site folder, and the languages.

A site folder holds `waymark.yml`, `content/` (one folder per language),
`translations/` (the site's own UI catalogues, if any) and, once built,
`dist/`. A site without a settings file builds with the defaults below.
Every setting is checked up front and all problems are reported together.
Each key is documented in docs/configuration.md (a test keeps them in step).
"""
from dataclasses import dataclass, field
from pathlib import Path
import re
from urllib.parse import urlsplit

import yaml

from . import frontmatter, languages as langs
from .errors import did_you_mean

CONFIG_FILE = "waymark.yml"
CONTACTS_FOLDER = "contacts"  # content/contacts/<country>.yml, not a language
DEFAULT_COLOUR = "#0c5c58"
DEFAULTS = {"name": "Waymark", "default_language": "en", "languages": [],
            "language_settings": {}, "theme_colour": DEFAULT_COLOUR, "logo": None,
            "base_url": "", "overrides": None, "copy_outdated_after_days": 180,
            "content_licence": "CC-BY-4.0", "public_key": None}
# The licences a site can give its guides (SPDX ids), as the footer names
# and links them; "none" shows none.
CONTENT_LICENCES = {
    "CC-BY-4.0": {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"},
    "CC-BY-SA-4.0": {"name": "CC BY-SA 4.0",
                     "url": "https://creativecommons.org/licenses/by-sa/4.0/"},
    "CC-BY-NC-4.0": {"name": "CC BY-NC 4.0",
                     "url": "https://creativecommons.org/licenses/by-nc/4.0/"},
    "CC0-1.0": {"name": "CC0 1.0", "url": "https://creativecommons.org/publicdomain/zero/1.0/"},
    "none": None,
}


@dataclass
class Config:
    name: str  # in the default language
    default_language: str
    languages: list = field(default_factory=list)  # Language, in menu order
    names: dict = field(default_factory=dict)  # language code -> the site's name in it
    theme_colour: str = DEFAULT_COLOUR
    logo: Path | None = None
    base_url: str = ""  # "https://example.org/guides/", always ending in "/", or ""
    overrides: Path | None = None  # a folder with templates/ and static/ of the site's own
    copy_outdated_after_days: int = 180
    content_licence: str = "CC-BY-4.0"  # an SPDX id from CONTENT_LICENCES
    public_key: Path | None = None  # the Ed25519 key that signs USB copies (waymark keygen)
    site_dir: Path | None = None

    def language(self, code):
        return next((lang for lang in self.languages if lang.code == code), None)

    def name_in(self, code):
        return self.names.get(code) or self.name


def site_dir_of(content_dir):
    """The site folder: where waymark.yml sits, beside content/."""
    return Path(content_dir).resolve().parent


def load(content_dir, problems):
    """Read settings and the language folders; None when the build cannot go on."""
    content_dir = Path(content_dir)
    if not content_dir.is_dir():
        problems.error(content_dir, None, "the content folder does not exist")
        return None
    site_dir = site_dir_of(content_dir)
    path = site_dir / CONFIG_FILE
    settings = dict(DEFAULTS)
    if path.exists():
        settings.update(_read(path, problems))
    if (content_dir / CONFIG_FILE).exists():
        problems.error(content_dir / CONFIG_FILE, None, f"settings belong in the site folder: "
                                                        f"move this file to {path}")
    folders = _language_folders(content_dir, settings["language_settings"], problems)
    default = langs.normalise(settings["default_language"]) or settings["default_language"]
    if default not in folders:
        problems.error(content_dir / settings["default_language"], None,
                       f"the default language '{settings['default_language']}' has no folder: "
                       f"create {content_dir.name}/{settings['default_language']}/ "
                       f"or change default_language in {CONFIG_FILE}")
        return None
    order = []
    for code in settings["languages"]:
        wanted = langs.normalise(code) or code
        if wanted in folders and wanted not in order:
            order.append(wanted)
        elif wanted not in folders:
            problems.error(path, None, f"languages lists '{code}', but there is no "
                                       f"folder {content_dir.name}/{code}/")
    if default not in order:
        order.insert(0, default)
    order += sorted(code for code in folders if code not in order)
    names = _names(settings["name"])
    logo = _site_path(settings["logo"], site_dir)
    if logo and not logo.is_file():
        problems.error(path, None, f"'logo' names {settings['logo']}, which is not a file "
                                   f"in {site_dir}")
    overrides = _site_path(settings["overrides"], site_dir)
    if overrides and not overrides.is_dir():
        problems.error(path, None, f"'overrides' names {settings['overrides']}, which is not "
                                   f"a folder in {site_dir}")
    public_key = _site_path(settings["public_key"], site_dir)
    if public_key and not public_key.is_file():
        problems.error(path, None, f"'public_key' names {settings['public_key']}, which is not "
                                   f"a file in {site_dir}")
    return Config(names.get(default) or names[""], default, [folders[code] for code in order],
                  names=names, theme_colour=settings["theme_colour"], logo=logo,
                  base_url=settings["base_url"], overrides=overrides,
                  copy_outdated_after_days=settings["copy_outdated_after_days"],
                  content_licence=settings["content_licence"], public_key=public_key,
                  site_dir=site_dir)


def _language_folders(content_dir, overrides, problems):
    """{code: Language} for each language folder, reporting folders that are
    not a language or that name one language twice (zh_Hans and zh-Hans)."""
    found = {}
    for folder in sorted(content_dir.iterdir()):
        if not folder.is_dir() or folder.name.startswith((".", "_")) \
                or folder.name == CONTACTS_FOLDER:
            continue
        code = langs.normalise(folder.name)
        lang = langs.language(folder.name, overrides.get(code)) if code else None
        if lang is None:
            problems.error(folder, None, f"'{folder.name}' is not a language code "
                                         f"(use a code such as 'ar', 'fa' or 'pt-BR')")
        elif code in found:
            if folder.name.lower() != found[code].folder.lower():  # (case twins: see files.py)
                problems.error(folder, None, f"'{folder.name}' and '{found[code].folder}' are "
                                             f"the same language ({code}): keep one folder")
        else:
            found[code] = lang
    return found


def _names(value):
    """{"": the name in the default language, code: the name in that language}"""
    if isinstance(value, str):
        return {"": value}
    names = {langs.normalise(code) or code: text for code, text in value.items()}
    return {"": next(iter(names.values())), **names}


def _site_path(value, site_dir):
    return (site_dir / value).resolve() if value else None


# --- reading and checking waymark.yml -----------------------------------------

def _read(path, problems):
    readable, node = frontmatter.read_yaml(path, problems)
    if not readable or node is None:
        return {}
    if not isinstance(node, yaml.MappingNode):
        problems.error(path, 1, "settings must be lines of 'key: value'")
        return {}
    settings = {}
    for key_node, value_node in node.value:
        key, line = key_node.value, key_node.start_mark.line + 1
        if key in settings:
            problems.error(path, line, f"'{key}' is given twice")
        elif key not in CHECKS:
            problems.error(path, line, f"unknown key '{key}'{did_you_mean(key, CHECKS)}")
        else:
            value = CHECKS[key](value_node, lambda msg, at=None: problems.error(
                path, (at.start_mark.line + 1) if at is not None else line, f"'{key}' {msg}"))
            if value is not None:
                settings[key] = value
    return settings


def _text(node, bad):
    if isinstance(node, yaml.ScalarNode) and node.tag.endswith((":str", ":int", ":float")) \
            and node.value.strip():
        return node.value.strip()
    return bad("must be some text")


def _texts(node, bad):
    if isinstance(node, yaml.SequenceNode) and all(
            isinstance(item, yaml.ScalarNode) and item.value.strip() for item in node.value):
        return [item.value.strip() for item in node.value]
    return bad("must be a list of texts, such as [en, ar, fa]")


def _name(node, bad):
    if isinstance(node, yaml.MappingNode):
        names = {}
        for key, value in node.value:
            text = _text(value, lambda msg: bad(f"for '{key.value}' {msg}", key))
            if text is not None:
                names[key.value] = text
        return names or bad("must name the site in at least one language")
    return _text(node, bad)


def _colour(node, bad):
    value = _text(node, bad)
    if value is not None and not re.fullmatch(r"#[0-9a-fA-F]{6}", value):
        return bad(f"must be a colour written like {DEFAULT_COLOUR}, not '{value}'")
    return value and value.lower()


def _url(node, bad):
    value = _text(node, bad)
    if value is None:
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        return bad(f"must be the address the site is published at, such as "
                   f"https://example.org/guides/, not '{value}'")
    return value if value.endswith("/") else value + "/"


def _days(node, bad):
    value = _text(node, bad)
    if value is not None and not (value.isdigit() and int(value) > 0):
        return bad("must be a whole number of days, such as 180")
    return value and int(value)


def _licence(node, bad):
    value = _text(node, bad)
    if value is not None and value not in CONTENT_LICENCES:
        return bad(f"must be one of {', '.join(CONTENT_LICENCES)}, not '{value}'"
                   f"{did_you_mean(value, CONTENT_LICENCES)}")
    return value


def _language_settings(node, bad):
    if not isinstance(node, yaml.MappingNode):
        return bad("must map language codes to their settings (name, english_name, dir, "
                   "fallbacks)")
    out = {}
    for key, value in node.value:
        code = langs.normalise(key.value)
        if code is None:
            bad(f"lists '{key.value}', which is not a language code", key)
            continue
        if not isinstance(value, yaml.MappingNode):
            bad(f"for '{key.value}' must be settings such as 'dir: rtl'", key)
            continue
        entry = {}
        for sub, sub_value in value.value:
            if sub.value not in langs.SETTINGS:
                bad(f"for '{key.value}': unknown setting '{sub.value}'"
                    f"{did_you_mean(sub.value, langs.SETTINGS)}", sub)
            elif sub.value == "fallbacks":
                entry["fallbacks"] = tuple(langs.normalise(c) or c for c in
                                           _texts(sub_value, lambda m: bad(m, sub)) or ())
            elif sub.value == "dir":
                text = _text(sub_value, lambda m: bad(m, sub))
                if text not in ("ltr", "rtl"):
                    bad(f"for '{key.value}': dir must be ltr or rtl", sub)
                else:
                    entry["dir"] = text
            else:
                text = _text(sub_value, lambda m: bad(m, sub))
                if text:
                    entry[sub.value] = text
        out[code] = entry
    return out


CHECKS = {
    "name": _name,
    "default_language": _text,
    "languages": _texts,
    "language_settings": _language_settings,
    "theme_colour": _colour,
    "logo": _text,
    "base_url": _url,
    "overrides": _text,
    "copy_outdated_after_days": _days,
    "content_licence": _licence,
    "public_key": _text,
}
assert set(CHECKS) == set(DEFAULTS)
