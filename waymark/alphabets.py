"""Alphabetical order in each language, for the glossary and its letter index.

Sorting by code point puts Spanish ñ after z and Persian پ چ ژ گ after the
Arabic letters, and Ukrainian ґ є і ї after я. ICU's collation would know
better, but PyICU has no wheels on PyPI, and Babel carries no exemplar
characters to build the order from. So the languages we ship write their
alphabet out here; a letter with an accent that is not a letter of its own
(é in French, á in Spanish) sorts with its base letter, just after it. Other
languages sort by the base letters' code points, which is right for most
Latin and Cyrillic alphabets.
"""
from functools import lru_cache
import unicodedata

ALPHABETS = {
    "en": "a b c d e f g h i j k l m n o p q r s t u v w x y z",
    "fr": "a b c d e f g h i j k l m n o p q r s t u v w x y z",
    "es": "a b c d e f g h i j k l m n ñ o p q r s t u v w x y z",
    "uk": "а б в г ґ д е є ж з и і ї й к л м н о п р с т у ф х ц ч ш щ ь ю я",
    "ru": "а б в г д е ё ж з и й к л м н о п р с т у ф х ц ч ш щ ъ ы ь э ю я",
    "ar": "ا ب ت ث ج ح خ د ذ ر ز س ش ص ض ط ظ ع غ ف ق ك ل م ن ه و ي",
    "fa": "ا ب پ ت ث ج چ ح خ د ذ ر ز ژ س ش ص ض ط ظ ع غ ف ق ک گ ل م ن و ه ی",
}
# Forms that sort as another letter: hamza seats and alef forms with alef,
# teh marbuta with heh, the Arabic and Persian kaf and yeh with each other.
FOLDS = {"آ": "ا", "أ": "ا", "إ": "ا", "ٱ": "ا", "ة": "ه", "ۀ": "ه", "ى": "ي", "ئ": "ي",
         "ؤ": "و", "ك": "ک", "ي": "ی", "ک": "ك", "ی": "ي"}


@lru_cache(maxsize=None)
def _ranks(code):
    letters = ALPHABETS.get(code) or ALPHABETS.get(code.split("-")[0])
    return {letter: rank for rank, letter in enumerate(letters.split())} if letters else {}


def _letter(char, ranks):
    """(rank, letter) of one character, or None for what sorting ignores
    (spaces, punctuation, the zero-width non-joiner, combining marks)."""
    if char in ranks:
        return ranks[char], char
    for candidate in (unicodedata.normalize("NFD", char)[0], FOLDS.get(char, "")):
        if candidate in ranks:
            return ranks[candidate], candidate
    base = unicodedata.normalize("NFD", char)[0]
    if base.isalnum():
        return len(ranks) + ord(base), base  # after the alphabet, in code point order
    return None


def sort_key(text, code):
    """A key that sorts `text` in the alphabetical order of language `code`:
    letter by letter first, then accents and forms (the text itself)."""
    ranks = _ranks(code)
    folded = text.casefold()
    letters = [found[0] for found in (_letter(c, ranks) for c in folded) if found]
    return letters, folded


def initial(text, code):
    """The letter `text` is filed under in the index: "Ñ" for "ñandú" in
    Spanish, "N" for "näive" in English, "پ" for "پناهنده" in Persian."""
    ranks = _ranks(code)
    for char in text.casefold():
        found = _letter(char, ranks)
        if found:
            return found[1].upper()
    return ""
