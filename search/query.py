"""What a query means, the same here and in the browser.

A query is a list of groups, one per term the analyzer makes of it: a guide
must match every group (in any field), and scores the sum of BM25 over every
(field, term) of every group it matches. The last term, unless the query ends
with a space, also matches the index terms it begins (prefix search), so
results come as the reader types. A word that matches nothing gets a "did
you mean" from the index's own vocabulary.
"""
from dataclasses import dataclass, field

from whoosh import query as wq
from whoosh.scoring import BM25F

from .analysis import normalize, pieces, stem_function, stop_words, words
from .index import FIELDS

MIN_PREFIX = 2  # characters typed before a word is completed
MAX_EXPANSIONS = 50  # index terms a prefix may stand for, in sorted order


@dataclass
class Group:
    word: str  # what the reader typed
    terms: list  # index terms, the exact one first
    prefix: bool = False


@dataclass
class Result:
    docnum: int
    score: float


@dataclass
class Answer:
    results: list = field(default_factory=list)  # Result, best first
    groups: list = field(default_factory=list)
    suggestion: str = ""  # the query with misspelt words replaced, or ""


def groups(text, lang, vocabulary):
    """The groups of a query; `vocabulary` is the index's sorted terms."""
    stem, stops = stem_function(lang), stop_words(lang)
    spans = words(text)
    prefix_open = bool(spans) and spans[-1][1] == len(text.rstrip()) == len(text)
    found = []
    for number, (start, end) in enumerate(spans):
        parts = pieces(normalize(text[start:end]))
        for index, piece in enumerate(parts):
            if piece in stops:
                continue
            term = stem(piece)
            group = Group(text[start:end], [term])
            last = number == len(spans) - 1 and index == len(parts) - 1
            if last and prefix_open and len(piece) >= MIN_PREFIX:
                group.prefix = True
                group.terms += expand(vocabulary, {piece, term} - {""}, exclude=term)
            if all(g.terms != group.terms for g in found):
                found.append(group)
    return found


def expand(vocabulary, prefixes, exclude):
    """Index terms beginning with any of `prefixes`, in vocabulary order."""
    out = []
    for term in vocabulary:
        if term != exclude and any(term.startswith(p) for p in prefixes):
            out.append(term)
            if len(out) == MAX_EXPANSIONS:
                break
    return out


def whoosh_query(query_groups):
    return wq.And([wq.Or([wq.Term(name, term) for term in group.terms for name in FIELDS])
                   for group in query_groups])


def vocabulary(reader):
    return sorted({term for name in FIELDS for term in _lexicon(reader, name)})


def _lexicon(reader, name):
    return (t.decode("utf-8") if isinstance(t, bytes) else t for t in reader.lexicon(name))


def search(ix, text, lang, forms, limit=10):
    """Search a Whoosh index; the browser's client gives the same answer.

    `forms` maps index terms to the word readers see (see `surface_forms`).
    """
    with ix.searcher(weighting=BM25F()) as searcher:
        vocab = vocabulary(searcher.reader())
        query_groups = groups(text, lang, vocab)
        answer = Answer(groups=query_groups)
        if not query_groups:
            return answer
        hits = searcher.search(whoosh_query(query_groups), limit=limit)
        answer.results = [Result(hit.docnum, hit.score) for hit in hits]
        if not answer.results:
            answer.suggestion = suggest(text, query_groups, forms)
        return answer


def surface_forms(lang, texts):
    """{term: the most common word in `texts` that gives it}, for suggestions."""
    stem, counts = stem_function(lang), {}
    for text in texts:
        for start, end in words(text):
            word = text[start:end].lower()
            for piece in pieces(normalize(word)):
                key = (stem(piece), piece if len(pieces(normalize(word))) > 1 else word)
                counts[key] = counts.get(key, 0) + 1
    best = {}
    for (term, word), count in sorted(counts.items()):
        if term not in best or count > best[term][1]:
            best[term] = (word, count)
    return {term: word for term, (word, _) in best.items()}


def suggest(text, query_groups, forms):
    """The query with each word that matches nothing replaced by a close one."""
    fixed = text
    for group in query_groups:
        if any(term in forms for term in group.terms):
            continue
        close = closest(normalize(group.word), forms)
        if close:
            fixed = fixed.replace(group.word, close, 1)
    return fixed if fixed != text else ""


def closest(word, forms):
    """The known word nearest to `word` in edits, if it is near enough."""
    limit = 1 if len(word) <= 4 else 2
    best = None
    for term in sorted(forms):
        candidate = normalize(forms[term])
        if abs(len(candidate) - len(word)) > limit:
            continue
        distance = edits(word, candidate, limit)
        if distance <= limit and (best is None or distance < best[0]):
            best = (distance, forms[term])
    return best[1] if best else ""


def edits(a, b, limit):
    """Levenshtein distance, giving up (limit + 1) once it passes `limit`."""
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (char_a != char_b)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]
