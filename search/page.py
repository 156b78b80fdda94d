"""Search results as HTML, for the preview server's search page.

The same markup the browser's client makes (`site/static/search/search.js`),
so the page looks the same with or without JavaScript. The page's own words
("3 guides found.") come from the data attributes of its results box, which
the build wrote in the page's language.
"""
from html import escape
import json
from pathlib import Path
import re
from urllib.parse import quote

from . import query
from .analysis import terms, words
from .export import WORDS_FILE
from .index import open_index

MARKER = "<!--results-->"
_SENTENCES = re.compile(r"(?<=[.!?؟۔።])\s+|\n+")


def render(page_html, index_folder, lang, text, limit=20):
    """`page_html` (the built search page) with the results for `text` in it."""
    if MARKER not in page_html or not text.strip():
        return page_html
    ix, known = _opened(index_folder)
    if ix is None:
        return page_html
    answer = query.search(ix, text, lang, known, limit=limit)
    with ix.searcher() as searcher:
        shown = [searcher.stored_fields(r.docnum)["shown"] for r in answer.results]
    strings = dict(re.findall(r'data-([a-z-]+)="([^"]*)"', page_html.split(MARKER)[0]
                              .rsplit('id="results"', 1)[-1]))
    html = results_html(answer, shown, strings, text, lang)
    page_html = page_html.replace(MARKER, html, 1)
    return page_html.replace('id="q" name="q"', f'id="q" name="q" value="{escape(text)}"', 1)


# Each language's index and its words, by folder: (version, index, Words).
_OPENED = {}


def _opened(index_folder):
    """The Whoosh index in `index_folder` and its words, opened once for each
    version of it: opening them, and reading the words, took longer than the
    search. A build writes a new words file into a new folder, so the file's
    inode, time and size name the version; (None, None) with no index."""
    words_file = Path(index_folder) / WORDS_FILE
    try:
        stat = words_file.stat()
    except FileNotFoundError:
        return None, None
    version = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
    cached = _OPENED.get(words_file)
    if cached is None or cached[0] != version:
        ix = open_index(index_folder)
        if ix is None:
            return None, None
        known = query.Words.from_export(json.loads(words_file.read_text(encoding="utf-8")))
        cached = _OPENED[words_file] = (version, ix, known)
    return cached[1], cached[2]


def results_html(answer, shown, strings, text, lang):
    wanted = {term for group in answer.groups for term in group.terms}
    marker = _Marker(lang, wanted)
    suggest = ""
    if answer.suggestion:
        link = (f'<a href="?q={quote(answer.suggestion)}">'
                f'{escape(answer.suggestion)}</a>')
        suggest = f'<p class="suggest">{strings["suggest"].replace("{suggestion}", link)}</p>'
    if not shown:
        return f'<p class="count">{strings["none"].replace("{query}", escape(text))}</p>{suggest}'
    count = strings["count"].replace("{count}", str(len(shown)))
    items = []
    for doc in shown:
        snippet = best_sentence(doc["body"], marker) or doc["summary"]
        section = f'<span class="hit-section">{escape(doc["section"])}</span>' if doc["section"] else ""
        items.append(f'<li><a href="{escape(doc["url"])}">{marker(doc["title"])}</a>{section}'
                     f'<p class="snippet">{marker(snippet)}</p></li>')
    return f'<p class="count">{count}</p>{suggest}<ol class="hits">{"".join(items)}</ol>'


def best_sentence(text, marker):
    best, best_count = "", 0
    for sentence in _SENTENCES.split(text):
        count = sum(term in marker.wanted for term in marker.terms(sentence))
        if count > best_count:
            best, best_count = sentence.strip(), count
    return best if len(best) <= 220 else best[:217] + "…"


class _Marker:
    """Escapes text, marking the words whose terms the query matched."""

    def __init__(self, lang, wanted):
        self.lang, self.wanted = lang, wanted

    def terms(self, text):
        return terms(text, self.lang)

    def __call__(self, text):
        out, at = [], 0
        for start, end in words(text):
            if any(term in self.wanted for term in self.terms(text[start:end])):
                out += [escape(text[at:start]), f"<mark>{escape(text[start:end])}</mark>"]
                at = end
        return "".join(out) + escape(text[at:])
