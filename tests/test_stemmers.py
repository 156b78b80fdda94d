"""The browser stems every word exactly as the build does, or the two searches
would rank differently: on a word list per stemmer, and on every word of
every language of the sample site."""
from pathlib import Path
import re

import pytest

from conftest import DATA, ROOT
from helpers import static
from waymark.search import analysis, export, ukrainian

STEMMERS = sorted(p.stem.removeprefix("stem-")
                  for p in (ROOT / "site/static/search").glob("stem-*.js"))


def browser_stems(browser, code, words):
    page = browser.new_page()
    page.add_script_tag(path=ROOT / f"site/static/search/stem-{code}.js")
    stems = page.evaluate(f"words => words.map(self.WaymarkStemmers['{code}'])", words)
    page.close()
    return stems


def test_every_stemmer_has_a_word_list_and_a_place_in_the_build():
    assert STEMMERS == sorted(analysis.STEMMERS)
    assert all((DATA / f"stem-words/{code}.txt").exists() for code in STEMMERS)


def test_each_search_page_names_its_languages_stemmer_as_published(sample_site):
    # search.js loads the stemmer the page names, beside the index: its file
    # name changes with its content, so the script cannot guess it.
    for lang in sorted(p.parent.name for p in sample_site.glob("*/search.html")):
        html = (sample_site / lang / "search.html").read_text(encoding="utf-8")
        named = re.search(r'data-stem="([a-z]+)" data-stemmer="\.\./([^"]+)"', html)
        code = analysis.stemmer_code(lang)
        if code is None:
            assert "data-stem" not in html, lang
            continue
        assert named.group(1) == code, lang
        assert named.group(2) == static(sample_site, f"search/stem-{code}.js"), lang


@pytest.mark.browser
@pytest.mark.parametrize("code", STEMMERS)
def test_browser_stemmer_matches_the_build_on_its_word_list(browser, code):
    words = Path(DATA / f"stem-words/{code}.txt").read_text(encoding="utf-8").split()
    assert len(words) >= 1000
    stem = analysis.raw_stemmer(code)
    different = [(w, stem(w), b) for w, b in zip(words, browser_stems(browser, code, words))
                 if stem(w) != b]
    assert different == []


@pytest.mark.browser
def test_every_word_of_every_language_stems_the_same_in_the_browser(browser, sample_site):
    """Every word the sample site's index holds, in every language, through
    the whole analysis: the browser's terms are the build's terms."""
    compared = {}
    page = browser.new_page()
    for script in sorted((ROOT / "site/static/search").glob("stem-*.js")):
        page.add_script_tag(path=script)
    page.add_script_tag(path=ROOT / "site/static/search/search.js")
    for folder in sorted(p for p in sample_site.iterdir() if (p / export.TEXT_FILE).exists()):
        lang = folder.name
        data = export.read_script((folder / export.INDEX_FILE).read_text(encoding="utf-8"))
        texts = export.read_script((folder / export.TEXT_FILE).read_text(encoding="utf-8"))
        words = sorted({text[start:end] for doc in texts for text in doc
                        for start, end in analysis.words(text)}
                       | {w for packed in data["words"] for w in packed.split(" ") if w})
        ours = [analysis.terms(word, lang) for word in words]
        theirs = page.evaluate("""([data, words]) => {
            const index = new WaymarkSearchEngine.Index(data);
            return words.map(w => index.termsOf(w));
        }""", [data, words])
        assert [(w, a, b) for w, a, b in zip(words, ours, theirs) if a != b] == [], lang
        compared[lang] = len(words)
    page.close()
    assert set(compared) >= {"en", "es", "fr", "ar", "fa", "uk"}
    assert min(compared.values()) > 500


def test_ukrainian_forms_of_one_word_share_a_stem():
    lines = (DATA / "stem-words/uk-forms.txt").read_text(encoding="utf-8").splitlines()
    split = [line.split() for line in lines if line and not line.startswith(("#", "!"))]
    assert len(split) >= 20
    assert [forms for forms in split if len({ukrainian.stem(w) for w in forms}) != 1] == []
    apart = [line[1:].split() for line in lines if line.startswith("!")]
    assert apart and [pair for pair in apart if len({ukrainian.stem(w) for w in pair}) != 2] == []


def test_a_number_keeps_its_digits_in_ukrainian():
    # "2000 доларів": the doubled-consonant rule is for letters only.
    assert [ukrainian.stem(n) for n in ("2000", "1100", "утримання")] == ["2000", "1100", "утриман"]
