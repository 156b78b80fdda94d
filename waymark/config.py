"""Site settings: the optional `content/waymark.yml`, and the languages.

A content folder without the file builds with the defaults below. Every
setting is checked up front and all problems are reported together.
"""
from dataclasses import dataclass, field
from pathlib import Path

from babel import Locale, UnknownLocaleError
import yaml

from . import frontmatter

CONFIG_FILE = "waymark.yml"
DEFAULTS = {"name": "Waymark", "default_language": "en", "languages": []}
SCHEMA = {"name": frontmatter.Field("text"),
          "default_language": frontmatter.Field("text"),
          "languages": frontmatter.Field("texts")}


@dataclass(frozen=True)
class Language:
    code: str  # the folder name, also the URL prefix and the HTML lang
    name: str  # its own name for itself, from Babel ("العربية")
    english_name: str
    dir: str  # "ltr" or "rtl"
    locale: Locale


@dataclass
class Config:
    name: str
    default_language: str
    languages: list = field(default_factory=list)  # Language, in menu order

    def language(self, code):
        return next((lang for lang in self.languages if lang.code == code), None)


def load(content_dir, problems):
    """Read settings and the language folders; None when the build cannot go on."""
    content_dir = Path(content_dir)
    if not content_dir.is_dir():
        problems.error(content_dir, None, "the content folder does not exist")
        return None
    settings = dict(DEFAULTS)
    path = content_dir / CONFIG_FILE
    if path.exists():
        settings.update(_read(path, problems))
    folders = sorted(p.name for p in content_dir.iterdir()
                     if p.is_dir() and not p.name.startswith((".", "_")))
    default = settings["default_language"]
    if default not in folders:
        problems.error(content_dir / default, None,
                       f"the default language '{default}' has no folder: "
                       f"create {content_dir.name}/{default}/ or change default_language")
        return None
    order = [code for code in settings["languages"] if code in folders]
    for code in settings["languages"]:
        if code not in folders:
            problems.error(path, None, f"languages lists '{code}', but there is no "
                                       f"folder {content_dir.name}/{code}/")
    rest = [code for code in folders if code not in order and code != default]
    if default not in order:
        order.insert(0, default)
    languages = [lang for lang in (_language(content_dir / code, problems)
                                   for code in order + rest) if lang]
    return Config(settings["name"], default, languages)


def _read(path, problems):
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problems.error(path, mark.line + 1 if mark else None,
                       f"not valid YAML: {getattr(error, 'problem', error)}")
        return {}
    if node is None:
        return {}
    if not isinstance(node, yaml.MappingNode):
        problems.error(path, 1, "settings must be lines of 'key: value'")
        return {}
    meta = frontmatter.check(node, path, SCHEMA, "settings", problems, first_line=1)
    return {key: value for key, value in meta.items() if value is not None}


def _language(folder, problems):
    code = folder.name
    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        problems.error(folder, None, f"'{code}' is not a language code "
                                     f"(use a code such as 'ar', 'fa' or 'pt-BR')")
        return None
    return Language(code=code, name=locale.get_display_name(locale) or code,
                    english_name=locale.get_display_name("en") or code,
                    dir="rtl" if locale.character_order == "right-to-left" else "ltr",
                    locale=locale)
