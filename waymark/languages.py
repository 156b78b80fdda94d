"""Languages: a folder's code to a name, a direction, locale data and the
catalogues that fill its gaps.

Babel's locale data gives the native name and direction of most languages.
For languages used on migration routes that Babel lacks or gets wrong, the
table below says what to use; a site can override any of it in
`waymark.yml` (`language_settings`).
"""
from dataclasses import dataclass, field
import re

from babel import Locale, UnknownLocaleError


@dataclass(frozen=True)
class Language:
    code: str  # BCP 47, as in URLs and the HTML lang attribute: "pt-BR", "zh-Hans"
    name: str  # its own name for itself ("العربية")
    english_name: str
    dir: str  # "ltr" or "rtl"
    locale: Locale  # dates, numbers and plural rules
    folder: str = ""  # the content folder as written ("pt_BR" or "pt-BR")
    fallbacks: tuple = field(default=())  # codes whose UI strings fill the gaps

    @property
    def catalogue(self):
        """The catalogue folder under translations/, as pybabel names it."""
        return self.code.replace("-", "_")


# What Babel lacks or gets wrong. `locale` is the Babel locale whose data
# (dates, digits, plural rules) the language uses.
KNOWN = {
    # Dari: Afghan Persian. Babel has no "prs"; fa_AF has its calendar and digits.
    "prs": dict(name="دری", english_name="Dari", dir="rtl", locale="fa_AF", fallbacks=("fa",)),
    # Hazaragi, written in Persian script; Babel has no "haz".
    "haz": dict(name="هزارگی", english_name="Hazaragi", dir="rtl", locale="fa_AF",
                fallbacks=("prs", "fa")),
    # Babel takes rhg-Latn for the Hanifi script and right to left.
    "rhg-Latn": dict(name="Ruáingga", english_name="Rohingya (Latin)", dir="ltr",
                     locale="en", fallbacks=()),
    # Babel gives Kurdish in Arabic script the direction of Kurmanji (Latin).
    "ku-Arab": dict(name="کوردی", english_name="Kurdish (Arabic script)", dir="rtl",
                    locale="ckb", fallbacks=("ckb",)),
}
SETTINGS = ("name", "english_name", "dir", "fallbacks")
_SUBTAG = re.compile(r"[A-Za-z0-9]{1,8}")


def normalise(folder):
    """The BCP 47 spelling of a folder name: zh_hans -> zh-Hans, pt_br -> pt-BR;
    None if it cannot be a language code."""
    parts = re.split(r"[-_]", folder)
    if not all(_SUBTAG.fullmatch(p) for p in parts) or not re.fullmatch(r"[A-Za-z]{2,3}", parts[0]):
        return None
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            out.append(part.title())  # script
        elif len(part) == 2 and part.isalpha() or len(part) == 3 and part.isdigit():
            out.append(part.upper())  # region
        else:
            out.append(part.lower())
    return "-".join(out)


def language(folder, overrides=None):
    """The Language of a content folder, or None when no locale data fits."""
    code = normalise(folder)
    if code is None:
        return None
    settings = dict(KNOWN.get(code, {}))
    settings.update(overrides or {})
    locale = _locale(settings.get("locale") or code)
    if locale is None:
        locale = _locale(settings["fallbacks"][0]) if settings.get("fallbacks") else None
        if locale is None or "name" not in settings:
            return None
    base = code.split("-")[0]
    fallbacks = tuple(settings.get("fallbacks", ()))
    if base != code and base not in fallbacks:
        fallbacks = (base, *fallbacks)  # fa-AF reads fa's strings where it has none
    return Language(
        code=code, folder=folder,
        name=settings.get("name") or locale.get_display_name(locale) or code,
        english_name=settings.get("english_name") or locale.get_display_name("en") or code,
        dir=settings.get("dir") or ("rtl" if locale.character_order == "right-to-left" else "ltr"),
        locale=locale, fallbacks=fallbacks)


def _locale(code):
    try:
        return Locale.parse(code.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return None


def known(code):
    """Whether `code` names a language Waymark can build."""
    return language(code) is not None
