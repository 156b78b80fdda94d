"""The export the browser searches: each language's index as a classic script.

`<lang>/search-index.js` holds, for the client in `site/static/search/
search.js`, exactly the numbers Whoosh's BM25F uses: per field and term the
postings with their weights (the field boost is already in them), per
document the field lengths as Whoosh stores them (a one-byte approximation),
and per field the average length (from true totals). `<lang>/search-text.js`
holds the plain text of each guide, for snippets; it loads only once there
are results to show.

Both are `<script>` files rather than JSON because `fetch()` does not work
from `file://`, and a USB copy must search too.
"""
import json
from pathlib import Path

from whoosh.scoring import BM25F

from . import analysis, query
from .index import FIELDS, INDEX_FOLDER, build_index, docs_for
from whoosh.filedb.filestore import FileStorage

INDEX_FILE = "search-index.js"
TEXT_FILE = "search-text.js"
WORDS_FILE = "words.json"  # the index's Words, for the preview server


def export(ix, lang, docs):
    """The browser's copy of one language's index, as a dict."""
    weighting = BM25F()
    with ix.searcher(weighting=weighting) as searcher:
        reader = searcher.reader()
        vocab = query.vocabulary(reader)
        position = {term: i for i, term in enumerate(vocab)}
        postings = [[] for _ in vocab]
        for field_number, name in enumerate(FIELDS):
            for term in query._lexicon(reader, name):
                matcher = reader.postings(name, term)
                flat, last = [], 0
                while matcher.is_active():
                    flat += [matcher.id() - last, _number(matcher.weight())]
                    last = matcher.id()
                    matcher.next()
                postings[position[term]] += [field_number, len(flat) // 2, *flat]
        lengths = [_number(reader.doc_field_length(n, name) or 0)  # None: the field is empty
                   for n in range(reader.doc_count_all()) for name in FIELDS]
        known = query.words_of(lang, [d.title + "\n" + d.summary + "\n" + d.headings
                                      + "\n" + d.body for d in docs], vocab)
        return {
            "lang": lang,
            "stem": analysis.stemmer_code(lang),
            "stop": sorted(analysis.stop_words(lang)),
            "fields": list(FIELDS),
            "B": weighting.B, "K1": weighting.K1,
            "N": reader.doc_count_all(),
            "avg": [searcher.avg_field_length(name) or 1 for name in FIELDS],
            "docs": [[d.url, d.title, d.section, d.summary] for d in docs],
            "len": lengths,
            "terms": vocab,
            "post": postings,
            "forms": [known.forms.get(term, term) if known.forms.get(term, term) != term else 0
                      for term in vocab],
            "starts": [[word, position[term]] for word, term in known.starts],
            "minPrefix": query.MIN_PREFIX, "maxExpansions": query.MAX_EXPANSIONS,
        }


def _number(value):
    return int(value) if float(value).is_integer() else value


def as_script(variable, lang, data):
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f"(self.{variable} = self.{variable} || {{}})[{json.dumps(lang)}] = {payload};\n"


def read_script(text):
    """The data in a file written by `as_script`."""
    return json.loads(text.split("] = ", 1)[1].rstrip().rstrip(";"))


def write_language(site, lang, output_dir):
    """Index one language: the Whoosh index for the preview server, and the
    browser's export and snippet text. Returns the number of documents."""
    docs = docs_for(site, lang)
    folder = Path(output_dir) / INDEX_FOLDER / lang
    folder.mkdir(parents=True, exist_ok=True)
    ix = build_index(lang, docs, FileStorage(str(folder)))
    data = export(ix, lang, docs)
    known = {key: data[key] for key in ("terms", "forms", "starts")}
    (folder / WORDS_FILE).write_text(json.dumps(known, ensure_ascii=False), encoding="utf-8")
    lang_dir = Path(output_dir) / lang
    (lang_dir / INDEX_FILE).write_text(as_script("WaymarkIndex", lang, data), encoding="utf-8")
    texts = [d.body for d in docs]
    (lang_dir / TEXT_FILE).write_text(as_script("WaymarkText", lang, texts), encoding="utf-8")
    return len(docs)


def write_all(site, output_dir):
    for language in site.languages:
        write_language(site, language.code, output_dir)
