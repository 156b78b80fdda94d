// Waymark's search, in the browser. It ranks exactly as the Whoosh index the
// build made (see search/analysis.py and search/query.py for the rules, which
// this file follows step by step), from a classic-script export so that it
// works offline, from the service worker's cache and from file://.
(function () {
  'use strict';

  // --- Analysis: text to terms (search/analysis.py) ---------------------
  var ACCENTED = [[0x41, 0x24F], [0x1E00, 0x1EFF], [0x370, 0x3FF], [0x1F00, 0x1FFF]];
  var SPACELESS = [[0x0E00, 0x0EFF], [0x1000, 0x109F], [0x1780, 0x17FF], [0x3040, 0x30FF],
    [0x31F0, 0x31FF], [0x3400, 0x4DBF], [0x4E00, 0x9FFF], [0xF900, 0xFAFF], [0x20000, 0x2FA1F]];
  var ARABIC_MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640]/g;
  var FOLD = {'\u0623': '\u0627', '\u0625': '\u0627', '\u0622': '\u0627', '\u0671': '\u0627',
    '\u0649': '\u064a', '\u06cc': '\u064a', '\u0626': '\u064a', '\u0624': '\u0648', '\u06a9': '\u0643',
    '\u0629': '\u0647', '\u06c0': '\u0647', '\u06d5': '\u0647'};
  for (var d = 0; d < 10; d++) {
    FOLD[String.fromCharCode(0x660 + d)] = String(d);
    FOLD[String.fromCharCode(0x6F0 + d)] = String(d);
  }
  // Ethiopic letters that sound the same, in all their orders.
  [[0x1210, 0x1200], [0x1280, 0x1200], [0x1220, 0x1230], [0x12D0, 0x12A0], [0x1340, 0x1338]]
    .forEach(function (pair) {
      for (var order = 0; order < 8; order++) {
        FOLD[String.fromCharCode(pair[0] + order)] = String.fromCharCode(pair[1] + order);
      }
    });
  FOLD['\u09ce'] = '\u09a4\u09cd';  // Bengali khanda ta
  FOLD['\u0131'] = 'i';  // Turkish dotless i, which capitals and foreign keyboards lose
  FOLD['\u2019'] = FOLD['\u02bc'] = "'";  // the apostrophes inside a Ukrainian word
  // Letters, marks and digits, and an apostrophe between two Cyrillic
  // letters, inside a Ukrainian word (б'є).
  var WORD = /[\p{L}\p{M}\p{N}]+(?:(?<=[\u0400-\u04ff])['\u2019\u02bc](?=[\u0400-\u04ff])[\p{L}\p{M}\p{N}]+)*/gu;
  var ASCII = /^[\x00-\x7f]*$/;
  var MARK = /^\p{M}$/u;

  function inRanges(ranges, code) {
    for (var i = 0; i < ranges.length; i++) {
      if (code >= ranges[i][0] && code <= ranges[i][1]) return true;
    }
    return false;
  }

  // [start, end] of each word, in UTF-16 offsets of `text`.
  // The apostrophe letter ʼ (a letter to \p{L}) is read as ', so that it
  // splits words like any apostrophe but between two Cyrillic letters.
  function words(text) {
    var spans = [], match, plain = text.replace(/\u02bc/g, "'");
    WORD.lastIndex = 0;
    while ((match = WORD.exec(plain))) spans.push([match.index, match.index + match[0].length]);
    return spans;
  }

  // A word as the index stores it; with `accents`, Latin and Greek accents
  // stay (for a stemmer that needs them).
  var normalized = [new Map(), new Map()];
  function normalize(word, accents) {
    var cache = normalized[accents ? 1 : 0], cached = cache.get(word);
    if (cached !== undefined) return cached;
    if (ASCII.test(word)) return word.toLowerCase();  // the same, sooner: nothing to fold
    var out = '', accentedBase = false;
    for (var ch of word.normalize('NFKC').toLowerCase().normalize('NFD')) {
      var code = ch.codePointAt(0);
      if (code >= 0x300 && code <= 0x36F && accentedBase && !accents) continue;
      if (!MARK.test(ch)) accentedBase = inRanges(ACCENTED, code);
      out += ch;
    }
    var folded = '';
    for (var c of out.normalize('NFC').replace(ARABIC_MARKS, '')) folded += FOLD[c] || c;
    cache.set(word, folded);
    return folded;
  }

  // A word less Arabic's article, when it has one and more than one letter
  // after it (analysis.py: without_article).
  var ARTICLE = '\u0627\u0644';
  function withoutArticle(word) {
    return word.startsWith(ARTICLE) && Array.from(word).length > 3 ? word.slice(2) : word;
  }

  // A word's letters, each with the marks that follow it.
  function clusters(word) {
    var out = [];
    for (var ch of word) {
      if (out.length && MARK.test(ch)) out[out.length - 1] += ch;
      else out.push(ch);
    }
    return out;
  }

  // Scripts without spaces become overlapping two-character pieces.
  function pieces(word) {
    var out = [], run = [], other = '';
    function flushRun() {
      var letters = clusters(run.join(''));
      if (letters.length === 1) out.push(letters[0]);
      for (var i = 0; i + 1 < letters.length; i++) out.push(letters[i] + letters[i + 1]);
      run = [];
    }
    for (var ch of word) {
      if (inRanges(SPACELESS, ch.codePointAt(0)) || (run.length && MARK.test(ch))) {
        if (other) { out.push(other); other = ''; }
        run.push(ch);
      } else {
        if (run.length) flushRun();
        other += ch;
      }
    }
    if (run.length) flushRun();
    if (other) out.push(other);
    return out;
  }

  // --- One language's index (search/export.py) --------------------------
  function Index(data) {
    this.data = data;
    this.stops = new Set(data.stop);
    var stemmer = data.stem && (self.WaymarkStemmers || {})[data.stem];
    var stemCache = new Map();
    // Stemmed with accents, then folded (search/analysis.py: stem_function).
    this.stem = stemmer ? function (piece) {
      var term = stemCache.get(piece);
      if (term === undefined) stemCache.set(piece, term = normalize(stemmer(piece)));
      return term;
    } : function (piece) { return normalize(piece); };
    this.position = new Map();
    for (var i = 0; i < data.terms.length; i++) this.position.set(data.terms[i], i);
    this.nFields = data.fields.length;
    this.known = null;
    // term -> [[folded group word with that term, the other words' terms]] (query.py: Words)
    this.synonyms = new Map();
    var stem = this.stem, synonyms = this.synonyms;
    (data.syn || []).forEach(function (packed) {
      var group = packed.split(' ').map(function (piece) { return [normalize(piece), stem(piece)]; });
      group.forEach(function (entry) {
        if (!synonyms.has(entry[1])) synonyms.set(entry[1], []);
        synonyms.get(entry[1]).push([entry[0], group.filter(function (other) {
          return other[0] !== entry[0];
        }).map(function (other) { return other[1]; })]);
      });
    });
  }

  // The terms of the synonyms of a reader's word (query.py: Words.related).
  Index.prototype.related = function (folded, terms) {
    var out = [], synonyms = this.synonyms;
    terms.forEach(function (term) {
      (synonyms.get(term) || []).forEach(function (entry) {
        if (sameWord(folded, entry[0], term)) add(out, entry[1]);
      });
    });
    return out.filter(function (term) { return terms.indexOf(term) < 0; });
  };

  // A reader's word and a group's word sharing a term are one word when
  // written alike for the term's length less one letter, Arabic's article
  // aside (query.py: same_word). Lengths in code points, as Python counts.
  function sameWord(typed, word, term) {
    var a = Array.from(withoutArticle(typed)), b = Array.from(withoutArticle(word));
    var common = 0;
    while (common < a.length && common < b.length && a[common] === b[common]) common++;
    return common >= Math.min(Array.from(term).length - 1, a.length, b.length);
  }

  // [folded word, word, term] for every guide word, in index order (query.py:
  // Words); closest() keeps the folded word's letters as a fourth item.
  Index.prototype.folded = function () {
    if (!this.known) {
      var terms = this.data.terms, known = [], same = new Map();
      this.data.words.forEach(function (packed, i) {
        if (isPair(terms[i])) return;  // a pair of terms is no guide word
        packed.split(' ').forEach(function (word) {
          word = word || terms[i];
          var folded = normalize(word);
          known.push([folded, word, terms[i]]);
          if (!same.has(folded)) same.set(folded, []);
          same.get(folded).push(terms[i]);
        });
      });
      this.known = known;
      this.same = same;
    }
    return this.known;
  };

  // The terms of `text`, as the index stores them.
  Index.prototype.termsOf = function (text) {
    var self_ = this, found = [];
    words(text).forEach(function (span) {
      pieces(normalize(text.slice(span[0], span[1]), self_.data.accents)).forEach(function (piece) {
        if (!self_.stops.has(normalize(piece))) found.push(self_.stem(piece));
      });
    });
    return found;
  };

  function add(terms, more) {
    more.forEach(function (term) { if (terms.indexOf(term) < 0) terms.push(term); });
  }

  // The query's groups (search/query.py: groups).
  Index.prototype.groups = function (text) {
    var data = this.data;
    text = Array.from(text).slice(0, data.maxQueryChars).join('');  // a pasted page: its start
    var spans = words(text), found = [], self_ = this;
    var prefixOpen = spans.length > 0 && spans[spans.length - 1][1] === text.trimEnd().length &&
      text.trimEnd().length === text.length;
    this.folded();
    spans.forEach(function (span, number) {
      var word = text.slice(span[0], span[1]);
      var parts = pieces(normalize(word, data.accents));
      parts.forEach(function (piece, index) {
        var folded = normalize(piece);
        var last = number === spans.length - 1 && index === parts.length - 1;
        var typing = last && prefixOpen && Array.from(folded).length >= data.minPrefix;
        if (self_.stops.has(folded)) {
          // A long stop word being typed may be the start of a word: only its completions.
          var completions = typing && clusters(folded).length >= data.minStopPrefix
            ? self_.expand(folded) : [];
          var completionsKey = JSON.stringify(completions);
          if (completions.length && !found.some(function (g) {
            return JSON.stringify(g.terms) === completionsKey;
          })) {
            found.push({word: word, terms: completions, correction: '', piece: '', related: [],
              guessed: []});
          }
          return;
        }
        var group = {word: word, terms: [self_.stem(piece)], correction: '', piece: folded, guessed: []};
        add(group.terms, self_.same.get(folded) || []);
        if (!group.terms.some(function (t) { return self_.position.has(t); })) {
          add(group.terms, self_.withoutClitic(folded));
        }
        // A word typed in Latin letters for the script: the guide words it spells.
        var read = group.terms.some(function (t) { return self_.position.has(t); })
          ? [] : self_.readAsLatin(folded);
        add(group.terms, read.map(function (pair) { return pair[1]; }));
        group.related = self_.related(folded, group.terms);
        read.forEach(function (pair) {
          add(group.related, self_.related(pair[0], [pair[1]]).filter(function (t) {
            return group.terms.indexOf(t) < 0;
          }));
        });
        add(group.terms, group.related);
        if (typing) add(group.terms, self_.expand(folded));
        var key = JSON.stringify(group.terms);
        if (!found.some(function (g) { return JSON.stringify(g.terms) === key; })) found.push(group);
      });
    });
    found.length = Math.min(found.length, data.maxQueryTerms);
    var anyKnown = found.some(function (g) {
      return g.terms.some(function (t) { return self_.position.has(t); });
    });
    if (!anyKnown) this.correct(found);
    else this.guess(found);
    return found.concat(this.pairs(found));
  };

  // Each two neighbouring words that a readers' phrase has in that order, as
  // a group of its own (search/query.py: pairs).
  function isPair(term) { return term.indexOf(' ') >= 0; }
  Index.prototype.pairs = function (found) {
    var words = found.filter(function (g) { return g.piece; }), out = [], self_ = this;
    for (var i = 0; i + 1 < words.length; i++) {
      var term = words[i].terms[0] + ' ' + words[i + 1].terms[0];
      if (self_.position.has(term) && !out.some(function (g) {
        return g.terms.length === 1 && g.terms[0] === term;
      })) {
        out.push({word: words[i].word + ' ' + words[i + 1].word, terms: [term], correction: '',
          piece: '', related: [], guessed: []});
      }
    }
    return out;
  };

  // A word no guide has, read without a clitic ending or else a prefix, or as written
  // (search/query.py: without_clitic).
  Index.prototype.withoutClitic = function (folded) {
    var rests = [], self_ = this;
    (this.data.clitics || []).forEach(function (end) {
      if (folded.endsWith(end)) rests.push(folded.slice(0, folded.length - end.length));
    });
    (this.data.prefixes || []).forEach(function (start) {
      if (folded.startsWith(start)) rests.push(folded.slice(start.length));
    });
    (this.data.spoken || []).forEach(function (pair) {  // the last spoken letters, as written
      var at = folded.lastIndexOf(pair[0]);
      if (at >= 0) rests.push(folded.slice(0, at) + pair[1] + folded.slice(at + pair[0].length));
    });
    rests = rests.concat(this.writtenVerbs(folded));
    for (var i = 0; i < rests.length; i++) {
      if (clusters(rests[i]).length < this.data.minCliticStem && !this.same.has(rests[i])) continue;
      var found = [];
      add(found, [this.stem(rests[i])].concat(this.same.get(rests[i]) || []).filter(function (t) {
        return self_.position.has(t);
      }));
      if (found.length) return found;
    }
    return [];
  };

  // A word typed in Latin letters for the script, read by its consonants
  // as the guide words with the same (search/latin.py: terms_for).
  var TYPED_LATIN = /^[a-z0-9']*[a-z][a-z0-9']*$/;
  Index.prototype.latinKey = function (folded) {
    var table = this.data.latin;
    if (!table || !TYPED_LATIN.test(folded)) return null;
    var key = '', at = 0;
    while (at < folded.length) {
      var i = 0;
      while (i < table.latin.length && !folded.startsWith(table.latin[i][0], at)) i++;
      if (i < table.latin.length) {
        key += table.latin[i][1];
        at += table.latin[i][0].length;
      } else {
        at += 1;  // a digit that stands for no letter
      }
    }
    return key;
  };
  function scriptKeys(folded, table) {
    var letters = Array.from(folded), keys = [];
    if (!letters.length || letters.some(function (c) { return !(c in table.letters); })) return keys;
    var forms = [letters, Array.from(withoutArticle(folded))];
    forms.forEach(function (form) {
      var last = form[form.length - 1];
      var key = form.slice(0, -1).map(function (c) { return table.letters[c]; }).join('') +
        (last in table.final ? table.final[last] : table.letters[last]);
      if (keys.indexOf(key) < 0) keys.push(key);
    });
    return keys;
  }
  Index.prototype.readAsLatin = function (folded) {
    var table = this.data.latin, key = this.latinKey(folded), self_ = this;
    if (!key || key.length < table.minKey) return [];
    if (!this.byKey) {
      var found = new Map();
      this.folded().forEach(function (known) {
        scriptKeys(known[0], table).forEach(function (k) {
          if (!found.has(k)) found.set(k, []);
          var read = found.get(k);
          if (!read.some(function (pair) { return pair[1] === known[2]; })) read.push([known[0], known[2]]);
        });
      });
      found.forEach(function (read, k) {
        found.set(k, read.sort(function (a, b) {  // a stable sort: index order when used as much
          return self_.frequency(b[1]) - self_.frequency(a[1]);
        }).slice(0, table.maxTerms));
      });
      this.byKey = found;
    }
    return (this.byKey.get(key) || []).slice();
  };

  // The written forms of a spoken verb form (search/analysis.py: written_verbs).
  Index.prototype.writtenVerbs = function (folded) {
    var table = this.data.verbs, out = [];
    if (!table) return out;
    var starts = [];
    table.apart.forEach(function (p) { if (folded.startsWith(p)) starts.push(['', folded.slice(p.length)]); });
    table.joined.forEach(function (p) { if (folded.startsWith(p)) starts.push([p, folded.slice(p.length)]); });
    starts.forEach(function (start) {
      table.stems.forEach(function (stem) {
        table.endings.forEach(function (ending) {
          var form = start[0] + (start[0] ? stem[2] : stem[1]) + ending[1];
          if (start[1] === stem[0] + ending[0] && out.indexOf(form) < 0) out.push(form);
        });
      });
    });
    return out;
  };

  // At a dead end, each word is also read as the nearest guide word
  // (search/query.py: correct).
  Index.prototype.correct = function (groups) {
    var self_ = this;
    groups.forEach(function (group) {
      if (clusters(group.piece).length < self_.data.minCorrected) return;
      var close = self_.closest(group.piece);
      if (close) {
        group.correction = close[0];
        self_.readAs(group, close);
      }
    });
  };

  // Reads a group's word as the guide word `close` too, with its synonyms.
  Index.prototype.readAs = function (group, close) {
    add(group.terms, [close[1]]);
    var more = this.related(normalize(close[0]), [close[1]]).filter(function (t) {
      return group.terms.indexOf(t) < 0;
    });
    add(group.related, more);
    add(group.terms, more);
  };

  // When other words are in guides, a word in none is also read as the
  // nearest guide word, a guess: no match of the word, no synonyms, no
  // "did you mean"; but a long word one edit off is a slip, read as the
  // word itself (search/query.py: guess).
  Index.prototype.guess = function (groups) {
    var self_ = this;
    groups.forEach(function (group) {
      if (clusters(group.piece).length < self_.data.minGuessed ||
          group.terms.some(function (t) { return self_.position.has(t); })) return;
      var close = self_.closest(group.piece);
      if (close && self_.isSlip(group.piece, close[2])) {
        self_.readAs(group, close);
      } else if (close) {
        add(group.guessed, [close[1]]);
        add(group.terms, [close[1]]);
      }
    });
  };

  // A guide word with a letter doubled, dropped, swapped or typed as the key
  // beside it or its keyboard twin, and long enough (search/query.py: is_slip).
  Index.prototype.isSlip = function (typed, word) {
    var a = clusters(typed), b = clusters(word), slips = this.data.slips || [];
    if (a.length < this.data.minSlip || edits(a, b, 1) !== 1) return false;
    if (a.length !== b.length || a.slice().sort().join('\u0000') === b.slice().sort().join('\u0000')) {
      return true;
    }
    // or a letter typed as a key it is mistaken for (search/analysis.py: keyboard_slips)
    for (var i = 0; i < a.length; i++) {
      if (a[i] !== b[i] && (slips.indexOf(a[i] + b[i]) >= 0 || slips.indexOf(b[i] + a[i]) >= 0)) {
        return true;
      }
    }
    return false;
  };

  function begins(word, piece) {
    return word.startsWith(piece) || withoutArticle(word).startsWith(piece);
  }

  // Terms the typed piece may be the start of (search/query.py: expand).
  Index.prototype.expand = function (piece) {
    var out = [], terms = this.data.terms, wanted = new Set();
    this.folded().forEach(function (known) { if (begins(known[0], piece)) wanted.add(known[2]); });
    for (var i = 0; i < terms.length && out.length < this.data.maxExpansions; i++) {
      if ((terms[i].startsWith(piece) && !isPair(terms[i])) || wanted.has(terms[i])) {
        out.push(terms[i]);
      }
    }
    return out;
  };

  // Numbers in base 32 (search/export.py: pack): digits from MORE, then one from LAST.
  var LAST = '0123456789abcdefghijklmnopqrstuv', MORE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ()*+-.';
  function unpack(text) {
    var out = [], number = 0;
    for (var i = 0; i < text.length; i++) {
      var last = LAST.indexOf(text[i]);
      if (last < 0) {
        number = number * 32 + MORE.indexOf(text[i]);
      } else {
        out.push(number * 32 + last);
        number = 0;
      }
    }
    return out;
  }

  // Every (field, doc, weight) of one term, decoded from the export.
  Index.prototype.postings = function (term) {
    var at = this.position.get(term);
    if (at === undefined) return [];
    // Per field: field, 2 x count (+1 when every tf is 1), then gaps (and tfs).
    var flat = unpack(this.data.post[at]), out = [], i = 0;
    while (i < flat.length) {
      var field = flat[i], count = flat[i + 1] >> 1, ones = flat[i + 1] & 1, doc = 0, list = [];
      var boost = this.data.boost[field];
      i += 2;
      for (var k = 0; k < count; k++) {
        doc += flat[i];
        list.push([doc, (ones ? 1 : flat[i + 1]) * boost]);
        i += ones ? 1 : 2;
      }
      out.push([field, list]);
    }
    return out;
  };

  // How many postings a term has, over all fields (query.py: frequency).
  Index.prototype.frequency = function (term) {
    if (!this.frequencies) this.frequencies = new Map();
    if (!this.frequencies.has(term)) {
      this.frequencies.set(term, this.postings(term).reduce(function (sum, entry) {
        return sum + entry[1].length;
      }, 0));
    }
    return this.frequencies.get(term);
  };

  // Per-field BM25 as Whoosh computes it (its "BM25F"), for one posting.
  function bm25(data, weight, length, field, docFrequency) {
    var idf = Math.log(data.N / (docFrequency + 1)) + 1;
    return idf * ((weight * (data.K1 + 1)) /
      (weight + data.K1 * ((1 - data.B) + data.B * length / data.avg[field])));
  }

  // Each term's weight in the score: less for one that only a synonym of
  // the reader's word, or a guess, brought (search/query.py: term_boosts).
  function termBoosts(groups, data) {
    var boosts = new Map();
    groups.forEach(function (group) {
      group.terms.forEach(function (term) {
        var boost = group.related.indexOf(term) >= 0 || group.guessed.indexOf(term) >= 0
          ? data.synonymBoost : 1;
        boosts.set(term, Math.max(boosts.get(term) || 0, boost));
      });
    });
    return boosts;
  }

  // The higher score to nine digits, then the earlier guide (search/query.py: rank_key).
  function byRank(a, b) {
    return (b.rounded - a.rounded) || (a.doc - b.doc);
  }

  Index.prototype.search = function (text, limit) {
    var data = this.data, groups = this.groups(text), self_ = this;
    var answer = {results: [], groups: groups, suggestion: suggestion(text, groups)};
    if (!groups.length) return answer;
    var scores = new Map(), matched = new Map(), seen = new Set(), boosts = termBoosts(groups, data);
    var groupDocs = groups.map(function () { return new Set(); });
    groups.forEach(function (group, g) {
      group.terms.forEach(function (term) {
        var postings = self_.postings(term);
        postings.forEach(function (entry) {
          var field = entry[0], list = entry[1];
          list.forEach(function (posting) {
            var doc = posting[0];
            if (!seen.has(term)) {  // a term in two groups counts once in the score
              var length = data.len[doc * self_.nFields + field];
              var score = bm25(data, posting[1], length, field, list.length);
              if (boosts.get(term) !== 1) score *= boosts.get(term);
              scores.set(doc, (scores.get(doc) || 0) + score);
            }
            if (!matched.has(doc)) matched.set(doc, new Set());
            if (group.guessed.indexOf(term) < 0) matched.get(doc).add(g);  // a guess is no match
            groupDocs[g].add(doc);
          });
        });
        seen.add(term);
      });
    });
    // Each group weighs the idf of the guides having any of its terms, and a
    // guide's score is multiplied by the square root of the share of that
    // weight it matches (search/query.py: group_weights, coordinated).
    var weights = groupDocs.map(function (docs) { return Math.log(data.N / (docs.size + 1)) + 1; });
    var total = weights.reduce(function (sum, w) { return sum + w; }, 0);
    var results = [];
    scores.forEach(function (score, doc) {
      var share = 0;
      for (var g = 0; g < groups.length; g++) if (matched.get(doc).has(g)) share += weights[g];
      score *= Math.sqrt(share / total);
      results.push({doc: doc, score: score, rounded: Number(score.toPrecision(9))});
    });
    results.sort(byRank);
    answer.results = results.slice(0, limit || 10);
    return answer;
  };

  // The query with each corrected word replaced (search/query.py: suggestion).
  function suggestion(text, groups) {
    var fixed = text;
    groups.forEach(function (group) {
      if (group.correction) fixed = fixed.replace(group.word, function () { return group.correction; });
    });
    return fixed !== text ? fixed : '';
  }

  // The guide word nearest in edits (a second edit only with the first
  // letter right), then the same first letter, then the more used, then the
  // first (search/query.py: closest).
  Index.prototype.closest = function (word) {
    var typed = clusters(word), size = typed.length, self_ = this;
    var limit = size <= 4 ? 1 : 2, best = null, bestKey = null;
    this.folded().forEach(function (known) {
      var candidate = known[3] || (known[3] = clusters(known[0]));
      if (Math.abs(candidate.length - size) > limit) return;
      var distance = edits(typed, candidate, limit);
      var otherStart = candidate[0] !== typed[0] ? 1 : 0;
      if (distance > limit || (distance > 1 && otherStart)) return;
      var key = [distance, otherStart, -self_.frequency(known[2])];
      if (!bestKey || key[0] < bestKey[0] || (key[0] === bestKey[0] &&
          (key[1] < bestKey[1] || (key[1] === bestKey[1] && key[2] < bestKey[2])))) {
        best = [known[1], known[2], known[0]];
        bestKey = key;
      }
    });
    return best;
  };

  // Levenshtein distance, a swap of neighbours counting as one edit.
  function edits(a, b, limit) {
    var before = null, previous = [];
    for (var j = 0; j <= b.length; j++) previous.push(j);
    for (var i = 1; i <= a.length; i++) {
      var current = [i];
      for (j = 1; j <= b.length; j++) {
        var cost = Math.min(previous[j] + 1, current[j - 1] + 1,
          previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          cost = Math.min(cost, before[j - 2] + 1);
        }
        current.push(cost);
      }
      if (Math.min.apply(null, current) > limit && Math.min.apply(null, previous) > limit) {
        return limit + 1;
      }
      before = previous;
      previous = current;
    }
    return previous[b.length];
  }

  self.WaymarkSearchEngine = {Index: Index, words: words, normalize: normalize, pieces: pieces};

  // --- The search page ---------------------------------------------------
  var box = typeof document !== 'undefined' && document.getElementById('results');
  if (!box) return;
  var lang = document.body.getAttribute('data-lang');
  // The page names its language's stemmer (its file name carries a hash of
  // its content), so that the stemmer loads beside the index, not after it.
  var stem = box.getAttribute('data-stem'), stemmerFile = box.getAttribute('data-stemmer');
  var input = document.getElementById('q');
  var listAll = document.getElementById('all-guides');
  var index = null, loading = null, texts = null;

  function load(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.src = src;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  // Data already in the page (the single file carries it inline) is not loaded again.
  function loaded(variable) {
    return self[variable] && self[variable][lang];
  }

  // The index and its stemmer, asked for together: on a slow line each
  // round trip costs seconds.
  function ready() {
    if (!loading) {
      // (The single file carries its stemmer inline.)
      var stemmer = stem && !(self.WaymarkStemmers || {})[stem] ? load(stemmerFile)
        : Promise.resolve();
      loading = (loaded('WaymarkIndex') ? Promise.resolve()
        : load(box.getAttribute('data-index'))).then(function () {
        return stemmer.then(function () { index = new Index(self.WaymarkIndex[lang]); });
      });
    }
    return loading;
  }

  function loadTexts() {
    if (!texts) {
      texts = (loaded('WaymarkText') ? Promise.resolve()
        : load(box.getAttribute('data-text'))).then(function () {
        return self.WaymarkText[lang];
      });
    }
    return texts;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  // Writes `text` into `node`, marking the words whose terms the query matched.
  function highlight(node, text, wanted) {
    var at = 0;
    words(text).forEach(function (span) {
      var terms = index.termsOf(text.slice(span[0], span[1]));
      if (!terms.some(function (t) { return wanted.has(t); })) return;
      node.appendChild(document.createTextNode(text.slice(at, span[0])));
      node.appendChild(el('mark', '', text.slice(span[0], span[1])));
      at = span[1];
    });
    node.appendChild(document.createTextNode(text.slice(at)));
  }

  // The sentence of the guide with the most matched words, cut to size.
  function snippet(text, wanted) {
    var best = '', bestCount = 0;
    text.split(/(?<=[.!?؟۔።])\s+|\n+/).forEach(function (sentence) {
      var count = index.termsOf(sentence).filter(function (t) { return wanted.has(t); }).length;
      if (count > bestCount) { best = sentence.trim(); bestCount = count; }
    });
    return best.length > 220 ? best.slice(0, 217) + '…' : best;
  }

  // "Did you mean ...?", a link that searches for the corrected words.
  function suggestLink(answer) {
    var parts = box.getAttribute('data-suggest').split('{suggestion}');
    var hint = el('p', 'suggest', parts[0]);
    var link = el('a', '', answer.suggestion);
    link.href = '?q=' + encodeURIComponent(answer.suggestion);
    link.addEventListener('click', function (event) {
      event.preventDefault();
      input.value = answer.suggestion;
      run();
    });
    hint.appendChild(link);
    hint.appendChild(document.createTextNode(parts[1] || ''));
    return hint;
  }

  function show(answer, query) {
    box.textContent = '';
    var count = answer.results.length;
    // With no result the reader still has every guide, by section, and the
    // way to a person who can help.
    listAll.hidden = !!query.trim() && count > 0;
    if (!query.trim()) return;
    var wanted = new Set();
    answer.groups.forEach(function (g) { g.terms.forEach(function (t) { wanted.add(t); }); });
    if (!count) {
      box.appendChild(el('p', 'count', box.getAttribute('data-none').replace('{query}', query)));
      if (answer.suggestion) box.appendChild(suggestLink(answer));
      return;
    }
    // "Guides found: 3" reads right in every language, whatever its plural rules.
    box.appendChild(el('p', 'count', box.getAttribute('data-count').replace('{count}', count)));
    if (answer.suggestion) box.appendChild(suggestLink(answer));
    var list = el('ol', 'hits');
    answer.results.forEach(function (result) {
      var doc = index.data.docs[result.doc], section = index.data.sections[doc[2]];
      var item = el('li'), link = el('a');
      link.href = doc[0];
      highlight(link, doc[1], wanted);
      item.appendChild(link);
      if (section) item.appendChild(el('span', 'hit-section', section));
      var para = el('p', 'snippet');
      item.appendChild(para);
      // The guide's text loads after the first results: the best sentence, or its summary.
      loadTexts().then(function (all) {
        highlight(para, snippet(all[result.doc][1], wanted) || all[result.doc][0], wanted);
      }, function () { /* the title and section still help */ });
      list.appendChild(item);
    });
    box.appendChild(list);
  }

  function run() {
    var query = input.value;
    try {
      history.replaceState(null, '', query ? '?q=' + encodeURIComponent(query) : location.pathname);
    } catch (e) { /* some file:// browsers refuse: the results still show */ }
    if (!query.trim()) { show({results: [], groups: []}, ''); return; }
    if (!index) box.textContent = box.getAttribute('data-loading');
    ready().then(function () {
      if (input.value === query) show(index.search(query, 20), query);
    }, function () {
      // No index here (the live preview has none): the plain list still helps.
      box.textContent = '';
      listAll.hidden = false;
    });
  }

  var initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    input.value = initial;
    run();
  } else {
    ready().catch(function () { /* run() says so when the reader types */ });
  }
  input.addEventListener('input', run);
  input.form.addEventListener('submit', function (event) {
    event.preventDefault();
    run();
  });
}());
