"""A light Ukrainian stemmer: it removes the common inflectional endings of
nouns, adjectives and verbs, and nothing else.

Snowball has no Ukrainian algorithm, and a reader who types "зарплату" or
"зарплати" must find the guide that says "зарплата". This stemmer only cuts
endings (case, number, gender, person and tense), one of them, the longest
that leaves a stem of at least three letters with a vowel in it, after the
reflexive particle (-ся, -сь: and the -ти of an infinitive before it, as no
noun ends in -тися) and before a final soft sign; then the
vowel that drops in -ець and -ок (роботодавець, роботодавця) and a doubled
consonant (утримання, утримань) are made the same in every form. It does not undo
derivation (звільнення "dismissal" and звільнити "to dismiss" keep their own
stems) or the vowel changes of some roots (ріг, рогу): the readers'
vocabulary (`content/uk/_search.yml`) joins such words where readers need it.

The browser runs the same steps (`site/static/search/stem-uk.js`); a test
compares the two on every word of the Ukrainian index and a word list.
"""

VOWELS = set("аеєиіїоуюя")
MIN_STEM = 3
REFLEXIVE = ("ся", "сь")
INFINITIVE = "ти"
# Noun, adjective and present-tense verb endings. Not the infinitive -ти or
# the past tense -в, -ла, -ли: they would also cut nouns (зарплати, роботи,
# школа, правила). Order does not matter: the longest ending that leaves a
# valid stem wins.
ENDINGS = frozenset("""
    а я о е є у ю і ї и
    ам ям ах ях ом ем єм ою ею єю ів їв ей ій ий ої ім им их іх ою ові еві єві
    ами ями има іми ими ого ього ому ьому ими ая ую юю єє ее іє
    ать ять ить іть уть ють еш єш иш іш ємо емо имо імо
    ете єте ите іте
""".split())
LONGEST = max(map(len, ENDINGS))
# The vowel that comes and goes before the last consonant: роботодавець,
# роботодавця; притулок, притулку.
FLEETING = (("ець", "ц"), ("ец", "ц"), ("ок", "к"))


def stem(word):
    """The stem of one lower-case Ukrainian word."""
    word = word.replace("ґ", "г")  # readers on other keyboards type г
    if len(word) <= MIN_STEM:
        return word
    for particle in REFLEXIVE:
        if word.endswith(particle) and _valid(word[: -len(particle)]):
            word = word[: -len(particle)]
            # -тися is only ever a verb's infinitive (no noun ends so): its
            # -ти goes too, so поскаржитися is поскаржуся's stem
            if word.endswith(INFINITIVE) and _valid(word[: -len(INFINITIVE)]):
                word = word[: -len(INFINITIVE)]
            break
    for size in range(min(LONGEST, len(word) - MIN_STEM), 0, -1):
        if word[-size:] in ENDINGS and _valid(word[:-size]):
            word = word[:-size]
            break
    if word.endswith("ь") and _valid(word[:-1]):
        word = word[:-1]
    for end, short in FLEETING:
        if word.endswith(end) and _valid(word[: -len(end)] + short):
            return word[: -len(end)] + short
    if len(word) > MIN_STEM and word[-1] == word[-2] and word[-1].isalpha() \
            and word[-1] not in VOWELS:
        word = word[:-1]  # утримання, утримань: the doubled consonant of -ння (not 2000's 0)
    return word


def _valid(stem_):
    return len(stem_) >= MIN_STEM and any(char in VOWELS for char in stem_)
