// German stemmer: an exact port of Whoosh's (whoosh-reloaded 2.7.5)
// whoosh.lang.snowball.german.GermanStemmer().stem, quirks included, so query
// words match the terms in the Python-built index. Not generic Snowball:
// R1/R2 are kept as strings and sliced the way Whoosh slices them.
(function () {
  'use strict';

  var VOWELS = 'aeiouyäöü';
  var STEP1 = ['ern', 'em', 'er', 'en', 'es', 'e', 's'];
  var STEP2 = ['est', 'en', 'er', 'st'];
  var STEP3 = ['isch', 'lich', 'heit', 'keit', 'end', 'ung', 'ig', 'ik'];
  var PLAIN = { 'ä': 'a', 'ö': 'o', 'ü': 'u', U: 'u', Y: 'y' };
  // Stands in for one astral character (see below); a private-use char.
  var HOLD = '\uE000';

  function isVowel(c) {
    return c !== undefined && VOWELS.indexOf(c) >= 0;
  }

  // Whoosh's region rule: what follows the first non-vowel after a vowel.
  function after(s) {
    for (var i = 1; i < s.length; i++) {
      if (!isVowel(s[i]) && isVowel(s[i - 1])) return s.slice(i + 1);
    }
    return '';
  }

  // Whoosh tries suffixes in list order (first hit wins), not longest match.
  function firstSuffix(region, suffixes) {
    for (var i = 0; i < suffixes.length; i++) {
      if (region.endsWith(suffixes[i])) return suffixes[i];
    }
    return '';
  }

  (self.WaymarkStemmers = self.WaymarkStemmers || {}).de = function (word) {
    // Python counts code points, JS UTF-16 units: swap each astral char (and
    // any literal HOLD) for one HOLD so lengths and indexes agree, and put
    // them back at the end. Stemming only truncates, so the order holds.
    var held = [];
    word = word.toLowerCase().replace(/ß/g, 'ss')
      .replace(/[\uE000\u{10000}-\u{10FFFF}]/gu, function (c) {
        held.push(c);
        return HOLD;
      });

    // Marks u/y between vowels; a marked letter no longer counts as a vowel
    // for the next position, as in Whoosh's in-place loop.
    for (var i = 1; i < word.length - 1; i++) {
      var c = word[i];
      if ((c === 'u' || c === 'y') && isVowel(word[i - 1]) && isVowel(word[i + 1])) {
        word = word.slice(0, i) + c.toUpperCase() + word.slice(i + 1);
      }
    }

    var r1 = after(word);
    var r2 = after(r1);
    // At least 3 letters must precede R1; R2 stays based on the unpadded R1.
    if (isVowel(word[0]) && word.length > 1 && !isVowel(word[1])) r1 = word.slice(3);

    // Python's s[:-n] on word, r1 and r2 alike (JS slice clamps the same way).
    function cut(n) {
      word = word.slice(0, -n);
      r1 = r1.slice(0, -n);
      r2 = r2.slice(0, -n);
    }

    var s = firstSuffix(r1, STEP1);
    if ((s === 'en' || s === 'es' || s === 'e') &&
        word.slice(-s.length - 4, -s.length) === 'niss') {
      cut(s.length + 1);
    } else if (s === 's') {
      if ('bdfghklmnrt'.indexOf(word[word.length - 2]) >= 0) cut(1);
    } else if (s) {
      cut(s.length);
    }

    s = firstSuffix(r1, STEP2);
    if (s === 'st') {
      // Whoosh's len(word[:-3]) >= 3, i.e. at least 6 letters.
      if ('bdfghklmnt'.indexOf(word[word.length - 3]) >= 0 && word.length >= 6) cut(2);
    } else if (s) {
      cut(s.length);
    }

    // Step 3 looks back only inside R2 (or R1 for lich/heit), as Whoosh does,
    // e.g. "e" before "ig" outside R2 does not block the removal.
    s = firstSuffix(r2, STEP3);
    var n = s.length;
    // The `from` letters before the suffix up to `to` letters before it.
    function before(region, from, to) {
      return region.slice(-n - from, -n - to);
    }
    if (s === 'end' || s === 'ung') {
      var ig = before(r2, 2, 0) === 'ig' && before(r2, 3, 2) !== 'e';
      word = word.slice(0, -n - (ig ? 2 : 0));
    } else if (s === 'ig' || s === 'ik' || s === 'isch') {
      if (before(r2, 1, 0) !== 'e') word = word.slice(0, -n);
    } else if (s === 'lich' || s === 'heit') {
      var pre = before(r1, 2, 0);
      word = word.slice(0, -n - (pre === 'er' || pre === 'en' ? 2 : 0));
    } else if (s === 'keit') {
      word = word.slice(0, -n - (before(r2, 4, 0) === 'lich' ? 4 : before(r2, 2, 0) === 'ig' ? 2 : 0));
    }

    var k = 0;
    return word
      .replace(/[äöüUY]/g, function (c) { return PLAIN[c]; })
      .replace(/\uE000/g, function () { return held[k++]; });
  };
})();
