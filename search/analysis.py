"""How text becomes search terms, for every script we ship.

The same steps run in the browser (`site/static/search/search.js`), so a
query finds the same guides offline as on the preview server:

1. words: runs of letters, combining marks and digits. Everything else
   separates words, so the Ethiopic word space and full stop, the Arabic and
   Urdu comma and full stop, apostrophes (but between two Cyrillic
   letters, inside a Ukrainian word) and the zero-width non-joiner all split words,
   while the marks of Bengali, Devanagari or Thai stay inside them;
2. normalise: NFKC, lower case, Latin and Greek accents removed ("queja" and
   "quéja" are one word), Arabic-script folding (harakat and tatweel removed,
   alef forms, hamza on yeh and waw as the bare letter (رسايل, the spoken
   spelling of رسائل), Persian and Arabic yeh and kaf, teh marbuta as heh)
   Eastern Arabic and Persian digits as 0-9, Ethiopic letters that sound the
   same (ሐ ኀ as ሀ, ሠ as ሰ, ዐ as አ, ፀ as ጸ, each in all seven orders, as
   writers use them interchangeably), Bengali khanda ta (ৎ) as ত্ and
   Turkish dotless ı as i;
3. scripts written without spaces (Chinese, Japanese, Thai, Lao, Burmese,
   Khmer) become overlapping two-character pieces, so "劳动法" is "劳动 动法";
4. stop words removed (`search/stopwords.py`: Snowball's lists where Whoosh
   has them, else stopwordsiso's, less the words that matter to meaning);
5. stemming where we have a stemmer for the language and the browser has the
   same one (`site/static/search/stem-<lang>.js`): Whoosh's Snowball ports,
   Snowball's Persian (the `snowballstemmer` package) and our own light
   Ukrainian stemmer (`search/ukrainian.py`). A stemmer sees the word with
   its accents, which it needs ("licencié" and "licenciement" share a stem
   only so); Latin and Greek accents are folded after it, so a reader may
   type them or not. Languages without a stemmer fold accents in step 2.
"""
from functools import lru_cache
from pathlib import Path
import re
import threading
import unicodedata

import snowballstemmer
from whoosh import lang as whoosh_lang
from whoosh.analysis import Analyzer, Token
from whoosh.lang.isri import ISRIStemmer

from . import stopwords, ukrainian

STEMMERS_JS = Path(__file__).resolve().parent.parent / "site" / "static" / "search"

_ACCENTED = (0x0041, 0x024F), (0x1E00, 0x1EFF), (0x0370, 0x03FF), (0x1F00, 0x1FFF)
_SPACELESS = ((0x0E00, 0x0EFF), (0x1000, 0x109F), (0x1780, 0x17FF), (0x3040, 0x30FF),
              (0x31F0, 0x31FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF),
              (0x20000, 0x2FA1F))
_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8"
                           "\u06ea-\u06ed\u0640]")
_ARABIC_FOLD = str.maketrans({
    "\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627",  # alef
    "\u0649": "\u064a", "\u06cc": "\u064a",  # alef maksura, Persian yeh -> yeh
    "\u0626": "\u064a", "\u0624": "\u0648",  # hamza on yeh and on waw, often typed without
    "\u06a9": "\u0643",  # Persian kaf -> kaf
    "\u0629": "\u0647", "\u06c0": "\u0647", "\u06d5": "\u0647",  # teh marbuta and heh forms
    **{chr(0x0660 + d): str(d) for d in range(10)},  # Arabic-Indic digits
    **{chr(0x06F0 + d): str(d) for d in range(10)},  # Persian digits
    **{chr(start + order): chr(target + order)  # Ethiopic homophones, all 8 orders
       for start, target in ((0x1210, 0x1200), (0x1280, 0x1200), (0x1220, 0x1230),
                             (0x12D0, 0x12A0), (0x1340, 0x1338))
       for order in range(8)},
    "ৎ": "ত্",  # Bengali khanda ta
    "ı": "i",  # Turkish dotless i, which capitals and foreign keyboards lose
    "\u2019": "'", "\u02bc": "'",  # the apostrophes inside a Ukrainian word
})


def _in(ranges, char):
    code = ord(char)
    return any(low <= code <= high for low, high in ranges)


def _class(ranges):
    """A regular-expression character class of code point ranges."""
    return "".join(f"{re.escape(chr(low))}-{re.escape(chr(high))}" for low, high in ranges)


# Letters and digits (Python's \w less "_" and ʼ), and an apostrophe between
# two Cyrillic letters, which is inside a Ukrainian word (б'є, сім'я).
_LETTERS = r"[^\W_\u02bc]+"
_WORD = re.compile(f"{_LETTERS}(?:(?<=[\u0400-\u04ff])['\u2019\u02bc](?=[\u0400-\u04ff]){_LETTERS})*")
_SPACELESS_CHAR = re.compile(f"[{_class(_SPACELESS)}]")


# Unicode puts combining marks in planes 0, 1 and 14 only (a test checks the
# rest), so the table below need not look at a million code points.
MARK_PLANES = (range(0x20000), range(0xE0000, 0xF0000))


@lru_cache(maxsize=None)
def _marks_as_letters():
    """A str.translate table that turns every combining mark (Unicode
    category M) into a letter, so that \\w keeps marks inside words."""
    return {code: "a" for plane in MARK_PLANES for code in plane
            if unicodedata.category(chr(code))[0] == "M"}


def words(text):
    """(start, end) of each word in `text`: runs of letters, combining marks
    and digits. An apostrophe splits words ("l'agence"), except between two
    Cyrillic letters: Ukrainian writes it inside words (б'є, "beats"), as
    ', ’ or the letter ʼ, which `normalize` reads as one. (One pass of the
    regular-expression engine, rather than a test per character.)"""
    return [match.span() for match in _WORD.finditer(text.translate(_marks_as_letters()))]


@lru_cache(maxsize=200_000)
def normalize(word, accents=False):
    """A word as the index stores it, before stop words and stemming; with
    `accents`, Latin and Greek accents stay (for a stemmer that needs them)."""
    word = unicodedata.normalize("NFKC", word).lower()
    kept, accented_base = [], False
    for char in unicodedata.normalize("NFD", word):
        if "\u0300" <= char <= "\u036f" and accented_base and not accents:
            continue
        if not unicodedata.category(char).startswith("M"):
            accented_base = _in(_ACCENTED, char)
        kept.append(char)
    word = unicodedata.normalize("NFC", "".join(kept))
    return _ARABIC_MARKS.sub("", word).translate(_ARABIC_FOLD)


def clusters(word):
    """A word's letters, each with the marks that follow it (ক্ষা is two)."""
    out = []
    for char in word:
        if out and unicodedata.category(char).startswith("M"):
            out[-1] += char
        else:
            out.append(char)
    return out


@lru_cache(maxsize=200_000)
def pieces(word):
    """Split a normalised word into terms: n-grams where the script has no
    spaces. (A tuple: it is cached, and most words are one piece.)"""
    if not _SPACELESS_CHAR.search(word):
        return (word,) if word else ()
    out, run = [], []

    def flush_run():
        letters = clusters(run)
        if len(letters) == 1:
            out.append(letters[0])
        out.extend(a + b for a, b in zip(letters, letters[1:]))
        run.clear()

    other = []
    for char in word:
        spaceless = _in(_SPACELESS, char)
        if spaceless or (run and unicodedata.category(char).startswith("M")):
            if other:
                out.append("".join(other))
                other.clear()
            run.append(char)
        else:
            if run:
                flush_run()
            other.append(char)
    if run:
        flush_run()
    if other:
        out.append("".join(other))
    return tuple(out)


def terms_of(text, accents=False):
    """(piece, start, end) for each piece of `text`, before stop words and stemming."""
    for start, end in words(text):
        for piece in pieces(normalize(text[start:end], accents)):
            yield piece, start, end


def _whoosh(code):
    return whoosh_lang.stemmer_for_language(code)


def _arabic():
    """Whoosh's ISRI stemmer with the step its copy of NLTK's lost: ISRI takes
    ال (or لل) off a word of five letters, and Whoosh's tests for that inside
    a branch for six letters or more, where it never runs. So السكن
    (housing) stayed الس, one term with السن (age) and another than سكن."""
    isri, lock = ISRIStemmer(), threading.Lock()  # it keeps its word in itself

    def stem(word):
        bare = isri.re_short_vowels.sub("", word)  # ISRI counts letters without them
        if len(bare) == 5 and bare[:2] in _ISRI_PREFIXES and bare not in isri.stop_words:
            word = bare[2:]
        with lock:
            return isri.stem(word)
    return stem


_ISRI_PREFIXES = ("\u0627\u0644", "\u0644\u0644")  # ال, لل


def _snowball(name):
    # A Snowball stemmer keeps the word it works on in itself: one at a time,
    # as the preview server answers from several threads.
    stemmer, lock = snowballstemmer.stemmer(name), threading.Lock()

    def stem(word):
        with lock:
            return stemmer.stemWord(word)
    return stem


# The stemmers the build uses, each with a browser port doing exactly the same.
STEMMERS = {
    "ar": _arabic, "de": lambda: _whoosh("de"), "en": lambda: _whoosh("en"),
    "es": lambda: _whoosh("es"), "fr": lambda: _whoosh("fr"), "pt": lambda: _whoosh("pt"),
    "ru": lambda: _whoosh("ru"), "fa": lambda: _snowball("persian"),
    "uk": lambda: ukrainian.stem,
}


# Languages whose words, function words and endings are another's: Dari is
# Persian as written in Afghanistan (some everyday words differ, the grammar
# and its endings do not), so it is stemmed and its stop words are dropped as
# Persian's. (The search page names the stemmer its script loads.)
SAME_AS = {"prs": "fa"}


def base_code(lang):
    code = lang.split("-")[0].split("_")[0].lower()
    return SAME_AS.get(code, code)


def stemmer_code(lang):
    """The code of the stemmer we use for `lang` ("pt" for "pt-BR"), or None."""
    code = base_code(lang)
    return code if code in STEMMERS and (STEMMERS_JS / f"stem-{code}.js").exists() else None


@lru_cache(maxsize=None)
def raw_stemmer(code):
    """The stemmer for a stemmer code, as it stems words with their accents."""
    return STEMMERS[code]()


# Persian (and Dari) write a pronoun, and in speech "را" and "است", onto the
# word: حقوقم "my wages", حقوقمو "my wages (object)", سالشه "he is ... years",
# پاسپورتمه "it is my passport", ویزای "the visa of". The stemmer leaves most
# of these on, so a reader's word that no guide has is also read without one
# of them (query.py: without_clitic), longest first, or without the prefix
# below. Arabic's root stemmer takes a pronoun off some words and not others
# (جوازك, "your passport", stays جزك where جواز is جوز): the same fallback
# reads such a word without it. Folded as the index folds.
_CLITICS = {
    "ar": ("هما", "كما", "ها", "نا", "هم", "كم", "هن", "كن", "ي", "ك", "ه"),
    "fa": ("مان", "تان", "شان", "مو", "تو", "شو", "رو", "مه", "ته", "شه", "ام", "ات", "اش",
           "م", "ت", "ش", "و", "ه", "ی",
           "ا"),  # and speech's plural, مامورا for ماموران, کارگرا for کارگرها
}


@lru_cache(maxsize=None)
def clitics(lang):
    """The endings a word of `lang` that no guide has is also read without."""
    return _folded_longest_first(_CLITICS, lang)


# The present-tense prefix, which the guides write apart (می‌گیرند, and the
# index has گیرند) and readers often join (میگیرند).
_PREFIXES = {"fa": ("نمی", "می")}


@lru_cache(maxsize=None)
def prefixes(lang):
    """The beginnings a word of `lang` that no guide has is also read without."""
    return _folded_longest_first(_PREFIXES, lang)


def _folded_longest_first(table, lang):
    """`lang`'s entries of `table`, folded as the index folds, the longest
    first (so that a longer ending is tried before one it ends with)."""
    return tuple(sorted({normalize(c) for c in table.get(base_code(lang), ())},
                        key=lambda c: (-len(c), c)))


# Tehran's spoken Persian says ون for the written ان (خونه for خانه,
# خیابون for خیابان, کارخونه for کارخانه): a word no guide has is also read
# with its last ون written so. (spoken, written), folded as the index folds.
_SPOKEN = {"fa": (("ون", "ان"),)}


@lru_cache(maxsize=None)
def spoken(lang):
    """(spoken, written) letters a word of `lang` that no guide has is also
    read with, the last spoken one replaced."""
    return tuple((normalize(a), normalize(b)) for a, b in _SPOKEN.get(base_code(lang), ()))


# Spoken Persian shortens the present stems of its commonest verbs and
# their endings: میتونم is می‌توانم "I can", میگه is می‌گوید "he says",
# میاد is می‌آید "it comes" and بیاد بیاید, نمیذارن is نمی‌گذارند "they
# do not let", میخوام is می‌خواهم "I want", برم is بروم "that I go",
# نمیدن is نمی‌دهند "they do not give". A word no guide has is also read
# as written when it is one of these stems with a spoken ending, after می
# or نمی (which the guides write apart, so they are left out) or ب or ن
# (written joined, so they stay). (spoken stem, written stem, written stem
# after ب or ن where it differs: بیاید, not بآید); folded as the index
# folds. Dari's میتانم is می‌توانم too.
_SPOKEN_VERBS = {
    "fa": {
        "stems": (("تون", "توان"), ("تان", "توان"), ("گ", "گوی"), ("یا", "آی", "یای"),
                  ("ا", "آی", "یای"), ("ذار", "گذار"), ("زار", "گذار"), ("خوا", "خواه"),
                  ("ر", "رو"), ("د", "ده"), ("ش", "شو"), ("دون", "دان"), ("کن", "کن")),
        # spoken personal ending -> written: the third person's ه and ن are د and ند
        "endings": (("م", "م"), ("ی", "ی"), ("ه", "د"), ("د", "د"), ("یم", "یم"),
                    ("ین", "ید"), ("ید", "ید"), ("ن", "ند"), ("ند", "ند")),
        "apart": ("نمی", "می"),
        "joined": ("ب", "ن"),
    },
}


@lru_cache(maxsize=None)
def spoken_verbs(lang):
    """`lang`'s spoken verb forms, folded: {"stems": ((spoken, written,
    written after a joined prefix), ...), "endings": ((spoken, written),
    ...), "apart": prefixes, "joined": prefixes}; or None."""
    table = _SPOKEN_VERBS.get(base_code(lang))
    if table is None:
        return None
    return {"stems": tuple((normalize(s[0]), normalize(s[1]), normalize(s[-1]))
                           for s in table["stems"]),
            "endings": tuple((normalize(a), normalize(b)) for a, b in table["endings"]),
            "apart": tuple(normalize(p) for p in table["apart"]),
            "joined": tuple(normalize(p) for p in table["joined"])}


def written_verbs(folded, lang):
    """The written forms of a folded spoken verb form (spoken_verbs), in
    table order: [] for a word that is not one."""
    table = spoken_verbs(lang)
    if table is None:
        return []
    starts = [("", folded[len(p):]) for p in table["apart"] if folded.startswith(p)]
    starts += [(p, folded[len(p):]) for p in table["joined"] if folded.startswith(p)]
    out = []
    for kept, rest in starts:
        for said, written, after_joined in table["stems"]:
            for said_end, written_end in table["endings"]:
                form = kept + (after_joined if kept else written) + written_end
                if rest == said + said_end and form not in out:
                    out.append(form)
    return out


@lru_cache(maxsize=None)
def stop_words(lang):
    """The stop words of `lang`, normalised as the index compares them."""
    code = base_code(lang)
    source = {t for word in stopwords.source_list(code) for t, _, _ in terms_of(word)}
    keep = {t for word in stopwords.KEEP.get(code, ()) for t, _, _ in terms_of(word)}
    # Scripts without spaces are indexed as two-character pieces, which a list
    # of words cannot tell apart from meaningful ones.
    return frozenset(t for t in source - keep if not any(_in(_SPACELESS, c) for c in t))


@lru_cache(maxsize=200_000)
def _stem_and_fold(code, piece):
    return normalize(raw_stemmer(code)(piece))


class StemAndFold:
    """piece -> index term: stemmed with its accents, then folded. A class,
    not a closure, because Whoosh stores the analyzer with the index."""

    def __init__(self, code):
        self.code = code

    def __call__(self, piece):
        return _stem_and_fold(self.code, piece)


def stem_function(lang):
    """piece (as `terms_of(text, accents_for(lang))` gives it) -> index term."""
    code = stemmer_code(lang)
    return StemAndFold(code) if code else normalize


ARTICLE = "\u0627\u0644"  # Arabic's article, which readers often leave out or write apart


def without_article(word):
    """`word` less Arabic's article when it begins with it and is longer than
    the article and one letter (ال alone, or الى, is not an article on a word)."""
    return word[2:] if word.startswith(ARTICLE) and len(word) > 3 else word


# Letters a keyboard of a neighbouring language lacks, typed as the letter it
# has: a Ukrainian on a Russian layout types и for і and ї, е for є, г for ґ.
_KEYBOARD_TWINS = {"uk": ("иі", "иї", "ії", "еє", "гґ")}
# The letter rows of the keyboard a language's readers type on, left to
# right: a thumb lands on a letter's neighbour in its row ("contrsct").
_KEYBOARD_ROWS = {
    "en": ("qwertyuiop", "asdfghjkl", "zxcvbnm"),
    "es": ("qwertyuiop", "asdfghjklñ", "zxcvbnm"),
    "fr": ("azertyuiop", "qsdfghjklm", "wxcvbn"),
    "ar": ("ضصثقفغعهخحجد", "شسيبلاتنمكط", "ئءؤرىةوزظ"),
    "fa": ("ضصثقفغعهخحجچ", "شسیبلاتنمکگ", "ظطزرذدپو"),
    "uk": ("йцукенгшщзхї", "фівапролджє", "ячсмитьбю"),
}


@lru_cache(maxsize=None)
def keyboard_slips(lang):
    """Pairs of `lang`'s letters that readers type one for the other: keys
    side by side in a row, and keyboard twins; two-letter strings, folded as
    the index folds."""
    code = base_code(lang)
    pairs = [row[i : i + 2] for row in _KEYBOARD_ROWS.get(code, ()) for i in range(len(row) - 1)]
    pairs += _KEYBOARD_TWINS.get(code, ())
    return tuple(dict.fromkeys(normalize(pair) for pair in pairs))


def accents_for(lang):
    """Whether `lang`'s words keep their accents until after stemming."""
    return stemmer_code(lang) is not None


@lru_cache(maxsize=500_000)
def word_terms(word, lang):
    """Steps 2-5 for one word as `words` finds it: the index term of each of
    its pieces, None for a stop word. (Cached: a site says most words many
    times, and the index, its export and the readers' words all ask.)"""
    stem, stops = stem_function(lang), stop_words(lang)
    return tuple(None if normalize(piece) in stops else stem(piece)
                 for piece in pieces(normalize(word, accents_for(lang))))


class WaymarkAnalyzer(Analyzer):
    """Steps 1-5 as a Whoosh analyzer for one language. (A class, not a
    closure, because Whoosh stores the analyzer with the index.)"""

    def __init__(self, lang):
        self.lang = lang

    def __call__(self, value, positions=False, chars=False, keeporiginal=False,
                 removestops=True, start_pos=0, start_char=0, tokenize=True, mode="",
                 **kwargs):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        position = start_pos
        for start, end in words(value):
            for term in word_terms(value[start:end], self.lang):
                if term is not None:  # a stop word keeps its position, as a gap
                    token.text, token.boost, token.stopped = term, 1.0, False
                    if keeporiginal:
                        token.original = value[start:end]
                    if positions:
                        token.pos = position
                    if chars:
                        token.startchar, token.endchar = start_char + start, start_char + end
                    yield token
                position += 1


def analyzer(lang):
    """The Whoosh analyzer for one language."""
    return WaymarkAnalyzer(lang)


def terms(text, lang):
    """The index terms of `text` in `lang`, stop words left out: what the
    analyzer makes of it, as plain strings."""
    return [term for start, end in words(text) for term in word_terms(text[start:end], lang)
            if term is not None]
