/* Russian stemmer: an exact port of whoosh.lang.snowball.russian.RussianStemmer
 * (whoosh-reloaded 2.7.5), quirks included, so query words stem exactly as the
 * Python index builder stemmed them. Whoosh stems a Latin transliteration of the
 * word, so the suffix lists below are transliterated too. */
(function () {
  'use strict';

  var list = function (s) { return s.split(' '); };
  // Longest first: Whoosh's tuples have no shorter suffix ahead of a longer one
  // ending with it, so this order takes the same first match.
  var byLength = function (a) { return a.sort(function (x, y) { return y.length - x.length; }); };

  var PERFECTIVE = byLength(list("ivshis' yvshis' vshis' ivshi yvshi vshi iv yv v"));
  var PERFECTIVE_AFTER_A = list("v vshi vshis'");
  var REFLEXIVE = list("si^a s'");
  var ADJ = list('i^ui^u i^ai^a imi ymi ego ogo emu omu ikh ykh ui^u ai^a oi^u ei^u ' +
    'ee ie ye oe ei` ii` yi` oi` em im ym om');
  var PART_AFTER_A = list('i^ushch shch vsh em nn');
  var PART = list('ui^ushch ivsh yvsh');
  var ADJ_AFTER_A = [];
  var ADJECTIVAL = ADJ.slice();
  PART_AFTER_A.concat(PART).forEach(function (p) {
    ADJ.forEach(function (e) {
      // Whoosh's tuple has the typo "ui^ushchaia" in place of "ui^ushchai^a".
      var s = p + e === 'ui^ushchai^a' ? 'ui^ushchaia' : p + e;
      ADJECTIVAL.push(s);
      if (PART_AFTER_A.indexOf(p) >= 0) ADJ_AFTER_A.push(s);
    });
  });
  byLength(ADJECTIVAL);
  var VERB = byLength(list("esh' ei`te ui`te ui^ut ish' ete i`te i^ut nno ila yla ena ite ili " +
    "yli ilo ylo eno i^at uet eny it' yt' ui^u la na li em lo no et ny t' ei` ui` il yl im " +
    'ym en it yt i^u i` l n'));
  var VERB_AFTER_A = list("la na ete i`te li i` l em n lo no et i^ut ny t' esh' nno");
  var NOUN = byLength(list("ii^ami ii^akh i^ami ii^am i^akh ami iei` i^am iem akh ii^u 'i^u " +
    "ii^a 'i^a ev ov ie 'e ei ii ei` oi` ii` em am om i^u i^a a e i i` o u y '"));
  var SUPERLATIVE = list('ei`she ei`sh');
  var DERIVATIONAL = list("ost' ost");

  var CYR = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя';
  var LAT = list("a b v g d e e zh z i i` k l m n o p r s t u f kh t^s ch sh shch '' y ' e` i^u i^a");
  var TO_LATIN = {};
  for (var i = 0; i < CYR.length; i++) TO_LATIN[CYR[i]] = LAT[i];
  // Whoosh undoes the transliteration with chained str.replace calls; their
  // order decides odd inputs (e.g. Latin letters mixed in), so keep it.
  var TO_CYRILLIC = list("i^u ю i^a я shch щ kh х t^s ц ch ч e` э i` й sh ш k к e е zh ж " +
    "a а b б v в g г d д z з i и l л m м n н o о p п r р s с t т u у f ф '' ъ y ы ' ь");
  var MARK = { A: 'i^a', U: 'i^u', E: 'e`' };

  // Python's str.replace: non-overlapping, left to right.
  var replace = function (s, a, b) { return s.split(a).join(b); };
  // Python slices count code points, not UTF-16 units.
  var cut = function (s, n) { return Array.from(s).slice(0, -n).join(''); };
  var isVowel = function (c) { return 'AUEaeiouy'.indexOf(c) >= 0; };

  // RV and R2, found with the digraphs folded to one letter each. The unfolding
  // also expands any A, U or E already in the word, so RV need not end the word.
  function regions(word) {
    var w = Array.from(replace(replace(replace(word, 'i^a', 'A'), 'i^u', 'U'), 'e`', 'E'));
    var after = function (a) {
      for (var i = 1; i < a.length; i++) if (!isVowel(a[i]) && isVowel(a[i - 1])) return a.slice(i + 1);
      return [];
    };
    var r2 = after(after(w));
    var v = w.findIndex(isVowel);
    var rv = v < 0 ? [] : w.slice(v + 1);
    var unfold = function (a) { return a.join('').replace(/[AUE]/g, function (c) { return MARK[c]; }); };
    return [unfold(rv), unfold(r2)];
  }

  (self.WaymarkStemmers = self.WaymarkStemmers || {}).ru = function (word) {
    var cyrillic = /[^\u0000-\u00ff]/.test(word);
    if (cyrillic) {
      word = word.replace(/[\u0401\u0410-\u044f\u0451]/g, function (c) { return TO_LATIN[c.toLowerCase()]; });
    }
    var reg = regions(word), rv = reg[0], r2 = reg[1];

    var find = function (suffixes, afterA) {
      for (var i = 0; i < suffixes.length; i++) {
        var s = suffixes[i];
        if (rv.endsWith(s) && (!afterA || afterA.indexOf(s) < 0 || rv[rv.length - s.length - 1] === 'a')) return s;
      }
      return null;
    };
    var drop = function (s) {
      if (s) { word = cut(word, s.length); r2 = cut(r2, s.length); rv = cut(rv, s.length); }
      return s;
    };

    // Step 1
    if (!drop(find(PERFECTIVE, PERFECTIVE_AFTER_A))) {
      drop(find(REFLEXIVE));
      if (!drop(find(ADJECTIVAL, ADJ_AFTER_A)) && !drop(find(VERB, VERB_AFTER_A))) drop(find(NOUN));
    }
    // Step 2 (RV itself is left alone, as in Whoosh)
    if (rv.endsWith('i')) { word = cut(word, 1); r2 = cut(r2, 1); }
    // Step 3
    for (var i = 0; i < DERIVATIONAL.length; i++) {
      if (r2.endsWith(DERIVATIONAL[i])) { word = cut(word, DERIVATIONAL[i].length); break; }
    }
    // Step 4
    if (word.endsWith('nn')) {
      word = word.slice(0, -1);
    } else {
      var sup = SUPERLATIVE.find(function (s) { return word.endsWith(s); });
      if (sup) word = word.slice(0, -sup.length);
      if (word.endsWith('nn')) word = word.slice(0, -1);
      if (!sup && word.endsWith("'")) word = word.slice(0, -1);
    }

    if (cyrillic) for (i = 0; i < TO_CYRILLIC.length; i += 2) word = replace(word, TO_CYRILLIC[i], TO_CYRILLIC[i + 1]);
    return word;
  };
})();
