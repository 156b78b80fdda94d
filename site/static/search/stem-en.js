// English stemmer: an exact port of Whoosh's (whoosh-reloaded 2.7.5)
// whoosh.lang.snowball.english.EnglishStemmer().stem, quirks included, so query
// words match the terms in the Python-built index. Not generic Snowball: R1/R2
// are strings that Whoosh cuts by the same count as the word, even when that
// leaves them out of step with it.
(function () {
  'use strict';

  const SPECIAL = new Map(Object.entries({
    skis: 'ski', skies: 'sky', dying: 'die', lying: 'lie', tying: 'tie', idly: 'idl',
    gently: 'gentl', ugly: 'ugli', early: 'earli', only: 'onli', singly: 'singl', sky: 'sky',
    news: 'news', howe: 'howe', atlas: 'atlas', cosmos: 'cosmos', bias: 'bias', andes: 'andes',
  }));
  for (const w of ['inning', 'outing', 'canning', 'herring', 'earring']) {
    SPECIAL.set(w, w).set(w + 's', w);
  }
  for (const w of ['proceed', 'exceed', 'succeed']) {
    for (const end of ['', 's', 'ed', 'ing']) SPECIAL.set(w + end, w);
  }

  // Each rule: [suffix, letters cut, replacement, R2 when shorter than the cut,
  // letters one of which must precede the suffix]. The cut count matters: Whoosh
  // cuts R1/R2 by it too ("tional" cuts 2, "ization" cuts 7 and adds "ize").
  const STEP2 = [
    ['ization', 7, 'ize'], ['ational', 7, 'ate', 'e'], ['fulness', 4], ['ousness', 7, 'ous'],
    ['iveness', 7, 'ive', 'e'], ['tional', 2], ['biliti', 6, 'ble'], ['lessli', 2], ['entli', 2],
    ['ation', 5, 'ate', 'e'], ['alism', 5, 'al'], ['aliti', 5, 'al'], ['ousli', 5, 'ous'],
    ['iviti', 5, 'ive', 'e'], ['fulli', 2], ['enci', 1, 'e'], ['anci', 1, 'e'], ['abli', 1, 'e'],
    ['izer', 4, 'ize'], ['ator', 4, 'ate', 'e'], ['alli', 4, 'al'], ['bli', 3, 'ble'],
    ['ogi', 1, '', '', 'l'], ['li', 2, '', '', 'cdeghkmnrt'],
  ];
  const STEP3 = [
    ['ational', 7, 'ate'], ['tional', 2], ['alize', 3], ['icate', 5, 'ic'], ['iciti', 5, 'ic'],
    ['ative', 5], ['ical', 4, 'ic'], ['ness', 4], ['ful', 3],
  ];
  const STEP4 = ['ement', 'ance', 'ence', 'able', 'ible', 'ment', 'ant', 'ent', 'ism', 'ate',
    'iti', 'ous', 'ive', 'ize', 'ion', 'al', 'er', 'ic']
    .map((s) => [s, s.length, '', '', s === 'ion' ? 'st' : '']);

  const VOWEL = /[aeiouy]/;
  // A short syllable at the end (the three-letter form; Y is a consonant y).
  const SHORT = /[^aeiouy][aeiouy][^aeiouywxY]$/;
  // Python 3.11 knows Unicode 14: keep the capitals that newer engines lowercase.
  const NEWER_CAPITALS = /[^\u1C89\uA7CB\uA7CC\uA7CE\uA7D2\uA7D4\uA7DA\uA7DC\u{10D50}-\u{10D65}\u{16EA0}-\u{16EB8}]+/gu;
  // Stands in for one astral char (see below); a private-use char.
  const HOLD = '\uE000';

  // What follows the first non-vowel after a vowel (R1 of a word, R2 of R1).
  function region(s) {
    const m = /[aeiouy][^aeiouy]/.exec(s);
    return m ? s.slice(m.index + 2) : '';
  }

  (self.WaymarkStemmers = self.WaymarkStemmers || {}).en = function (word) {
    word = word.replace(NEWER_CAPITALS, (s) => s.toLowerCase());
    if (SPECIAL.has(word)) return SPECIAL.get(word);

    // Python counts code points, JS UTF-16 units: swap each astral char (and
    // any literal HOLD) for one HOLD so lengths and indexes agree, and put them
    // back at the end. Stemming only changes ASCII suffixes, so the order holds.
    const held = [];
    let w = word.replace(/[\u2018\u2019\u201B]/g, "'").replace(/^'/, '')
      .replace(/[\uE000\u{10000}-\u{10FFFF}]/gu, (c) => { held.push(c); return HOLD; });
    // Y is a consonant y; once marked it no longer counts as a vowel for the
    // next letter, as in Whoosh's in-place loop ("ayyy" -> "aYyY").
    w = w.replace(/^y/, 'Y').replace(/([aeiouy])y/g, '$1Y');

    const prefix = /^(?:gener|arsen|commun)/.exec(w);
    let r1 = prefix ? w.slice(prefix[0].length) : region(w);
    let r2 = region(r1);

    function cut(n, rep = '', r2IfShort = '') {
      w = w.slice(0, -n) + rep;
      r1 = r1.length >= n ? r1.slice(0, -n) + rep : '';
      r2 = r2.length >= n ? r2.slice(0, -n) + rep : r2IfShort;
    }
    // Whoosh takes the first listed suffix the word ends with, then stops
    // whether or not the region test passes.
    const first = (suffixes) => suffixes.find((s) => w.endsWith(s));
    function apply(rules, inRegion) {
      const rule = rules.find((r) => w.endsWith(r[0]));
      if (!rule) return;
      const [s, n, rep, r2IfShort, before] = rule;
      if (inRegion(s) && (!before || before.includes(w[w.length - s.length - 1]))) {
        cut(n, rep, r2IfShort);
      }
    }

    const s0 = first(["'s'", "'s", "'"]);
    if (s0) cut(s0.length);

    const s1a = first(['sses', 'ied', 'ies', 'us', 'ss', 's']);
    if (s1a === 'sses') cut(2);
    else if (s1a === 'ied' || s1a === 'ies') cut(w.length > 4 ? 2 : 1);
    else if (s1a === 's' && VOWEL.test(w.slice(0, -2))) cut(1);

    const s1b = first(['eedly', 'ingly', 'edly', 'eed', 'ing', 'ed']);
    if (s1b === 'eed' || s1b === 'eedly') {
      if (r1.endsWith(s1b)) cut(s1b.length, 'ee');
    } else if (s1b && VOWEL.test(w.slice(0, -s1b.length))) {
      cut(s1b.length);
      if (/(?:at|bl|iz)$/.test(w)) {
        w += 'e';
        r1 += 'e';
        if (w.length > 5 || r1.length >= 3) r2 += 'e';
      } else if (/(?:bb|dd|ff|gg|mm|nn|pp|rr|tt)$/.test(w)) {
        cut(1);
      } else if (r1 === '' && (SHORT.test(w) || /^[aeiouy][^aeiouy]$/.test(w))) {
        w += 'e'; // R1 is empty, so R1 and R2 stay empty
      }
    }

    if (w.length > 2 && /[^aeiouy][yY]$/.test(w)) cut(1, 'i');

    apply(STEP2, (s) => r1.endsWith(s));
    apply(STEP3, (s) => r1.endsWith(s) && (s !== 'ative' || r2.endsWith(s)));
    apply(STEP4, (s) => r2.endsWith(s));

    if (r2.endsWith('l') && w[w.length - 2] === 'l') w = w.slice(0, -1);
    else if (r2.endsWith('e')) w = w.slice(0, -1);
    else if (r1.endsWith('e') && w.length >= 4 && !SHORT.test(w.slice(0, -1))) w = w.slice(0, -1);

    w = w.replace(/Y/g, 'y');
    return held.length ? w.replace(/\uE000/g, () => held.shift()) : w;
  };
})();
