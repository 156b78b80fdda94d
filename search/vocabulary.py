"""The readers' vocabulary: words readers use, per language, in plain files.

`content/<lang>/_search.yml`, which translators edit:

    # Words readers use, and words that mean the same to them, in this language.
    synonyms:
      - [wages, pay, salary, earnings]
    guides:
      complaints/unpaid-wages.md: [not paid, owed money, salary late]

`synonyms` are groups of words (or short phrases) that mean the same to
readers: a guide that uses one of them is found by any other. `guides` gives,
for a guide (its path in the source language's folder), the words and
phrases readers type when they need it. Both go into the guide's `readers`
search field at build time (`search/index.py`), so the browser and the
preview server rank them alike; and a question's own words are read through
the one-word entries of the groups (`search/query.py`: Words.related), so
"policiers" also finds a guide whose title says "police".

Problems are reported as `file:line: level: message`: not YAML, a wrong
type, an unknown key or guide are errors; an empty or one-word group, a word
listed twice and a word the search leaves out are warnings.
"""
from dataclasses import dataclass, field
import hashlib

import yaml

from .. import cache
from ..errors import Problems, did_you_mean
from ..frontmatter import compose
from .analysis import terms

FILE = "_search.yml"
KEYS = ("synonyms", "guides")


@dataclass
class Vocabulary:
    """One language's readers' vocabulary."""

    synonyms: list = field(default_factory=list)  # [[word or phrase, ...], ...]
    guides: dict = field(default_factory=dict)  # source path -> [word or phrase, ...]


def load(content_dir, site, problems, store=None):
    """Read and check every language's `_search.yml`; attach the result to
    `site` as `site.search_vocabulary` ({lang: Vocabulary}) and return it. A
    file read before, against the same guides, comes from `store` (a
    cache.Store), with what was wrong in it."""
    store = store or cache.Store()
    found = {}
    for language in site.languages:
        file = content_dir / language.folder / FILE
        if not file.exists():
            continue
        key = cache.digest(cache.code_version(), language.code, str(file),
                           hashlib.sha256(file.read_bytes()).hexdigest(),
                           [entry.path for entry in site.entries])
        known = store.get_json("vocabulary", key)
        if known is None:
            recorded = Problems()
            vocabulary = read(file, language.code, site, recorded)
            known = {"synonyms": vocabulary.synonyms, "guides": vocabulary.guides,
                     "problems": recorded.as_data()}
            store.put_json("vocabulary", key, known)
        problems.replay(known["problems"])
        found[language.code] = Vocabulary(known["synonyms"], known["guides"])
    site.search_vocabulary = found
    return found


def read(file, lang, site, problems):
    """One file's Vocabulary; what is wrong in it goes to `problems`."""
    vocabulary = Vocabulary()
    try:
        root = compose(file.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        problems.error(file, None, "the file is not UTF-8 text: save it as UTF-8")
        return vocabulary
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problems.error(file, mark.line + 1 if mark else None,
                       f"this is not valid YAML: {getattr(error, 'problem', None) or error}")
        return vocabulary
    if root is None:
        return vocabulary
    check = _Checker(file, lang, site, problems)
    if not check.kind(root, yaml.MappingNode, "the file must be a list of keys: "
                                              "synonyms and guides"):
        return vocabulary
    for key, value in check.pairs(root):
        if key.value == "synonyms":
            vocabulary.synonyms = check.synonyms(value)
        elif key.value == "guides":
            vocabulary.guides = check.guides(value)
        else:
            problems.error(file, _line(key), f"unknown key '{key.value}'"
                                             f"{did_you_mean(key.value, KEYS)}: "
                                             f"the keys are synonyms and guides")
    return vocabulary


def _line(node):
    return node.start_mark.line + 1


class _Checker:
    """Checks the parts of one file, reporting each problem with its line."""

    def __init__(self, file, lang, site, problems):
        self.file, self.lang, self.site, self.problems = file, lang, site, problems

    def error(self, node, message):
        self.problems.error(self.file, _line(node), message)

    def warning(self, node, message):
        self.problems.warning(self.file, _line(node), message)

    def kind(self, node, wanted, message):
        if not isinstance(node, wanted):
            self.error(node, message)
            return False
        return True

    def pairs(self, mapping):
        """The (key, value) nodes of a mapping, each key once."""
        seen = {}
        for key, value in mapping.value:
            if not isinstance(key, yaml.ScalarNode):
                self.error(key, "a key must be plain text")
                continue
            if key.value in seen:
                self.error(key, f"'{key.value}' is here twice (also on line {seen[key.value]}): "
                                f"keep one")
                continue
            seen[key.value] = _line(key)
            yield key, value

    def words(self, node, what):
        """The texts of a list of words, or None if it is not one."""
        if not self.kind(node, yaml.SequenceNode, f"{what} must be a list of words in "
                                                  f"brackets: [word, other word]"):
            return None
        out = []
        for item in node.value:
            if not isinstance(item, yaml.ScalarNode) or not item.value.strip():
                self.error(item, f"each entry of {what} must be a word or phrase")
                continue
            if not terms(item.value, self.lang):
                self.warning(item, f"'{item.value}' has only words the search leaves out "
                                   f"(such as 'the', 'of'): readers cannot find anything by it")
                continue
            out.append((item, item.value.strip()))
        return out

    def synonyms(self, node):
        if not self.kind(node, yaml.SequenceNode, "synonyms must be a list of groups, "
                                                  "one a line: - [wages, pay, salary]"):
            return []
        groups, seen = [], {}
        for group_node in node.value:
            entries = self.words(group_node, "a group of synonyms")
            if entries is None:
                continue
            group = []
            for item, word in entries:
                key = " ".join(terms(word, self.lang))
                if key in seen:
                    line, first = seen[key]
                    if line == _line(group_node) and first != word:
                        self.warning(item, f"'{word}' and '{first}' are one word to the search "
                                           f"(it matches their forms alike): keep one")
                    else:
                        self.warning(item, f"'{word}' is already in the group on line {line}: "
                                           f"a word belongs to one group")
                    continue
                seen[key] = (_line(group_node), word)
                group.append(word)
            if len(group) < 2:
                self.warning(group_node, "this group has fewer than two words: a group joins "
                                         "words that mean the same, so it needs two or more")
                continue
            groups.append(group)
        return groups

    def guides(self, node):
        if not self.kind(node, yaml.MappingNode, "guides must be a list of guide paths, "
                                                 "each with its words: "
                                                 "complaints/unpaid-wages.md: [not paid]"):
            return {}
        known = [entry.path for entry in self.site.entries if entry.kind.searchable]
        found = {}
        for key, value in self.pairs(node):
            if key.value not in known:
                self.error(key, f"no guide '{key.value}'{did_you_mean(key.value, known)}: "
                                f"use its path in the source language's folder")
                continue
            entries = self.words(value, f"the words for {key.value}")
            if entries is None:
                continue
            phrases, seen = [], set()
            for item, word in entries:
                if word.lower() in seen:
                    self.warning(item, f"'{word}' is listed twice for {key.value}")
                    continue
                seen.add(word.lower())
                phrases.append(word)
            if not phrases:
                self.warning(value, f"no words for {key.value}: add some or remove the line")
                continue
            found[key.value] = phrases
        return found
