"""The browser stems every word exactly as Whoosh does, or the two searches
would rank differently."""
from pathlib import Path

import pytest
from whoosh.lang import stemmer_for_language

from conftest import DATA, ROOT

pytestmark = pytest.mark.browser
STEMMERS = sorted(p.stem.removeprefix("stem-")
                  for p in (ROOT / "site/static/search").glob("stem-*.js"))


def test_every_stemmer_has_a_word_list():
    assert STEMMERS and all((DATA / f"stem-words/{code}.txt").exists() for code in STEMMERS)


@pytest.mark.parametrize("code", STEMMERS)
def test_browser_stemmer_matches_whoosh(browser, code):
    words = Path(DATA / f"stem-words/{code}.txt").read_text(encoding="utf-8").split()
    assert len(words) >= 1000
    stem = stemmer_for_language(code)
    page = browser.new_page()
    page.add_script_tag(path=ROOT / f"site/static/search/stem-{code}.js")
    browser_stems = page.evaluate(f"words => words.map(self.WaymarkStemmers['{code}'])", words)
    page.close()
    different = [(w, s, b) for w, s, b in zip(words, map(stem, words), browser_stems) if s != b]
    assert different == []
