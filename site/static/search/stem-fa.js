/* Persian stemmer: the steps of Snowball's Persian algorithm as the build runs
 * it (the snowballstemmer package, 3.1.1), written out for the browser, so a
 * query word stems exactly as the index's words did. A test compares the two
 * on every word of the Persian index and on a word list.
 *
 * In short: normalise Arabic letter forms to Persian ones; take off the
 * present prefix می‌ (نمی‌ is noted, not removed); delete ZWNJ; then, from the
 * end, take off noun and adjective suffixes found after the third letter, or
 * else verb endings, again and again, never touching words that end in
 * ستان ران سان وان or are a place or noun ending in ان (تهران، زندان). */
(function () {
  'use strict';

  var ZWNJ = '\u200c';
  var LETTERS = {' ': '', '\u200d': '', '\u0623': '\u0627', '\u0625': '\u0627', '\u0624': '\u0648',
    '\u0626': '\u06cc', '\u064a': '\u06cc', '\u0629': '\u0647', '\u06c1': '\u0647',
    '\u0643': '\u06a9'};
  var KEEP_ENDINGS = ['ستان', 'ران', 'سان', 'وان'];
  var WHOLE_AN_WORDS = ['آذربایجان', 'همدان', 'خاندان', 'زندان', 'میزان', 'درخشان', 'آتشفشان',
    'نشان', 'کهکشان', 'ایشان', 'پریشان', 'سلطان', 'گیلان', 'ساختمان', 'رمان', 'درمان',
    'قهرمان', 'کرمان', 'سازمان', 'همزمان', 'آسمان', 'آلمان', 'مسلمان', 'ایمان', 'سلیمان',
    'پیمان', 'لبنان', 'یونان', 'اصفهان', 'امکان', 'پایان', 'بیان', 'جریان'];
  var IRREGULAR = {'اساتید': 'استاد', 'اخبار': 'خبر'};
  // Noun and adjective suffixes; "تر" (2) must leave more than the first three letters.
  var NOUN = {'ها': 1, 'ات': 1, 'یت': 1, 'مند': 1, 'وار': 1, 'گار': 1, 'تر': 2, 'اش': 1,
    'ام': 1, 'ان': 1, 'بان': 1, 'گان': 1, 'یان': 1, 'ین': 1, 'ترین': 1, 'گاه': 1, 'انه': 1,
    'ناک': 1, 'های': 1, 'انی': 1, 'گی': 1, 'یی': 1};
  var VERB_FIRST = ['است', 'اند', 'ید', 'اید', 'اس', 'یم', 'ایم', 'ای'];
  // 1: a person ending (only after a present prefix); 2: becomes رفت; 3: ان, نده;
  // 4: ده becomes د; 5: ته becomes ت.
  var VERB = {'د': 1, 'اند': 1, 'رفتاند': 2, 'ید': 1, 'رفتید': 2, 'م': 1, 'ام': 1, 'رفتم': 2,
    'یم': 1, 'رفتیم': 2, 'ان': 3, 'ته': 5, 'ده': 4, 'نده': 3, 'رفتی': 2};

  function longestEnding(chars, table, from) {
    // The longest key of `table` that ends `chars` and starts at or after `from`.
    for (var size = Math.min(6, chars.length - from); size > 0; size--) {
      var ending = chars.slice(chars.length - size).join('');
      if (Object.prototype.hasOwnProperty.call(table, ending)) return ending;
    }
    return null;
  }

  function endsWithAny(chars, list) {
    var word = chars.join('');
    return list.some(function (ending) { return word.endsWith(ending); });
  }

  function stem(word) {
    var chars = [];
    Array.from(word).forEach(function (ch) {
      var mapped = Object.prototype.hasOwnProperty.call(LETTERS, ch) ? LETTERS[ch] : ch;
      if (mapped) chars.push(mapped);
    });
    var presentPrefix = false, start = chars.slice(0, 4).join('');
    if (start === 'نمی' + ZWNJ && chars.length >= 6) {
      presentPrefix = true;
    } else if (start.slice(0, 3) === 'می' + ZWNJ && chars.length >= 5) {
      chars = chars.slice(3);
      presentPrefix = true;
    }
    chars = chars.filter(function (ch) { return ch !== ZWNJ; });
    var p1 = chars.length >= 3 ? 3 : chars.length;
    for (;;) {
      var whole = chars.join('');
      if (WHOLE_AN_WORDS.some(function (w) { return whole === w; })) break;
      if (endsWithAny(chars, KEEP_ENDINGS)) break;
      if (!stemNoun(chars, p1) && !stemVerb(chars, p1, presentPrefix)) break;
    }
    return chars.join('');
  }

  // Takes off one noun or adjective suffix; false when none applies.
  function stemNoun(chars, p1) {
    var whole = chars.join('');
    for (var irregular in IRREGULAR) {
      if (whole.endsWith(irregular)) {
        chars.splice(chars.length - irregular.length, irregular.length,
          ...Array.from(IRREGULAR[irregular]));
        return true;
      }
    }
    if (chars.length < p1) return false;
    var ending = longestEnding(chars, NOUN, p1);
    if (ending === null) return false;
    var at = chars.length - ending.length;
    if (NOUN[ending] === 2 && at <= p1) return false;
    chars.splice(at, ending.length);
    return true;
  }

  // Takes off one verb ending; false when none applies.
  function stemVerb(chars, p1, presentPrefix) {
    var first = longestEnding(chars, toTable(VERB_FIRST), 0);
    if (first !== null && chars.length - first.length >= p1) {
      chars.splice(chars.length - first.length, first.length);
      return true;
    }
    var ending = longestEnding(chars, VERB, 0);
    if (ending === null) return false;
    var at = chars.length - ending.length, kind = VERB[ending];
    if (kind === 1) {
      if (!presentPrefix || at < p1) return false;
      chars.splice(at, ending.length);
    } else if (kind === 2) {
      chars.splice(at, ending.length, 'ر', 'ف', 'ت');
    } else if (kind === 3) {
      if (at < p1) return false;
      chars.splice(at, ending.length);
    } else {
      if (at <= 0) return false;
      chars.splice(at, ending.length, kind === 4 ? 'د' : 'ت');
    }
    return true;
  }

  var tables = new Map();
  function toTable(list) {
    if (!tables.has(list)) {
      var table = {};
      list.forEach(function (item) { table[item] = 1; });
      tables.set(list, table);
    }
    return tables.get(list);
  }

  (self.WaymarkStemmers = self.WaymarkStemmers || {}).fa = stem;
}());
