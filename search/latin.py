"""Latin letters typed for another script: «fasalouni» for فصلوني, "pasportamo"
for پاسپورتمو, "zabraly pasport" for забрали паспорт.

A reader on a borrowed phone, a shelter's computer or a keyboard without
their script types their language in Latin letters, each in the habits of
their own country (Arabizi writes ع as 3 and ح as 7; Maghrebi Arabic writes ش
as "ch", Persian writes چ so). Vowels are the least certain part: Arabic and
Persian leave short vowels unwritten, and readers spell the long ones as they
hear them. So a word is compared by its consonants: each letter of the
script, and each Latin spelling of it, stands for a class (`key`); vowels,
and the letters that are vowels or consonants by turns (و, ی, й), stand for
nothing. A Latin word that no guide has is read as the guide words whose
consonants are the same (query.py: `groups`). The tables go into the
browser's export, so that the browser reads such words from the same data.
"""
from functools import lru_cache
import re

from .analysis import base_code, without_article

MIN_KEY = 2  # consonants a Latin word needs before it is read so ("za", "fi" are not)
MAX_TERMS = 3  # guide terms a Latin word may stand for, the most used first

# The Arabic script, as `normalize` folds it (أ إ آ to ا, ی ى ئ to ي, ک to ك,
# ة to ه): letter -> class. Persian's own letters are here too.
_ARABIC_LETTERS = {
    "ا": "", "ء": "", "و": "", "ي": "", "ع": "3",
    "ب": "b", "پ": "p", "ت": "t", "ط": "t", "ث": "s", "ج": "j", "چ": "C", "ح": "h",
    "خ": "x", "د": "d", "ض": "d", "ذ": "z", "ز": "z", "ظ": "z", "ر": "r", "ژ": "Z",
    "س": "s", "ص": "s", "ش": "S", "غ": "g", "ف": "f", "ق": "q", "ك": "k", "گ": "G",
    "ل": "l", "م": "m", "ن": "n", "ه": "h",
}
# Persian says ع as a pause, ض as z and غ as ق, and writes them so in Latin.
_PERSIAN_LETTERS = {**_ARABIC_LETTERS, "ع": "", "ض": "z", "غ": "q"}
_UKRAINIAN_LETTERS = {
    **dict.fromkeys("аеєиіїоуюяйьыэёъ'", ""),
    "б": "b", "в": "v", "г": "h", "ґ": "h", "х": "h", "д": "d", "ж": "Z", "з": "z",
    "к": "k", "л": "l", "м": "m", "н": "n", "п": "p", "р": "r", "с": "s", "т": "t",
    "ф": "f", "ц": "c", "ч": "C", "ш": "S", "щ": "SC",
}
_VOWELS = dict.fromkeys("aeiouy", "")

# Latin spellings -> class, for each language (the longest spelling is read first).
_LATIN = {
    "ar": {**_VOWELS, "w": "", "2": "", "'": "",
           "3": "3", "7": "h", "5": "x", "kh": "x", "7'": "x", "x": "x", "6": "t",
           "9": "q", "q": "q", "gh": "g", "3'": "g", "sh": "S", "ch": "S", "th": "s",
           "dh": "z", "b": "b", "p": "b", "t": "t", "j": "j", "g": "j", "h": "h", "d": "d",
           "r": "r", "z": "z", "s": "s", "f": "f", "v": "f", "k": "k", "c": "k", "l": "l",
           "m": "m", "n": "n"},
    "fa": {**_VOWELS, "w": "", "v": "", "'": "",
           "kh": "x", "x": "x", "gh": "q", "q": "q", "sh": "S", "ch": "C", "zh": "Z",
           "b": "b", "p": "p", "t": "t", "j": "j", "h": "h", "d": "d", "r": "r", "z": "z",
           "s": "s", "f": "f", "k": "k", "c": "k", "g": "G", "l": "l", "m": "m", "n": "n"},
    "uk": {**_VOWELS, "j": "", "'": "",
           "shch": "SC", "sch": "SC", "zh": "Z", "kh": "h", "ch": "C", "sh": "S", "ts": "c",
           "tz": "c", "c": "c", "x": "h", "h": "h", "g": "h", "b": "b", "v": "v", "w": "v",
           "d": "d", "z": "z", "k": "k", "q": "k", "l": "l", "m": "m", "n": "n", "p": "p",
           "r": "r", "s": "s", "t": "t", "f": "f"},
}
_LETTERS = {"ar": _ARABIC_LETTERS, "fa": _PERSIAN_LETTERS, "uk": _UKRAINIAN_LETTERS}
# Letters that stand for nothing at a word's end: ه there is most often the
# vowel of ة or of Persian's گرفته ("gerefte").
_FINAL = {"ar": {"ه": ""}, "fa": {"ه": ""}}
_TYPED = re.compile(r"[a-z0-9']*[a-z][a-z0-9']*")


@lru_cache(maxsize=None)
def table(lang):
    """What the browser needs to read Latin words as `lang`'s, or None:
    {"latin": [[spelling, class], ...] longest first, "letters": {letter:
    class}, "final": {letter: class at a word's end}, "minKey", "maxTerms"}."""
    code = base_code(lang)
    if code not in _LATIN:
        return None
    latin = sorted(_LATIN[code].items(), key=lambda item: (-len(item[0]), item[0]))
    return {"latin": [list(item) for item in latin], "letters": _LETTERS[code],
            "final": _FINAL.get(code, {}), "minKey": MIN_KEY, "maxTerms": MAX_TERMS}


def latin_key(folded, lang):
    """The consonant classes of a folded word typed in Latin letters for
    `lang`, or None when it is not such a word."""
    tab = table(lang)
    if tab is None or not _TYPED.fullmatch(folded):
        return None
    key, at = [], 0
    while at < len(folded):
        for spelling, cls in tab["latin"]:
            if folded.startswith(spelling, at):
                key.append(cls)
                at += len(spelling)
                break
        else:
            at += 1  # a digit that stands for no letter
    return "".join(key)


def script_keys(folded, lang):
    """The consonant classes of a folded guide word of `lang`, with Arabic's
    article and without it (readers write "el-" or leave it out): [] when
    the word has a letter outside the script's table."""
    tab = table(lang)
    letters, final = tab["letters"], tab["final"]
    if not folded or any(char not in letters for char in folded):
        return []
    forms = [folded, without_article(folded)]
    keys = []
    for form in forms:
        key = "".join(letters[char] for char in form[:-1]) + final.get(form[-1], letters[form[-1]])
        if key not in keys:
            keys.append(key)
    return keys


def by_key(known, lang, frequency):
    """{consonant classes: [(folded guide word, its term), ...], a word for
    each term, the most used terms first, at most MAX_TERMS} of the index's
    guide words (`known`, query.Words)."""
    found = {}
    for folded, _, term in known.folded:
        for key in script_keys(folded, lang):
            read = found.setdefault(key, [])
            if all(term != other for _, other in read):
                read.append((folded, term))
    # (sorted keeps index order among terms used as much)
    return {key: sorted(read, key=lambda pair: -frequency(pair[1]))[:MAX_TERMS]
            for key, read in found.items()}


def read_as(folded, lang, known, frequency):
    """The guide words, with their terms, that a word typed in Latin letters
    stands for: [(folded guide word, term), ...], or []."""
    key = latin_key(folded, lang)
    if not key or len(key) < MIN_KEY:
        return []
    cache = known.latin_keys
    if lang not in cache:
        cache[lang] = by_key(known, lang, frequency)
    return list(cache[lang].get(key, []))
