"""What a query means, the same here and in the browser.

A query is a list of groups, one per term the analyzer makes of it. A group
matches the index terms of its word: the word's stem, the terms of guide
words written the same way (a reader typing "licencie" finds "licencié"),
and, for the last word unless the query ends with a space, the terms of every
guide word it begins ("requirem" finds "requirement"), so results come as the
reader types. A word also matches the terms of its synonyms (the language's
synonym groups, `_search.yml`), which count SYNONYM_BOOST of their score.
When no word matches anything, each word that is close to a
guide word (one or two slips) matches that word too, and the answer says
"did you mean". When other words match, a word that no guide has is still
read as the nearest guide word (a guess), but only for SYNONYM_BOOST of that
word's score, and a guide does not count as matching the word for it.

No dead ends: a guide that matches any group is a result. Results are
ranked by their BM25F score (the sum over every field and term the guide
matches) times the square root of their share of the query's weight: each
group weighs its idf (`group_weights`), so a guide that misses a rare word of
the question loses much, one that misses a common word little, and a word no
guide has changes no order (nor does a guessed word: guides that have the
guess gain its score, not the word's share). Then the earlier guide. Measured on readers'
questions (bench/search_quality.py), this did better than putting the guides
that match every group first (a question's everyday words, "come", "still",
"back", then outweighed the rare word that names its topic), than ranking by
the number of words matched, and than the plain score.
"""
import math
from dataclasses import dataclass, field
import unicodedata
import weakref

from whoosh import query as wq
from whoosh.scoring import BM25F

from .analysis import (accents_for, clitics, clusters, keyboard_slips, normalize,
                       pieces, prefixes, spoken, stem_function, stop_words, word_terms,
                       without_article, words, written_verbs)
from . import latin
from .index import FIELDS, is_pair, pair_term

MIN_PREFIX = 2  # characters typed before a word is completed
MAX_EXPANSIONS = 50  # index terms a prefix may stand for, in sorted order
# A reader's question is a few words, or a story of two or three sentences
# as typed into a help chat (the second of which, after the greeting, says
# what happened). A pasted page (10,000 characters took 7 s, and thousands of
# words overflow Whoosh's recursion) is cut to this; the browser's client
# cuts the same way.
MAX_QUERY_CHARS = 300
MAX_QUERY_TERMS = 16
MIN_STOP_PREFIX = 4  # letters of a stop word being typed before it may be a word's start
MIN_CORRECTED = 2  # letters (with their marks) a word needs before it is corrected
# and before it is guessed (`guess`): a short word no guide has is more often
# a real word than a slip ("us" is not "un")
MIN_GUESSED = 4
# A guessed word this long that is a guide word with a letter doubled, dropped
# or swapped ("smugggler", "звілльнили") is a slip, not another word (`is_slip`).
MIN_SLIP = 6
MIN_CLITIC_STEM = 3  # letters left when a word is read without a clitic
# A guide that has the reader's own word answers better than one that has a
# synonym of it: a synonym's term counts this much of its score.
SYNONYM_BOOST = 0.7


@dataclass
class Words:
    """The words behind the index's terms, as the guides write them (lower
    case, accents kept): `by_term` {term: [word, ...]}, in index order, and
    `folded` [(folded word, word, term), ...] in the same order."""

    by_term: dict
    # {term: [(folded group word with that term, [the other words' terms]), ...]}
    synonyms: dict = field(default_factory=dict)
    folded: list = field(init=False, repr=False)
    same: dict = field(init=False, repr=False)  # {folded word: [its terms], in index order}
    latin_keys: dict = field(init=False, repr=False)  # {lang: latin.by_key}, made when needed

    def __post_init__(self):
        self.folded = [(normalize(word), word, term)
                       for term, found in self.by_term.items() if not is_pair(term)
                       for word in found]
        self.same, self.latin_keys = {}, {}
        for folded, _, term in self.folded:
            self.same.setdefault(folded, []).append(term)

    @classmethod
    def from_export(cls, data):
        stem, synonyms = stem_function(data["lang"]), {}
        for packed in data.get("syn", ()):
            group = [(normalize(piece), stem(piece)) for piece in packed.split(" ")]
            for word, term in group:
                synonyms.setdefault(term, []).append((word, [t for w, t in group if w != word]))
        return cls({term: [word or term for word in packed.split(" ")]
                    for term, packed in zip(data["terms"], data["words"])}, synonyms)

    def related(self, folded, terms):
        """The terms of the synonyms of a reader's word (`folded`, whose
        group has `terms`): of every group word that has one of those terms
        and is written like it (same_word)."""
        out = []
        for term in terms:
            for word, others in self.synonyms.get(term, ()):
                if same_word(folded, word, term):
                    _add(out, others)
        return [term for term in out if term not in terms]


def same_word(typed, word, term):
    """Whether a reader's word and a synonym group's word, which share the
    index term `term`, are one word: written alike for the term's length
    less one letter, Arabic's article aside. Stemmers give a root, not only
    a word's forms: Arabic's makes الشغل (work) and المشغل (employer) both
    شغل, and a synonym of one is not a synonym of the other."""
    typed, word = without_article(typed), without_article(word)
    common = 0
    for a, b in zip(typed, word):
        if a != b:
            break
        common += 1
    return common >= min(len(term) - 1, len(typed), len(word))


@dataclass
class Group:
    word: str  # what the reader typed
    terms: list  # index terms: the stem first, then same words, completions, a correction
    correction: str = ""  # the guide word a misspelt word was taken for
    piece: str = ""  # the typed piece the group stands for, folded
    related: list = field(default_factory=list)  # the terms (also in `terms`) of its synonyms
    guessed: list = field(default_factory=list)  # the term (also in `terms`) it was guessed as


@dataclass
class Result:
    docnum: int
    score: float  # BM25F times the square root of the share of the query's weight matched


@dataclass
class Answer:
    results: list = field(default_factory=list)  # Result, best first
    groups: list = field(default_factory=list)
    suggestion: str = ""  # the query with misspelt words corrected, or ""


def groups(text, lang, vocabulary, known, frequency):
    """The groups of a query. `vocabulary` is the index's sorted terms,
    `known` its Words and `frequency(term)` how many postings a term has.
    Only the first MAX_QUERY_CHARS characters count, and only the first
    MAX_QUERY_TERMS groups."""
    text = text[:MAX_QUERY_CHARS]
    stem, stops, accents = stem_function(lang), stop_words(lang), accents_for(lang)
    indexed = set(vocabulary)
    spans = words(text)
    prefix_open = bool(spans) and spans[-1][1] == len(text.rstrip()) == len(text)
    found = []
    for number, (start, end) in enumerate(spans):
        parts = pieces(normalize(text[start:end], accents))
        for index, piece in enumerate(parts):
            folded = normalize(piece)
            last = number == len(spans) - 1 and index == len(parts) - 1
            typing = last and prefix_open and len(folded) >= MIN_PREFIX
            if folded in stops:
                # A long stop word being typed may be the start of a word
                # ("برابر", equal, of "برابری", equality): only its completions.
                completions = expand(vocabulary, known, folded) if (
                    typing and len(clusters(folded)) >= MIN_STOP_PREFIX) else []
                if completions and all(g.terms != completions for g in found):
                    found.append(Group(text[start:end], completions))
                continue
            group = Group(text[start:end], [stem(piece)], piece=folded)
            _add(group.terms, known.same.get(folded, []))
            if not indexed.intersection(group.terms):
                _add(group.terms, without_clitic(folded, lang, stem, known, indexed))
            # A word typed in Latin letters for the script is read as the
            # guide words it spells, with their synonyms.
            read = [] if indexed.intersection(group.terms) else latin.read_as(
                folded, lang, known, frequency)
            _add(group.terms, [term for _, term in read])
            group.related = known.related(folded, group.terms)
            for word, term in read:
                _add(group.related, [t for t in known.related(word, [term]) if t not in group.terms])
            _add(group.terms, group.related)
            if typing:
                _add(group.terms, expand(vocabulary, known, folded))
            if all(g.terms != group.terms for g in found):
                found.append(group)
    del found[MAX_QUERY_TERMS:]
    if not any(indexed.intersection(group.terms) for group in found):
        correct(found, known, frequency)
    else:
        guess(found, known, frequency, indexed, lang)
    return found + pairs(found, indexed)


def pairs(query_groups, indexed):
    """A group for each two neighbouring words of the query (stop words
    aside) that a readers' phrase has in that order (index.pairs_of): its
    one term is the pair of their terms."""
    words_ = [group for group in query_groups if group.piece]
    out = []
    for first, second in zip(words_, words_[1:]):
        term = pair_term(first.terms[0], second.terms[0])
        if term in indexed and all(group.terms != [term] for group in out):
            out.append(Group(f"{first.word} {second.word}", [term]))
    return out


def without_clitic(folded, lang, stem, known, indexed):
    """The index terms of a word no guide has, read without a clitic ending
    (analysis.clitics, the longest first) or else without a prefix
    (analysis.prefixes), or else as it is written (analysis.spoken, and for a
    spoken verb analysis.written_verbs): the first that leaves a word the guides have, of
    MIN_CLITIC_STEM letters or more, or written just so (رد, a rejection, in ردم); or []."""
    rests = [folded[: -len(end)] for end in clitics(lang) if folded.endswith(end)]
    rests += [folded[len(start):] for start in prefixes(lang) if folded.startswith(start)]
    rests += [written.join(folded.rsplit(said, 1)) for said, written in spoken(lang)
              if said in folded]
    rests += written_verbs(folded, lang)
    for rest in rests:
        if len(clusters(rest)) >= MIN_CLITIC_STEM or rest in known.same:
            found = [term for term in [stem(rest)] + known.same.get(rest, []) if term in indexed]
            if found:
                return found
    return []


def correct(query_groups, known, frequency):
    """At a dead end (no word of the query is in any guide), each word is also
    read as the nearest guide word, when there is one near enough. Only
    then: a word that is not in the guides is more often a real word (a
    place, an everyday word) than a slip, and reading it as another word
    would push aside the guides that the other words find."""
    for group in query_groups:
        if len(clusters(group.piece)) >= MIN_CORRECTED:
            close = closest(group.piece, known, frequency)
            if close:
                group.correction = close[0]
                _read_as(group, close, known)


def _read_as(group, close, known):
    """Reads a group's word as the guide word `close` too, with its synonyms."""
    _add(group.terms, [close[1]])
    more = [t for t in known.related(normalize(close[0]), [close[1]]) if t not in group.terms]
    _add(group.related, more)
    _add(group.terms, more)


def guess(query_groups, known, frequency, indexed, lang):
    """When other words of the query are in guides, a word that is in none
    is also read as the nearest guide word (`closest`), as a guess: a slip
    ("salery") or a form the stemmer does not join (вимагав, "he demanded",
    for вимагати) most often, but sometimes a real word no guide has (a
    place, a month). So the guess counts SYNONYM_BOOST of its score, does
    not count as a match of the reader's word (`search`), brings no
    synonyms, and no "did you mean" is offered: the other words have found
    guides already. But a long word one edit from a guide word is a slip of
    it, not another word (MIN_SLIP): it is read as that word, in full and
    with its synonyms."""
    for group in query_groups:
        size = len(clusters(group.piece))
        if size >= MIN_GUESSED and not indexed.intersection(group.terms):
            close = closest(group.piece, known, frequency)
            if close and is_slip(group.piece, close[2], lang):
                _read_as(group, close, known)
            elif close:
                _add(group.guessed, [close[1]])
                _add(group.terms, [close[1]])


def is_slip(typed, word, lang):
    """Is the folded `typed` the folded guide `word` with one letter doubled,
    dropped or swapped with its neighbour, or typed as the key beside it or
    as its keyboard twin (analysis.keyboard_slips: "contrsct" for
    "contract", звильнили for звільнили), and MIN_SLIP letters long? Another
    changed letter is left a guess: it turns one real word into another
    (canada, casada) more often than a slip of the thumb does."""
    a, b = clusters(typed), clusters(word)
    if len(a) < MIN_SLIP or edits(a, b, 1) != 1:
        return False
    if len(a) != len(b) or sorted(a) == sorted(b):
        return True
    changed = [x + y for x, y in zip(a, b) if x != y]
    return any(pair in (x, x[::-1]) for x in changed for pair in keyboard_slips(lang))


def _add(terms, more):
    terms.extend(term for term in dict.fromkeys(more) if term not in terms)


def expand(vocabulary, known, piece):
    """Index terms that the typed `piece` may be the start of, in vocabulary
    order: terms beginning with it, and the terms of guide words beginning
    with it (with or without the Arabic article)."""
    wanted = {term for word, _, term in known.folded if _begins(word, piece)}
    out = []
    for candidate in vocabulary:
        if (candidate.startswith(piece) and not is_pair(candidate)) or candidate in wanted:
            out.append(candidate)
            if len(out) == MAX_EXPANSIONS:
                break
    return out


def _begins(word, piece):
    return word.startswith(piece) or without_article(word).startswith(piece)


def closest(word, known, frequency):
    """(guide word, its term, the word folded) nearest to the folded `word` in edits, if near
    enough: one edit in a word of up to four letters, else two, and a second
    edit only with the first letter right (readers slip inside a word more
    than at its start). Then the same first letter, then the more used term,
    then the first in the index. Edits count letters with their marks, so one
    slip in Bengali is one edit."""
    typed = clusters(word)
    limit = 1 if len(typed) <= 4 else 2
    best, best_key = None, None
    for folded, original, term in known.folded:
        candidate = clusters(folded)
        if abs(len(candidate) - len(typed)) > limit:
            continue
        distance = edits(typed, candidate, limit)
        other_start = candidate[:1] != typed[:1]
        if distance > limit or (distance > 1 and other_start):
            continue
        key = (distance, other_start, -frequency(term))
        if best_key is None or key < best_key:
            best, best_key = (original, term, folded), key
    return best


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


def suggestion(text, query_groups):
    """The query with each corrected word replaced by the guide word."""
    fixed = text
    for group in query_groups:
        if group.correction:
            fixed = fixed.replace(group.word, group.correction, 1)
    return fixed if fixed != text else ""


def term_boosts(query_groups):
    """{term: its weight in the score}, in group order: SYNONYM_BOOST for a
    term that only a synonym of the reader's word, or a guess, brought, else 1."""
    boosts = {}
    for group in query_groups:
        for term in group.terms:
            boost = SYNONYM_BOOST if term in group.related or term in group.guessed else 1.0
            boosts[term] = max(boosts.get(term, 0.0), boost)
    return boosts


def whoosh_query(query_groups):
    return wq.Or([wq.Term(name, term, boost=boost)
                  for term, boost in term_boosts(query_groups).items() for name in FIELDS])


def group_weights(query_groups, reader):
    """Each group's weight: the idf (as BM25F's) of the guides having any of
    its terms in any field."""
    total = reader.doc_count_all()
    weights = []
    for group in query_groups:
        docs = set()
        for term in group.terms:
            for name in FIELDS:
                if (name, term) in reader:
                    docs.update(reader.postings(name, term).all_ids())
        weights.append(math.log(total / (len(docs) + 1)) + 1)
    return weights


def coordinated(score, weights, found):
    """A guide's score times the square root of the share of the groups'
    weight it matches (`found`: one bool a group), summed in group order."""
    return score * math.sqrt(sum(w for w, there in zip(weights, found) if there) / sum(weights))


def rank_key(result):
    """The higher score, then the earlier guide. Scores are compared to nine
    digits: the browser sums the same numbers in another order, which changes
    the last bits."""
    return (-float(f"{result.score:.9g}"), result.docnum)


def vocabulary(reader):
    return sorted({term for name in FIELDS for term in _lexicon(reader, name)})


# An index's vocabulary, read once for each version (generation) of it:
# reading the whole lexicon took half of each search's time.
_VOCABULARIES = weakref.WeakKeyDictionary()


def _vocabulary_of(ix, reader):
    generation = reader.generation()
    if _VOCABULARIES.get(ix, (None,))[0] != generation:
        _VOCABULARIES[ix] = (generation, vocabulary(reader))
    return _VOCABULARIES[ix][1]


def _lexicon(reader, name):
    return (t.decode("utf-8") if isinstance(t, bytes) else t for t in reader.lexicon(name))


def search(ix, text, lang, known, limit=10):
    """Search a Whoosh index; the browser's client gives the same answer.
    `known` is the index's Words (see `words_of`)."""
    with ix.searcher(weighting=BM25F()) as searcher:
        reader = searcher.reader()
        vocab = _vocabulary_of(ix, reader)

        def frequency(term):
            return sum(reader.doc_frequency(name, term) for name in FIELDS)

        query_groups = groups(text, lang, vocab, known, frequency)
        answer = Answer(groups=query_groups, suggestion=suggestion(text, query_groups))
        if not query_groups:
            return answer
        hits = searcher.search(whoosh_query(query_groups), limit=None, terms=True)
        weights = group_weights(query_groups, reader)
        results = []
        for hit in hits:
            matched = {t.decode("utf-8") if isinstance(t, bytes) else t
                       for _, t in hit.matched_terms()}
            # (a guess is no match of the reader's word: `guess`)
            found = [any(t in matched and t not in group.guessed for t in group.terms)
                     for group in query_groups]
            results.append(Result(hit.docnum, coordinated(hit.score, weights, found)))
        answer.results = sorted(results, key=rank_key)[:limit]
        return answer


def words_of(lang, said, vocabulary):
    """The Words of an index whose documents say `said` (a Counter of the
    words as written): for each term, the words that became it, each
    written as the guides write it most often."""
    accents, known, counts = accents_for(lang), set(vocabulary), {}
    for word, times in said.items():
        parts = pieces(normalize(word, accents))
        for piece, term in zip(parts, word_terms(word, lang)):
            if term not in known:  # (None, a stop word, is not)
                continue
            shown = piece if len(parts) > 1 else unicodedata.normalize("NFC", word).lower()
            key = (term, normalize(piece), shown)
            counts[key] = counts.get(key, 0) + times
    best = {}
    for (term, folded, shown), count in sorted(counts.items()):
        if (term, folded) not in best or count > best[term, folded][1]:
            best[term, folded] = (shown, count)
    by_term = {term: [] for term in vocabulary}
    for (term, _), (shown, _) in sorted(best.items()):
        by_term[term].append(shown)
    return Words({term: found or [term] for term, found in by_term.items()})
