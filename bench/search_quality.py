#!/usr/bin/env python3
"""Search quality: readers' questions, and known items in a text nobody here wrote.

Prints, for each language of the sample site, hit@3 on readers' questions
(is a guide that answers the question among the first three results?) and
the share of questions that get no result at all, on ten sets: the
development set (`tests/data/questions/<lang>.txt`), which the search was
tuned on, seven more development sets (`.../dev2/` to `.../dev8/`, dev4
Persian only; each written by a writer who saw neither the search nor the
other sets, and tuned on afterwards), the validation set
(`tests/data/questions/validation/`), which it was not (see the README
there), and the fresh set
(`.../fresh/`), written by a writer who saw neither the search nor the
other sets, and never tuned on. Targets: hit@3 >= 0.95 in every language,
no result for at most 2 %.
The validation and fresh sets are printed only with `--held-out`, so that
whoever tunes the search on the development sets does not see them while
trying changes: run it once, when a change is done, and say so.
With `--misses`, each miss of the development sets with its top 3 and
the terms the query was analysed into (the other sets' misses are not
shown: they stay untuned).

Then known-item recall@3 on the Universal Declaration of Human Rights
(`tests/data/udhr/`, 30 articles a language, see its README): for each article,
queries made from its own words, and whether the article is in the top 3:
- exact: its rarest word as written;
- two-word: its two rarest words;
- prefix: the start (70 %) of its longest rare word, as typed mid-word;
- variant: its rarest word as readers often type it: without accents or
  diacritics, with the other form of a letter (Persian and Arabic yeh and
  kaf, alef with hamza, Ethiopic letters that sound the same), or, when the
  word has none of these, in capitals; words with no such form are skipped.
"Rarest" is by the number of articles whose text has the word's term. For
scripts written without spaces a "word" is a run of four characters of the
article. Target: >= 0.99 for each kind in every language.

The searches are the preview server's (Whoosh); the browser ranks the same
(tests/test_search.py proves it).

    python3 bench/search_quality.py [--misses] [--held-out]
"""
from collections import Counter
from html.parser import HTMLParser
import math
from pathlib import Path
import sys
import unicodedata

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from waymark.build import load  # noqa: E402
from waymark.errors import Problems  # noqa: E402
from waymark.search import analysis, export, query  # noqa: E402
from waymark.search.index import SearchDoc, build_index, docs_for  # noqa: E402

QUESTIONS = ROOT / "tests" / "data" / "questions"
UDHR = ROOT / "tests" / "data" / "udhr"
KINDS = ("exact", "two-word", "prefix", "variant")


# --- Readers' questions on the sample guides -----------------------------

SETS = {"development": QUESTIONS, "dev2": QUESTIONS / "dev2", "dev3": QUESTIONS / "dev3",
        "dev4": QUESTIONS / "dev4", "dev5": QUESTIONS / "dev5", "dev6": QUESTIONS / "dev6",
        "dev7": QUESTIONS / "dev7", "dev8": QUESTIONS / "dev8",
        "validation": QUESTIONS / "validation", "fresh": QUESTIONS / "fresh"}
# The sets whose misses `--misses` shows: those the search may be tuned on.
TUNED_ON = ("development", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8")


def read_questions(lang, folder=QUESTIONS):
    """[(question, {guide url, ...})] of one language's questions in `folder`."""
    rows = []
    for line in (folder / f"{lang}.txt").read_text(encoding="utf-8").splitlines():
        if line.strip():
            text, guides = line.split("\t")
            rows.append((text, {g.strip().removesuffix(".md") + ".html" for g in guides.split(",")}))
    return rows


class Searcher:
    """One language's index, searched as the preview server does."""

    def __init__(self, lang, docs, synonyms=()):
        self.lang, self.docs = lang, docs
        self.ix = build_index(lang, docs)
        self.data = export.export(lang, docs, synonyms)
        self.known = query.Words.from_export(self.data)

    def top(self, text, limit=3):
        return [self.docs[r.docnum].url for r in self.answer(text, limit).results]

    def answer(self, text, limit=3):
        return query.search(self.ix, text, self.lang, self.known, limit=limit)


def sample_searchers(content=ROOT / "content"):
    problems = Problems()
    site = load(content, problems)
    vocabulary = site.search_vocabulary
    return {lang.code: Searcher(lang.code, docs_for(site, lang.code),
                                vocabulary[lang.code].synonyms if lang.code in vocabulary else ())
            for lang in site.languages
            if (QUESTIONS / f"{lang.code}.txt").exists()}


def question_figures(searcher, folder=QUESTIONS):
    """(hit@3, zero-result rate, misses) on one language's questions in `folder`."""
    rows = read_questions(searcher.lang, folder)
    hits, empty, misses = 0, 0, []
    for text, wanted in rows:
        found = searcher.top(text)
        hits += bool(wanted & set(found))
        empty += not found
        if not wanted & set(found):
            misses.append((text, found))
    return hits / len(rows), empty / len(rows), misses


# --- Known items in the Universal Declaration of Human Rights ------------

class _Articles(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.articles, self.where = [], None

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.articles.append({"title": "", "body": []})
        elif tag in ("h2", "p", "li") and self.articles:
            self.where = "title" if tag == "h2" else "body"
            if tag != "h2":
                self.articles[-1]["body"].append("")

    def handle_endtag(self, tag):
        if tag in ("h2", "p", "li"):
            self.where = None

    def handle_data(self, data):
        if self.where == "title":
            self.articles[-1]["title"] += data
        elif self.where == "body":
            self.articles[-1]["body"][-1] += data


def udhr_docs(lang):
    parser = _Articles()
    parser.feed((UDHR / f"{lang}.html").read_text(encoding="utf-8"))
    return [SearchDoc(f"article-{n}", a["title"].strip(), "", "", "", "\n".join(a["body"]))
            for n, a in enumerate(parser.articles, start=1)]


def _spaceless(word):
    return any(analysis._in(analysis._SPACELESS, char) for char in word)


def candidate_words(doc, lang):
    """The words of an article a reader might look it up by, each once, in
    text order: words of four letters or more that are not stop words, and
    for scripts without spaces every run of four characters."""
    stops, seen, out = analysis.stop_words(lang), set(), []
    for start, end in analysis.words(doc.body):
        word = doc.body[start:end]
        runs = ([word[i:i + 4] for i in range(len(word) - 3)] if _spaceless(word) else [word])
        for run in runs:
            if len(analysis.clusters(run)) < 4 or analysis.normalize(run) in stops:
                continue
            if run.lower() not in seen and analysis.terms(run, lang):
                seen.add(run.lower())
                out.append(run)
    return out


def rarity(docs, lang):
    """word -> the number of articles having every term of it."""
    term_sets = [set(analysis.terms(d.body, lang)) for d in docs]
    frequency = Counter(t for terms in term_sets for t in terms)

    def rare(word):
        return max(frequency[t] for t in analysis.terms(word, lang))
    return rare


_VARIANT_LETTERS = str.maketrans({
    "ی": "ي", "ي": "ی", "ک": "ك", "ك": "ک", "أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه",
    "ሐ": "ሀ", "ኀ": "ሀ", "ሠ": "ሰ", "ዐ": "አ", "ፀ": "ጸ"})


def variant(word):
    """The word as readers often type it, or None when it has no such form."""
    plain = "".join(c for c in unicodedata.normalize("NFD", word)
                    if not unicodedata.combining(c) or not _is_latin_or_greek_mark(word, c))
    plain = unicodedata.normalize("NFC", plain)
    plain = "".join(c for c in plain if not ("\u064b" <= c <= "\u0652"))  # harakat
    plain = plain.translate(_VARIANT_LETTERS)
    if plain != word:
        return plain
    return word.upper() if word.upper() != word else None


def _is_latin_or_greek_mark(word, mark):
    return any(analysis._in(analysis._ACCENTED, c) for c in word)


def known_item_queries(docs, lang):
    """{kind: [(query, article index)]} for one language."""
    rare = rarity(docs, lang)
    found = {kind: [] for kind in KINDS}
    for number, doc in enumerate(docs):
        words = sorted(candidate_words(doc, lang), key=rare)  # stable: text order on ties
        if not words:
            continue
        found["exact"].append((words[0], number))
        second = next((w for w in words[1:] if analysis.terms(w, lang) != analysis.terms(words[0], lang)), None)
        if second:
            found["two-word"].append((f"{words[0]} {second}", number))
        rare_words = [w for w in words if rare(w) == rare(words[0])]
        longest = max(rare_words, key=lambda w: len(analysis.clusters(w)))
        letters = analysis.clusters(longest)
        if len(letters) >= 5 or (_spaceless(longest) and len(letters) == 4):
            found["prefix"].append(("".join(letters[:math.ceil(0.7 * len(letters))]), number))
        typed = variant(words[0])
        if typed:
            found["variant"].append((typed, number))
    return found


def known_item_figures(lang):
    """{kind: (recall@3, number of queries)} for one language of the UDHR."""
    docs = udhr_docs(lang)
    searcher = Searcher(lang, docs)
    figures = {}
    for kind, rows in known_item_queries(docs, lang).items():
        hits = sum(docs[n].url in searcher.top(text) for text, n in rows)
        figures[kind] = (hits / len(rows) if rows else None, len(rows))
    return figures


def udhr_languages():
    return sorted(p.stem for p in UDHR.glob("*.html"))


def print_miss(searcher, text, found):
    groups = searcher.answer(text).groups
    print(f"       miss: {text!r} -> {found}")
    print("             terms: " + " | ".join(f"{g.word}: {' '.join(g.terms[:6])}"
                                              for g in groups))


def main(show_misses=False, held_out=False):
    searchers = sample_searchers()
    for name, folder in SETS.items():
        if name not in TUNED_ON and not held_out:
            continue
        print(f"Readers' questions ({name} set), sample guides")
        print(f"{'lang':6} {'questions':>9} {'hit@3':>6} {'no result':>9}")
        for lang, searcher in searchers.items():
            if not (folder / f"{lang}.txt").exists():
                continue
            hit, empty, misses = question_figures(searcher, folder)
            print(f"{lang:6} {len(read_questions(lang, folder)):9} {hit:6.2f} {empty:9.1%}")
            for text, found in misses if show_misses and name in TUNED_ON else ():
                print_miss(searcher, text, found)
        print()
    print("Known items, Universal Declaration of Human Rights: recall@3 (queries)")
    print(f"{'lang':6} " + " ".join(f"{kind:>14}" for kind in KINDS))
    for lang in udhr_languages():
        figures = known_item_figures(lang)
        cells = [f"{r:8.2f} ({n:3})" if r is not None else f"{'-':>8} (  0)"
                 for r, n in (figures[k] for k in KINDS)]
        print(f"{lang:6} " + " ".join(f"{c:>14}" for c in cells))


if __name__ == "__main__":
    main(show_misses="--misses" in sys.argv, held_out="--held-out" in sys.argv)
