"""The guide set itself: enough guides, every one in every language, the same
structure in each so a field worker can point at "step 3" across languages,
and complete interface catalogues."""
from html.parser import HTMLParser

import pytest
from babel.messages.pofile import read_po

from conftest import ROOT
from waymark import catalogs, config, content
from waymark.errors import Problems
from waymark.prose import GLOSSARY

LANGUAGES = ["en", "es", "fr", "ar", "fa", "uk", "ps", "ti", "prs"]
SECTIONS = ["work-contracts", "complaints", "asylum", "safety"]


@pytest.fixture(scope="module")
def site():
    problems = Problems()
    settings = config.load(ROOT / "content", problems)
    loaded = content.load(ROOT / "content", settings, problems)
    assert [str(p) for p in problems.items] == []
    return loaded


class Shape(HTMLParser):
    """What a reader can point at: headings, numbered steps, boxes, links."""

    def __init__(self, html):
        super().__init__()
        self.headings, self.steps, self.boxes, self.links, self.depth = [], [], 0, [], []
        self.in_letters = False  # the glossary's letter index: each language has its own
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("h2", "h3", "h4"):
            self.headings.append(tag)
        elif tag == "ol":
            self.depth.append(len(self.steps))
            self.steps.append(0)
        elif tag == "li" and self.depth:
            self.steps[self.depth[-1]] += 1
        elif tag == "div" and "admonition" in attrs.get("class", ""):
            self.boxes += 1
        elif tag == "ul" and attrs.get("class") == "letters":
            self.in_letters = True
        elif tag == "a" and not self.in_letters \
                and not attrs.get("href", "").startswith(("http:", "https:", "mailto:")):
            self.links.append(attrs.get("href"))

    def handle_endtag(self, tag):
        if tag == "ul":
            self.in_letters = False
        if tag == "ol" and self.depth:
            self.depth.pop()


def test_each_section_has_at_least_five_guides(site):
    assert [s.slug for s in site.sections] == SECTIONS
    for section in site.sections:
        assert len(section.guides) >= 5, section.slug


def test_around_the_guides(site):
    assert {p.slug for p in site.pages} >= {"glossary", "getting-help", "trafficking", "offline"}


def test_every_language_is_there(site):
    assert sorted(lang.code for lang in site.languages) == sorted(LANGUAGES)


@pytest.mark.parametrize("lang", LANGUAGES[1:])
def test_every_file_is_translated_current_and_honest_about_review(site, lang):
    for entry in site.entries:
        shown = entry.shown(lang)
        assert not shown.missing, f"{lang}/{entry.path} is missing"
        assert not shown.outdated, f"{lang}/{entry.path} is outdated"
        doc = shown.doc
        assert doc.meta.get("status") in ("draft", "reviewed"), doc.path
        if entry.kind.name != "section":
            assert shown.reviewed, f"{lang}/{entry.path}: reviewed date"
            assert len(shown.sources) == len(entry.source.meta.get("sources", [])), (
                f"{lang}/{entry.path}: sources")


@pytest.mark.parametrize("lang", LANGUAGES[1:])
def test_translations_keep_the_source_structure(site, lang):
    for entry in site.entries:
        source, translation = Shape(entry.source.html), Shape(entry.shown(lang).doc.html)
        where = f"{lang}/{entry.path}"
        assert translation.headings == source.headings, f"{where}: headings"
        assert translation.steps == source.steps, f"{where}: numbered steps"
        assert translation.boxes == source.boxes, f"{where}: 'Keep in mind' boxes"
        if entry.path == GLOSSARY:  # each language puts the terms in its own order
            assert sorted(translation.links) == sorted(source.links), f"{where}: links"
        else:
            assert translation.links == source.links, f"{where}: links"


def test_every_guide_follows_the_editorial_standard(site):
    for section in site.sections:
        for guide in section.guides:
            shape = Shape(guide.source.html)
            assert guide.source.headings[0][2] == "What you can do now", guide.path
            assert shape.steps and shape.steps[0] >= 3, guide.path
            assert shape.boxes >= 1 and guide.source.meta.get("sources"), guide.path
            assert guide.source.meta.get("summary"), guide.path


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_glossary_term_used_is_defined_in_that_language(site, lang):
    glossary = site.find("glossary.md").shown(lang).doc
    assert glossary.lang == lang
    defined = {heading_id for _, heading_id, _ in glossary.headings}
    for entry in site.entries:
        for target, fragment, href, line in entry.shown(lang).doc.anchors:
            if target == "glossary.md":
                assert fragment in defined, f"{lang}/{entry.path}:{line}: {href}"


@pytest.mark.parametrize("lang", LANGUAGES[1:])
def test_interface_catalogue_is_complete(site, lang):
    wanted = catalogs.template_ids(ROOT / "translations")
    path = catalogs.po_path(ROOT / "translations", site.config.language(lang))
    with path.open("rb") as handle:
        catalog = read_po(handle)
    done = {m.id for m in catalog if m.id and m.string and not m.fuzzy}
    assert wanted - done == set()
