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

# hit@3 reached on tests/data/questions/ (the targets are 0.95; see the README),
# with the 33 guides and about 20 questions a language about the newest ones.
# Lower than the figures on the 23 first guides for es, fr, fa and uk: the new
# guides share the readers' everyday words ("denuncia", "reports", "the
# employer") and win on them, and Persian and Ukrainian questions keep words
# the analysis does not drop (see bench/search_quality.py for the misses).
# Arabic and Persian lost a question each when the Offline page and the
# Persian wording were rewritten (0.90 and 0.74 before).
HIT_AT_3 = {"en": 0.94, "es": 0.82, "fr": 0.86, "ar": 0.88, "fa": 0.72, "uk": 0.82,
            "prs": 0.81}


@pytest.fixture(scope="module")
def searchers():
    return quality.sample_searchers()


def test_every_shipped_language_has_25_questions_or_more(searchers):
    assert set(searchers) == set(HIT_AT_3)
    assert all(len(quality.read_questions(lang)) >= 25 for lang in HIT_AT_3)


@pytest.mark.parametrize("lang", sorted(HIT_AT_3))
def test_readers_questions_find_their_guide_in_the_top_3(searchers, lang):
    hit, empty, misses = quality.question_figures(searchers[lang])
    print(f"{lang}: hit@3 {hit:.2f}, no result {empty:.0%}, misses {misses}")
    assert hit >= HIT_AT_3[lang]
    assert empty <= 0.02  # no dead ends


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
