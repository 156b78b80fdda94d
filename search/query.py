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

from .analysis import clusters, normalize, pieces, stem_function, stop_words, words
from .index import FIELDS

MIN_PREFIX = 2  # characters typed before a word is completed
MAX_EXPANSIONS = 50  # index terms a prefix may stand for, in sorted order
# A reader's question is a few words. A pasted page (10,000 characters took
# 7 s, and thousands of words overflow Whoosh's recursion) is cut to this;
# the browser's client cuts the same way.
MAX_QUERY_CHARS = 200
MAX_QUERY_TERMS = 12


@dataclass
class Words:
    """What the index knows of the words behind its terms.

    `forms`: {term: the word readers see most for it}, for "did you mean".
    `starts`: sorted (word, term) pairs for words that do not begin with
    their term (a stemmer may cut a word's start: مقابلة becomes قبل), so
    that typing the start of such a word still finds it.
    """

    forms: dict
    starts: list

    @classmethod
    def from_export(cls, data):
        terms = data["terms"]
        return cls({t: f or t for t, f in zip(terms, data["forms"])},
                   [(word, terms[i]) for word, i in data["starts"]])


@dataclass
class Group:
    word: str  # what the reader typed
    terms: list  # index terms, the exact one first, then a prefix's completions


@dataclass
class Result:
    docnum: int
    score: float


@dataclass
class Answer:
    results: list = field(default_factory=list)  # Result, best first
    groups: list = field(default_factory=list)
    suggestion: str = ""  # the query with misspelt words replaced, or ""


def groups(text, lang, vocabulary, known):
    """The groups of a query; `vocabulary` is the index's sorted terms and
    `known` its Words. Only the first MAX_QUERY_CHARS characters count, and
    only the first MAX_QUERY_TERMS groups."""
    text = text[:MAX_QUERY_CHARS]
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
                group.terms += expand(vocabulary, known.starts, piece, term)
            if all(g.terms != group.terms for g in found):
                found.append(group)
            if len(found) == MAX_QUERY_TERMS:
                return found
    return found


def expand(vocabulary, starts, piece, term):
    """Index terms the typed `piece` may be the start of, in vocabulary order:
    terms beginning with it or with its stem, and the terms of known words
    beginning with it."""
    wanted = {t for word, t in starts if word.startswith(piece)}
    out = []
    for candidate in vocabulary:
        if candidate != term and (candidate.startswith(piece) or (term and candidate.startswith(term))
                                  or candidate in wanted):
            out.append(candidate)
            if len(out) == MAX_EXPANSIONS:
                break
    return out


def _unprefixed(word):
    """A usual word without the Arabic article, which readers often leave out."""
    return word[2:] if word.startswith("\u0627\u0644") and len(word) > 3 else word


def whoosh_query(query_groups):
    return wq.And([wq.Or([wq.Term(name, term) for term in group.terms for name in FIELDS])
                   for group in query_groups])


def vocabulary(reader):
    return sorted({term for name in FIELDS for term in _lexicon(reader, name)})


def _lexicon(reader, name):
    return (t.decode("utf-8") if isinstance(t, bytes) else t for t in reader.lexicon(name))


def search(ix, text, lang, known, limit=10):
    """Search a Whoosh index; the browser's client gives the same answer.
    `known` is the index's Words (see `words_of`)."""
    with ix.searcher(weighting=BM25F()) as searcher:
        vocab = vocabulary(searcher.reader())
        query_groups = groups(text, lang, vocab, known)
        answer = Answer(groups=query_groups)
        if not query_groups:
            return answer
        hits = searcher.search(whoosh_query(query_groups), limit=limit)
        answer.results = [Result(hit.docnum, hit.score) for hit in hits]
        if not answer.results:
            answer.suggestion = suggest(text, query_groups, known.forms)
        return answer


def words_of(lang, texts, vocabulary):
    """The Words of an index made of `texts`."""
    stem, stops, known = stem_function(lang), stop_words(lang), set(vocabulary)
    counts, starts = {}, set()
    for text in texts:
        for start, end in words(text):
            word = text[start:end].lower()
            parts = pieces(normalize(word))
            for piece in parts:
                term = stem(piece)
                if piece in stops or term not in known:
                    continue
                key = (term, piece if len(parts) > 1 else word)
                counts[key] = counts.get(key, 0) + 1
                for variant in {piece, _unprefixed(piece)}:
                    if not variant.startswith(term):
                        starts.add((variant, term))
    best = {}
    for (term, word), count in sorted(counts.items()):
        if term not in best or count > best[term][1]:
            best[term] = (word, count)
    return Words({term: word for term, (word, _) in best.items()}, sorted(starts))


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
    """The known word nearest to `word` in edits, if it is near enough.
    Edits count letters with their marks, so one slip in Bengali is one edit."""
    word = clusters(word)
    limit = 1 if len(word) <= 4 else 2
    best = None
    for term in sorted(forms):
        candidate = clusters(normalize(forms[term]))
        if abs(len(candidate) - len(word)) > limit:
            continue
        distance = edits(word, candidate, limit)
        if distance <= limit and (best is None or distance < best[0]):
            best = (distance, forms[term])
    return best[1] if best else ""


def edits(a, b, limit):
    """Levenshtein distance between two lists, giving up (limit + 1) once it
    passes `limit`; swapping two neighbours counts as one edit."""
    before, previous = None, list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                cost = min(cost, before[j - 2] + 1)
            current.append(cost)
        if min(current) > limit and min(previous) > limit:
            return limit + 1  # no later row can come back under the limit
        before, previous = previous, current
    return previous[-1]
