"""One Whoosh index per language, built from the guides at build time.

Fields: title (boosted most), headings, summary, body, and the readers' own
words for the guide (`search/vocabulary.py`): those the translators listed
for it, and the synonyms of the words it uses. Each document also
stores what a result shows: its URL (relative to the language folder), title,
section and summary. The index is written into the site's cache folder,
where the preview server searches it; the browser gets an export of the same
numbers (`search/export.py`).
"""
from collections import Counter
from dataclasses import dataclass
import os
import tempfile
from html.parser import HTMLParser

from whoosh import fields, index
from whoosh.filedb.filestore import FileStorage, RamStorage

from .analysis import analyzer, terms, word_terms, words

FIELDS = ("title", "summary", "headings", "body", "readers", "pairs")
BOOSTS = {"title": 3.0, "summary": 1.5, "headings": 2.0, "body": 1.0, "readers": 2.0,
          "pairs": 2.0}
PAIRS = "pairs"  # made from the readers' phrases (`pairs_of`), not from a text of its own


@dataclass
class SearchDoc:
    url: str  # relative to the language folder: "asylum/interview.html"
    title: str
    section: str
    summary: str
    headings: str
    body: str
    readers: str = ""  # the readers' words: one phrase a line


def schema(lang):
    text = analyzer(lang)
    return fields.Schema(
        shown=fields.STORED,  # what a result shows: url, title, section, summary, body
        **{name: fields.TEXT(analyzer=text, field_boost=BOOSTS[name], phrase=False)
           for name in FIELDS})


class _RamStorage(RamStorage):
    """An index in memory whose writer sorts its postings in a folder of
    its own: RamStorage's is always `<temp>/MAIN.tmp`, which two builds at
    once (two test runs, a build beside the preview) delete under each other."""

    def temp_storage(self, name=None):
        # The same folder for the same name, as RamStorage gives (its writer
        # and codec share one, and remove it when done), but this index's own.
        folder = f"waymark-{os.getpid()}-{id(self):x}-{name or 'sort'}"
        return FileStorage(os.path.join(tempfile.gettempdir(), folder)).create()


@dataclass
class Analysed:
    """Documents as the index takes them, analysed once for the Whoosh
    writer, the browser's export and the readers' words (tokenizing a site's
    text three times was a third of indexing it)."""
    terms: list  # per document, per field (FIELDS' order): its terms, stop words left out
    said: Counter  # every word the documents say, as written, with how often


def analyse(lang, docs):
    found = Analysed([], Counter())
    for doc in docs:
        lines = {name: [_line_terms(line, lang, found.said)
                        for line in getattr(doc, name).splitlines()]
                 for name in FIELDS if name != PAIRS}
        found.terms.append([pairs_of(lines["readers"]) if name == PAIRS
                            else [term for line in lines[name] for term in line]
                            for name in FIELDS])
    return found


def _line_terms(line, lang, said):
    """The terms of one line, stop words left out; its words go into `said`."""
    written = [line[start:end] for start, end in words(line)]
    said.update(written)
    return [term for word in written for term in word_terms(word, lang) if term is not None]


def pairs_of(phrases):
    """The `pairs` field, from the terms of each readers' phrase: each two
    neighbouring terms of a phrase, as one term ("not pay" for "not paying
    me"). A question whose words come in the order a phrase has them
    matches the phrase, not only its words: "pay" is in a dozen guides,
    "not pay" in the one on unpaid wages."""
    return [pair_term(a, b) for found in phrases for a, b in zip(found, found[1:])]


def pair_term(first, second):
    return f"{first} {second}"


def is_pair(term):
    """Whether an index term is a pair of terms (no single term has a space)."""
    return " " in term


def build_index(lang, docs, storage=None, analysed=None):
    """A fresh index of `docs` (fresh, so that no deleted document skews
    idf). Whoosh takes each field as its list of terms, so that its writer
    does not run the analyzer again."""
    analysed = analysed or analyse(lang, docs)
    storage = storage or _RamStorage()
    ix = storage.create_index(schema(lang))
    with ix.writer() as writer:
        for doc, fields_terms in zip(docs, analysed.terms):
            writer.add_document(shown=vars(doc), **dict(zip(FIELDS, fields_terms)))
    return ix


def open_index(folder):
    return index.open_dir(str(folder)) if index.exists_in(str(folder)) else None


def docs_for(site, lang):
    """The searchable documents a reader of `lang` gets: guides and pages,
    with the readers' words of `lang` for each."""
    vocabulary = getattr(site, "search_vocabulary", {}).get(lang)
    entries = [(guide, section.shown(lang).doc.title)
               for section in site.sections for guide in section.guides]
    entries += [(page, "") for page in site.pages]
    found = []
    for entry, section_title in entries:
        doc = _doc(entry, lang, section_title)
        if vocabulary:
            doc.readers = readers_words(doc, lang, vocabulary.guides.get(entry.path, []),
                                        vocabulary.synonyms)
        found.append(doc)
    return found


def readers_words(doc, lang, phrases, synonyms):
    """The `readers` field of a document: the phrases readers use for it,
    then, for each synonym group one of whose words (every word of a phrase)
    the document or those phrases use, the group's other words."""
    have = set(terms("\n".join([doc.title, doc.summary, doc.headings, doc.body, *phrases]),
                     lang))
    out = list(phrases)
    for group in synonyms:
        present = [set(terms(word, lang)) <= have for word in group]
        if any(present):
            out += [word for word, there in zip(group, present) if not there]
    return "\n".join(out)


def _doc(entry, lang, section_title):
    doc = entry.shown(lang).doc
    text = _Text()
    text.feed(doc.html)
    text.close()
    return SearchDoc(url=entry.url, title=doc.title, section=section_title,
                     summary=doc.meta.get("summary", ""),
                     headings="\n".join(text.headings), body="".join(text.body).strip())


class _Text(HTMLParser):
    """Plain text of a rendered guide, headings apart from the rest."""

    HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
    BLOCKS = HEADINGS | {"p", "li", "td", "th", "dt", "dd", "div", "blockquote", "br"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.headings, self.body, self.depth = [], [], 0

    def handle_starttag(self, tag, attrs):
        if tag in self.HEADINGS:
            self.depth += 1
            self.headings.append("")
        elif tag in self.BLOCKS:
            self.body.append("\n")

    def handle_endtag(self, tag):
        if tag in self.HEADINGS:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.headings[-1] += data
        else:
            self.body.append(data)
