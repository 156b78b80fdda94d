/* Portuguese stemmer: an exact port of Whoosh's (whoosh-reloaded 2.7.5)
 * whoosh.lang.snowball.portugese.PortugueseStemmer().stem, quirks included,
 * so that query words match the terms in the Whoosh-built index.
 * Kept deliberately literal; do not "fix" it towards the Snowball reference. */
(function () {
  'use strict';

  // Escapes keep the file ASCII, whatever charset it gets served with.
  var V = 'aeiou\u00e1\u00e9\u00ed\u00f3\u00fa\u00e2\u00ea\u00f4';
  // Order matters: Python takes the first suffix the word ends with.
  var S1 = ('amentos imentos uciones amento imento adoras adores a\u00e7o~es ' +
    'log\u00edas \u00eancias amente idades ismos istas adora a\u00e7a~o antes ' +
    '\u00e2ncia log\u00eda uci\u00f3n \u00eancia mente idade ezas icos icas ismo ' +
    '\u00e1vel \u00edvel ista osos osas ador ante ivas ivos iras eza ico ica oso ' +
    'osa iva ivo ira').split(' ');
  var S2 = ('ar\u00edamos er\u00edamos ir\u00edamos \u00e1ssemos \u00eassemos ' +
    '\u00edssemos ar\u00edeis er\u00edeis ir\u00edeis \u00e1sseis \u00e9sseis ' +
    '\u00edsseis \u00e1ramos \u00e9ramos \u00edramos \u00e1vamos aremos eremos ' +
    'iremos ariam eriam iriam assem essem issem ara~o era~o ira~o arias erias ' +
    'irias ardes erdes irdes asses esses isses astes estes istes \u00e1reis areis ' +
    '\u00e9reis ereis \u00edreis ireis \u00e1veis \u00edamos armos ermos irmos ' +
    'aria eria iria asse esse isse aste este iste arei erei irei aram eram iram ' +
    'avam arem erem irem ando endo indo adas idas ar\u00e1s aras er\u00e1s eras ' +
    'ir\u00e1s avas ares eres ires \u00edeis ados idos \u00e1mos amos emos imos ' +
    'iras ada ida ar\u00e1 ara er\u00e1 era ir\u00e1 ava iam ado ido ias ais eis ' +
    'ira ia ei am em ar er ir as es is eu iu ou').split(' ');
  var S4 = ['os', 'a', 'i', 'o', '\u00e1', '\u00ed', '\u00f3'];

  function isV(ch) { return V.indexOf(ch) >= 0; }
  function cut(s, n) { return s.slice(0, -n); } // Python s[:-n], n > 0
  function ends(s, list) { return list.some(function (x) { return s.endsWith(x); }); }

  // Regions are found on code points (c = Array.from(word)), as Python indexes
  // them; every later cut removes a known BMP suffix, so UTF-16 slicing is safe.
  function r1of(c) { // after the first non-vowel that follows a vowel
    for (var i = 1; i < c.length; i++) if (!isV(c[i]) && isV(c[i - 1])) return c.slice(i + 1);
    return [];
  }
  function rvOf(c) {
    var i, n = c.length;
    if (n < 2) return '';
    if (!isV(c[1])) {
      for (i = 2; i < n; i++) if (isV(c[i])) return c.slice(i + 1).join('');
    } else if (V.indexOf(c[0] + c[1]) >= 0) { // Whoosh quirk: `word[:2] in vowels` is a substring test
      for (i = 2; i < n; i++) if (!isV(c[i])) return c.slice(i + 1).join('');
    } else {
      return c.slice(3).join('');
    }
    return '';
  }

  (self.WaymarkStemmers = self.WaymarkStemmers || {}).pt = function (word) {
    // Nasal vowels become "a~"/"o~"; the "~" then counts as a consonant.
    var w = word.toLowerCase().replace(/\u00e3/g, 'a~').replace(/\u00f5/g, 'o~');
    var c = Array.from(w), r1a = r1of(c);
    var r1 = r1a.join(''), r2 = r1of(r1a).join(''), rv = rvOf(c);
    var s1 = false, s2 = false, i, suf, n;

    for (i = 0; i < S1.length; i++) {
      suf = S1[i]; n = suf.length;
      if (!w.endsWith(suf)) continue;
      if (suf === 'amente' && r1.endsWith(suf)) {
        s1 = true;
        w = cut(w, 6); r2 = cut(r2, 6); rv = cut(rv, 6);
        if (r2.endsWith('iv')) {
          w = cut(w, 2); r2 = cut(r2, 2); rv = cut(rv, 2);
          if (r2.endsWith('at')) { w = cut(w, 2); rv = cut(rv, 2); }
        } else if (ends(r2, ['os', 'ic', 'ad'])) {
          w = cut(w, 2); rv = cut(rv, 2);
        }
      } else if ((suf === 'ira' || suf === 'iras') && rv.endsWith(suf) &&
                 w.slice(-n - 1, -n) === 'e') {
        s1 = true;
        w = cut(w, n) + 'ir'; rv = cut(rv, n) + 'ir';
      } else if (r2.endsWith(suf)) {
        s1 = true;
        if (suf === 'log\u00eda' || suf === 'log\u00edas') {
          w = cut(w, 2); rv = cut(rv, 2); // Whoosh drops 2 chars, not "-ia(s)" as Snowball does
        } else if (suf === 'uci\u00f3n' || suf === 'uciones') {
          w = cut(w, n) + 'u'; rv = cut(rv, n) + 'u';
        } else if (suf === '\u00eancia' || suf === '\u00eancias') {
          w = cut(w, n) + 'ente'; rv = cut(rv, n) + 'ente';
        } else if (suf === 'mente') {
          w = cut(w, 5); r2 = cut(r2, 5); rv = cut(rv, 5);
          if (ends(r2, ['ante', 'avel', '\u00edvel'])) { w = cut(w, 4); rv = cut(rv, 4); }
        } else if (suf === 'idade' || suf === 'idades') {
          w = cut(w, n); r2 = cut(r2, n); rv = cut(rv, n);
          if (ends(r2, ['ic', 'iv'])) { w = cut(w, 2); rv = cut(rv, 2); }
          else if (r2.endsWith('abil')) { w = cut(w, 4); rv = cut(rv, 4); }
        } else if (suf === 'iva' || suf === 'ivo' || suf === 'ivas' || suf === 'ivos') {
          w = cut(w, n); r2 = cut(r2, n); rv = cut(rv, n);
          if (r2.endsWith('at')) { w = cut(w, 2); rv = cut(rv, 2); }
        } else {
          w = cut(w, n); rv = cut(rv, n);
        }
      }
      break; // even when no region test passed, as in Whoosh
    }

    if (!s1) {
      for (i = 0; i < S2.length; i++) {
        if (rv.endsWith(S2[i])) { s2 = true; w = cut(w, S2[i].length); rv = cut(rv, S2[i].length); break; }
      }
    }

    if (s1 || s2) {
      if (rv.endsWith('i') && w[w.length - 2] === 'c') { w = cut(w, 1); rv = cut(rv, 1); }
    } else {
      for (i = 0; i < S4.length; i++) {
        if (rv.endsWith(S4[i])) { w = cut(w, S4[i].length); rv = cut(rv, S4[i].length); break; }
      }
    }

    if (ends(rv, ['e', '\u00e9', '\u00ea'])) {
      w = cut(w, 1); rv = cut(rv, 1);
      if ((w.endsWith('gu') && rv.endsWith('u')) || (w.endsWith('ci') && rv.endsWith('i'))) w = cut(w, 1);
    } else if (w.endsWith('\u00e7')) {
      w = cut(w, 1) + 'c';
    }

    return w.replace(/a~/g, '\u00e3').replace(/o~/g, '\u00f5');
  };
})();
