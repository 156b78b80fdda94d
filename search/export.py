"""The export the browser searches: each language's index as a classic script.

`<lang>/search-index.js` holds, for the client in `site/static/search/
search.js`, exactly the numbers Whoosh's BM25F uses: per field and term the
postings with their weights (the field boost is already in them), per
document the field lengths as Whoosh stores them (a one-byte approximation),
and per field the average length (from true totals). `<lang>/search-text.js`
holds the summary and plain text of each guide, for snippets; it loads only
once there are results to show.

Both are `<script>` files rather than JSON because `fetch()` does not work
from `file://`, and a USB copy must search too.
"""
from collections import Counter
import json
import os
from pathlib import Path
import shutil

from whoosh.filedb.filestore import FileStorage
from whoosh.scoring import BM25F
from whoosh.util.numeric import byte_to_length, length_to_byte

from .. import cache, parallel, staged
from . import analysis, latin, query
from .index import BOOSTS, FIELDS, analyse, build_index, docs_for

INDEX_FILE = "search-index.js"
TEXT_FILE = "search-text.js"
WORDS_FILE = "words.json"  # the index's Words, for the preview server


def export(lang, docs, synonyms=(), analysed=None):
    """The browser's copy of one language's index, as a dict; `synonyms` are
    the language's synonym groups (search/vocabulary.py). The numbers are
    counted from the same analysis Whoosh's writer runs, exactly as Whoosh
    stores them (tests/test_search.py compares every posting): reading them
    back out of the index, term by term, took longer than writing it."""
    analysed = analysed or analyse(lang, docs)
    counted = [[Counter(terms) for terms in fields_terms] for fields_terms in analysed.terms]
    vocab = sorted({term for fields in counted for counts in fields for term in counts})
    position = {term: i for i, term in enumerate(vocab)}
    postings = [[] for _ in vocab]
    for field_number in range(len(FIELDS)):
        for term, numbers in _field_postings(counted, field_number).items():
            postings[position[term]] += numbers
    totals = [sum(sum(fields[f].values()) for fields in counted) for f in range(len(FIELDS))]
    weighting = BM25F()
    sections = sorted({d.section for d in docs})
    known = query.words_of(lang, analysed.said, vocab)
    return {
        "lang": lang,
        "stem": analysis.stemmer_code(lang),
        "accents": analysis.accents_for(lang),
        "stop": sorted(analysis.stop_words(lang)),
        "clitics": list(analysis.clitics(lang)), "prefixes": list(analysis.prefixes(lang)),
        "spoken": [list(pair) for pair in analysis.spoken(lang)],
        "verbs": analysis.spoken_verbs(lang),
        "slips": list(analysis.keyboard_slips(lang)),
        "latin": latin.table(lang),  # Latin letters typed for the script (search/latin.py)
        "fields": list(FIELDS),
        "B": weighting.B, "K1": weighting.K1,
        "N": len(docs),
        # Whoosh's searcher: the true total over the number of documents.
        "avg": [total / (len(docs) or 1) or 1 for total in totals],
        "boost": [BOOSTS[name] for name in FIELDS],
        "sections": sections,
        "docs": [[d.url, d.title, sections.index(d.section)] for d in docs],
        "len": [stored_length(sum(counts.values())) for fields in counted for counts in fields],
        "terms": vocab,
        "post": [pack(numbers) for numbers in postings],
        # Per term, the guide words behind it, "" standing for the term itself.
        "words": [" ".join("" if word == term else word for word in known.by_term[term])
                  for term in vocab],
        "syn": synonym_words(lang, synonyms),
        "minPrefix": query.MIN_PREFIX, "maxExpansions": query.MAX_EXPANSIONS,
        "maxQueryChars": query.MAX_QUERY_CHARS, "maxQueryTerms": query.MAX_QUERY_TERMS,
        "minCorrected": query.MIN_CORRECTED, "minGuessed": query.MIN_GUESSED,
        "minSlip": query.MIN_SLIP,
        "minStopPrefix": query.MIN_STOP_PREFIX, "minCliticStem": query.MIN_CLITIC_STEM,
        "synonymBoost": query.SYNONYM_BOOST,
    }


def stored_length(length):
    """A field's length as Whoosh keeps it: one byte, a logarithmic
    approximation (0 for an empty field)."""
    return _number(byte_to_length(length_to_byte(length))) if length else 0


def synonym_words(lang, synonyms):
    """The synonym groups a query's words are read through (query.py:
    Words.synonyms): per group, its one-word entries as the stemmer takes
    them (analysis.terms_of), space separated; groups with fewer than two are
    left out. (Phrases reach the guides through their `readers` field.)"""
    stops, out = analysis.stop_words(lang), []
    for group in synonyms:
        found = []
        for word in group:
            parts = [piece for piece, _, _ in analysis.terms_of(word, analysis.accents_for(lang))]
            if len(parts) == 1 and analysis.normalize(parts[0]) not in stops:
                found.append(parts[0])
        found = list(dict.fromkeys(found))
        if len(found) >= 2:
            out.append(" ".join(found))
    return out


# Numbers are written in base 32: every digit but the last of a number from
# MORE, the last from LAST. Most numbers are one character; gzip does the rest.
LAST = "0123456789abcdefghijklmnopqrstuv"
MORE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ()*+-."


def pack(numbers):
    out = []
    for number in numbers:
        digits = [LAST[number % 32]]
        number //= 32
        while number:
            digits.append(MORE[number % 32])
            number //= 32
        out.extend(reversed(digits))
    return "".join(out)


def _field_postings(counted, field_number):
    """Numbers for each term of one field: field, 2 x count + 1, then doc
    gaps, when the term is there once in each document (most are); else
    field, 2 x count, then doc gap and tf pairs."""
    found = {}
    for docnum, fields in enumerate(counted):
        for term, tf in fields[field_number].items():
            found.setdefault(term, []).append((docnum, tf))
    out = {}
    for term, pairs in found.items():
        gaps = [docnum - last for (docnum, _), last in zip(pairs, [0] + [d for d, _ in pairs])]
        if all(tf == 1 for _, tf in pairs):
            out[term] = [field_number, 2 * len(gaps) + 1, *gaps]
        else:
            out[term] = [field_number, 2 * len(gaps),
                         *(n for gap, (_, tf) in zip(gaps, pairs) for n in (gap, tf))]
    return out


def _number(value):
    return int(value) if float(value).is_integer() else value


def as_script(variable, lang, data):
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f"(self.{variable} = self.{variable} || {{}})[{json.dumps(lang)}] = {payload};\n"


def read_script(text):
    """The data in a file written by `as_script`."""
    return json.loads(text.split("] = ", 1)[1].rstrip().rstrip(";"))


def write_language(site, lang, output_dir, index_dir):
    """Index one language: the Whoosh index for the preview server (in
    `index_dir`, outside the published site), and the browser's export and
    snippet text. Returns the number of documents."""
    docs = docs_for(site, lang)
    vocabulary = getattr(site, "search_vocabulary", {}).get(lang)
    folder = Path(index_dir) / lang
    folder.mkdir(parents=True, exist_ok=True)
    analysed = analyse(lang, docs)
    build_index(lang, docs, FileStorage(str(folder)), analysed)
    data = export(lang, docs, vocabulary.synonyms if vocabulary else (), analysed)
    known = {key: data[key] for key in ("lang", "terms", "words", "syn")}
    (folder / WORDS_FILE).write_text(json.dumps(known, ensure_ascii=False), encoding="utf-8")
    lang_dir = Path(output_dir) / lang
    (lang_dir / INDEX_FILE).write_text(as_script("WaymarkIndex", lang, data), encoding="utf-8")
    texts = [[d.summary, d.body] for d in docs]
    (lang_dir / TEXT_FILE).write_text(as_script("WaymarkText", lang, texts), encoding="utf-8")
    return len(docs)


KEY_FILE = "key"  # in a language's Whoosh index folder: the inputs it was made from


def write_all(site, output_dir, index_dir, store=None, previous=None):
    """Index every language. A language whose inputs did not change since
    the build that made `previous` (the last Whoosh indexes) and put its
    export into `store` (a cache.Store) is copied from them instead; the
    others are indexed side by side, one process per core."""
    todo = []
    for language in site.languages:
        lang = language.code
        key = inputs_key(site, lang)
        old = Path(previous) / lang if previous else None
        files = [store.get("search", f"{key}-{name}") for name in (INDEX_FILE, TEXT_FILE)] \
            if store else [None]
        if old and all(files) and (old / KEY_FILE).is_file() \
                and (old / KEY_FILE).read_text() == key:
            shutil.copytree(old, Path(index_dir) / lang, copy_function=_link_or_copy)
            for name, data in zip((INDEX_FILE, TEXT_FILE), files):
                staged.put(output_dir, f"{lang}/{name}", data)
        else:
            todo.append((lang, key))
    parallel.run(write_language, site, [(lang, output_dir, index_dir) for lang, _ in todo])
    for lang, key in todo:
        (Path(index_dir) / lang / KEY_FILE).write_text(key)
        for name in (INDEX_FILE, TEXT_FILE):
            data = (Path(output_dir) / lang / name).read_bytes()
            staged.written(output_dir, f"{lang}/{name}", data)
            if store:
                store.put("search", f"{key}-{name}", data)


def _link_or_copy(source, target):
    """The last build's index files, linked rather than copied: Whoosh
    never writes into a finished index, and creating files is slow."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def inputs_key(site, lang):
    """Everything a language's index is made from: Waymark's code, the
    site's pages as a reader of `lang` gets them, and the readers' words."""
    entries = [(entry.path, entry.kind.name, entry.shown(lang).doc.revision,
                entry.shown(lang).doc.lang) for entry in site.entries]
    vocabulary = getattr(site, "search_vocabulary", {}).get(lang)
    return cache.digest(cache.code_version(), lang, entries, repr(vocabulary))
