"""Readers find the guide that answers their question, in their own words:
hit@3 on the development set of readers' questions, and known-item recall@3
on a text nobody here wrote (the Universal Declaration of Human Rights).
The figures are printed (pytest -s); each language must stay at or above the
floor it reached when the search was last improved (bench/search_quality.py
prints the same figures, with the misses)."""
import importlib.util

import pytest

from conftest import ROOT

spec = importlib.util.spec_from_file_location("search_quality", ROOT / "bench/search_quality.py")
quality = importlib.util.module_from_spec(spec)
spec.loader.exec_module(quality)

# hit@3 on the development set, tests/data/questions/ (the targets are 0.95;
# see its README), a little under what the search reached when the readers'
# words were grown for every guide from the families of words the three
# development sets missed: en 1.00, es 1.00, fr 0.99, ar 1.00, fa 1.00,
# uk 0.99, prs 1.00 (before that en 0.99, es 0.99, fr 0.99, ar 0.95, fa 0.96,
# uk 0.99, prs 0.95; before the search was tuned, en 0.96, es 0.97, fr 0.97,
# ar 0.88, fa 0.88, uk 0.91, prs 0.89). The three development sets flatter
# the search now: the fresh set (bench/search_quality.py) is the measure.
HIT_AT_3 = {"en": 0.97, "es": 0.97, "fr": 0.97, "ar": 0.97, "fa": 0.97, "uk": 0.97,
            "prs": 0.97}
# The same on the validation set, tests/data/questions/validation/, which
# nothing was tuned on (reached: en 0.93, ar 1.00, es 1.00, fa 0.96, fr 0.92,
# prs 1.00, uk 1.00; before the readers' words were grown, ar 0.92, fr 0.96).
VALIDATION_HIT_AT_3 = {"en": 0.89, "es": 0.96, "fr": 0.92, "ar": 0.92, "fa": 0.92, "uk": 0.96,
                       "prs": 0.96}
# The same on the second and third development sets, tests/data/questions/
# dev2/ and dev3/, each written by a writer who saw neither the search nor the
# other sets (reached: dev2 en 1.00, ar 1.00, es 0.98, fa 1.00, fr 1.00,
# uk 1.00; dev3 en 0.98, ar 1.00, es 1.00, fa 1.00, fr 1.00, uk 1.00; when
# they arrived, dev2 en 0.93, ar 0.91, es 0.93, fa 0.95, fr 0.95, uk 0.91 and
# dev3 en 0.91, ar 0.91, es 0.96, fa 0.95, fr 0.96, uk 0.91).
DEV2_HIT_AT_3 = {"en": 0.96, "es": 0.95, "fr": 0.96, "ar": 0.96, "fa": 0.96, "uk": 0.96}
DEV3_HIT_AT_3 = {"en": 0.95, "es": 0.96, "fr": 0.96, "ar": 0.96, "fa": 0.96, "uk": 0.96}
# The fifth, tests/data/questions/dev5/ (see its README; reached: en 1.00,
# ar 0.98, es 1.00, fa 1.00, fr 1.00, uk 0.98; as it arrived en 1.00,
# ar 0.94, es 0.93, fa 0.90, fr 0.91, uk 0.95, and no result for 3 % of the
# Arabic, Persian and Ukrainian questions, those typed in Latin letters).
DEV5_HIT_AT_3 = {"en": 0.96, "es": 0.96, "fr": 0.96, "ar": 0.96, "fa": 0.96, "uk": 0.96}
# The sixth, tests/data/questions/dev6/ (see its README; reached: en 1.00,
# ar 1.00, es 1.00, fa 0.98, fr 1.00, uk 1.00; as it arrived en 0.92,
# ar 0.96, es 0.90, fa 0.92, fr 0.96, uk 0.90, and 0.94 or more once
# questions were read to 300 characters).
DEV6_HIT_AT_3 = {"en": 0.96, "es": 0.96, "fr": 0.96, "ar": 0.96, "fa": 0.96, "uk": 0.96}
# The seventh, tests/data/questions/dev7/ (see its README; reached: en 1.00,
# ar 0.98, es 1.00, fa 0.98, fr 1.00, uk 1.00; as it arrived en 0.94,
# ar 0.88, es 0.94, fa 0.88, fr 0.98, uk 0.98).
DEV7_HIT_AT_3 = {"en": 0.96, "es": 0.96, "fr": 0.96, "ar": 0.96, "fa": 0.96, "uk": 0.96}
# The eighth, tests/data/questions/dev8/ (see its README; reached: en 1.00,
# ar 1.00, es 1.00, fa 1.00, fr 0.98, uk 1.00; as it arrived en 0.98,
# ar 0.98, es 1.00, fa 0.98, fr 0.91, uk 0.98).
DEV8_HIT_AT_3 = {"en": 0.96, "es": 0.96, "fr": 0.96, "ar": 0.96, "fa": 0.96, "uk": 0.96}


@pytest.fixture(scope="module")
def searchers():
    return quality.sample_searchers()


def test_every_shipped_language_has_25_questions_or_more(searchers):
    assert set(searchers) == set(HIT_AT_3)
    assert all(len(quality.read_questions(lang)) >= 25 for lang in HIT_AT_3)
    assert set(VALIDATION_HIT_AT_3) == set(HIT_AT_3)
    assert all(len(quality.read_questions(lang, quality.SETS["validation"])) >= 25
               for lang in VALIDATION_HIT_AT_3)


@pytest.mark.parametrize("lang", sorted(HIT_AT_3))
def test_readers_questions_find_their_guide_in_the_top_3(searchers, lang):
    hit, empty, misses = quality.question_figures(searchers[lang])
    print(f"{lang}: hit@3 {hit:.2f}, no result {empty:.0%}, misses {misses}")
    assert hit >= HIT_AT_3[lang]
    assert empty <= 0.02  # no dead ends


@pytest.mark.parametrize("lang", sorted(VALIDATION_HIT_AT_3))
def test_questions_nothing_was_tuned_on_find_their_guide_in_the_top_3(searchers, lang):
    hit, empty, misses = quality.question_figures(searchers[lang], quality.SETS["validation"])
    print(f"{lang}: hit@3 {hit:.2f}, no result {empty:.0%}, misses {misses}")
    assert hit >= VALIDATION_HIT_AT_3[lang]
    assert empty <= 0.02


@pytest.mark.parametrize("name, floors", [("dev2", DEV2_HIT_AT_3), ("dev3", DEV3_HIT_AT_3),
                                          ("dev5", DEV5_HIT_AT_3), ("dev6", DEV6_HIT_AT_3),
                                          ("dev7", DEV7_HIT_AT_3),
                                          ("dev8", DEV8_HIT_AT_3)])
@pytest.mark.parametrize("lang", sorted(DEV2_HIT_AT_3))
def test_questions_by_a_writer_who_never_saw_the_search_find_their_guide(searchers, lang,
                                                                         name, floors):
    hit, empty, misses = quality.question_figures(searchers[lang], quality.SETS[name])
    print(f"{lang}: hit@3 {hit:.2f}, no result {empty:.0%}, misses {misses}")
    assert len(quality.read_questions(lang, quality.SETS[name])) >= 25
    assert hit >= floors[lang]
    assert empty <= 0.02


def test_the_known_item_corpus_covers_the_scripts_we_promise():
    assert len(quality.udhr_languages()) >= 10
    assert {"am", "zh", "fa", "ar"} <= set(quality.udhr_languages())


@pytest.mark.parametrize("lang", quality.udhr_languages())
def test_known_items_are_found_by_their_words(lang):
    figures = quality.known_item_figures(lang)
    print(lang, figures)
    assert figures["exact"][0] >= 0.99 and figures["two-word"][0] >= 0.99
    for kind in ("prefix", "variant"):
        recall, count = figures[kind]
        assert recall is None or recall >= 0.9 or count < 5, (kind, recall, count)
