"""Translators add the words readers use in `content/<lang>/_search.yml`, and
the search finds the guide by them; mistakes are named with file and line, by
both `check` and `build`."""
import subprocess
import sys

from conftest import ROOT
from helpers import write
from waymark.build import build, load
from waymark.errors import BuildFailed, Problems
from waymark.search import query
from waymark.search.export import export
from waymark.search.index import build_index, docs_for


def problems_of(content):
    problems = Problems(root=str(content.parent))
    load(content, problems)
    return [str(p) for p in problems.items]


def top(content, lang, text):
    problems = Problems()
    site = load(content, problems)
    docs = docs_for(site, lang)
    ix = build_index(lang, docs)
    answer = query.search(ix, text, lang, query.Words.from_export(export(lang, docs)))
    return [docs[r.docnum].url for r in answer.results]


def test_readers_words_for_a_guide_find_it(content):
    assert "work/hours.html" not in top(content, "en", "boss keeps me late")
    write(content / "en/_search.yml", "guides:\n  work/hours.md: [boss keeps me late]\n")
    assert top(content, "en", "boss keeps me late")[0] == "work/hours.html"


def test_a_synonym_finds_the_guides_that_use_another_word_of_its_group(content):
    before = top(content, "es", "currar")
    write(content / "es/_search.yml", "synonyms:\n  - [trabajo, currar, chamba]\n")
    after = top(content, "es", "currar")
    assert before == [] and after and set(after) == set(top(content, "es", "trabajo"))


def test_mistakes_in_the_vocabulary_are_named_with_file_and_line(content):
    write(content / "en/_search.yml", """\
synonyms:
  - [wages, pay, salary]
  - [pay, earnings]
  - []
  - [overtime]
  - word
  - [wages, wage]
guides:
  work/hours.md: [late, late]
  work/hour.md: [time]
  work/contract.md: paper
  work/contract.md: [papers]
  help/complaint.md: [the, of]
sinonyms: []
""")
    assert problems_of(content) == [
        "content/en/_search.yml:3: warning: 'pay' is already in the group on line 2: "
        "a word belongs to one group",
        "content/en/_search.yml:3: warning: this group has fewer than two words: a group joins "
        "words that mean the same, so it needs two or more",
        "content/en/_search.yml:4: warning: this group has fewer than two words: a group joins "
        "words that mean the same, so it needs two or more",
        "content/en/_search.yml:5: warning: this group has fewer than two words: a group joins "
        "words that mean the same, so it needs two or more",
        "content/en/_search.yml:6: error: a group of synonyms must be a list of words in "
        "brackets: [word, other word]",
        "content/en/_search.yml:7: warning: 'wages' is already in the group on line 2: "
        "a word belongs to one group",
        "content/en/_search.yml:7: warning: 'wage' is already in the group on line 2: "
        "a word belongs to one group",
        "content/en/_search.yml:7: warning: this group has fewer than two words: a group joins "
        "words that mean the same, so it needs two or more",
        "content/en/_search.yml:9: warning: 'late' is listed twice for work/hours.md",
        "content/en/_search.yml:10: error: no guide 'work/hour.md' (did you mean "
        "'work/hours.md'?): use its path in the source language's folder",
        "content/en/_search.yml:11: error: the words for work/contract.md must be a list of "
        "words in brackets: [word, other word]",
        "content/en/_search.yml:12: error: 'work/contract.md' is here twice (also on line 11): "
        "keep one",
        "content/en/_search.yml:13: warning: 'the' has only words the search leaves out (such "
        "as 'the', 'of'): readers cannot find anything by it",
        "content/en/_search.yml:13: warning: 'of' has only words the search leaves out (such "
        "as 'the', 'of'): readers cannot find anything by it",
        "content/en/_search.yml:13: warning: no words for help/complaint.md: add some or "
        "remove the line",
        "content/en/_search.yml:14: error: unknown key 'sinonyms' (did you mean 'synonyms'?): "
        "the keys are synonyms and guides",
    ]


def test_a_file_that_is_not_yaml_is_named_with_its_line(content):
    write(content / "es/_search.yml", "synonyms:\n  - [salario, sueldo\nguides: {}\n")
    assert problems_of(content) == [
        "content/es/_search.yml:3: error: this is not valid YAML: expected ',' or ']', "
        "but got ':'"]
    write(content / "es/_search.yml", "- salario\n")
    assert problems_of(content) == [
        "content/es/_search.yml:1: error: the file must be a list of keys: synonyms and guides"]


def test_build_stops_on_a_vocabulary_error_and_check_reports_it(content, tmp_path):
    write(content / "en/_search.yml", "guides:\n  work/hour.md: [time]\n")
    try:
        build(content, tmp_path / "dist", ROOT / "translations")
        raise AssertionError("the build went on")
    except BuildFailed as failed:
        assert [p.message for p in failed.problems.errors] == [
            "no guide 'work/hour.md' (did you mean 'work/hours.md'?): use its path in the "
            "source language's folder"]
    assert not (tmp_path / "dist").exists()
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "check", "--content",
                             str(content)], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 1
    assert "content/en/_search.yml:2: error: no guide 'work/hour.md'" in result.stdout


def test_every_shipped_language_has_words_for_every_guide():
    problems = Problems()
    site = load(ROOT / "content", problems)
    guides = {e.path for e in site.entries if e.kind.searchable}
    assert {lang.code for lang in site.languages} == set(site.search_vocabulary)
    for lang, vocabulary in site.search_vocabulary.items():
        assert set(vocabulary.guides) == guides, lang
        assert len(vocabulary.synonyms) >= 20, lang
