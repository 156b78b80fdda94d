/* French stemmer: an exact port of whoosh.lang.snowball.french.FrenchStemmer
 * (whoosh-reloaded 2.7.5), quirks included, so that browser-side query stems
 * match the stems in the index built by Whoosh. Do not "fix" it towards the
 * reference Snowball algorithm: any divergence from Whoosh breaks matching. */
(function () {
  'use strict';

  var V = 'aeiouy\u00e2\u00e0\u00eb\u00e9\u00ea\u00e8\u00ef\u00ee\u00f4\u00fb\u00f9';
  var S1 = ['issements', 'issement', 'atrices', 'atrice', 'ateurs', 'ations',
    'logies', 'usions', 'utions', 'ements', 'amment', 'emment', 'ances',
    'iqUes', 'ismes', 'ables', 'istes', 'ateur', 'ation', 'logie', 'usion',
    'ution', 'ences', 'ement', 'euses', 'ments', 'ance', 'iqUe', 'isme', 'able',
    'iste', 'ence', 'it\u00e9s', 'ives', 'eaux', 'euse', 'ment', 'eux',
    'it\u00e9', 'ive', 'ifs', 'aux', 'if'];
  var S2A = ['issaIent', 'issantes', 'iraIent', 'issante', 'issants', 'issions',
    'irions', 'issais', 'issait', 'issant', 'issent', 'issiez', 'issons',
    'irais', 'irait', 'irent', 'iriez', 'irons', 'iront', 'isses', 'issez',
    '\u00eemes', '\u00eetes', 'irai', 'iras', 'irez', 'isse', 'ies', 'ira',
    '\u00eet', 'ie', 'ir', 'is', 'it', 'i'];
  var S2B = ['eraIent', 'assions', 'erions', 'assent', 'assiez', '\u00e8rent',
    'erais', 'erait', 'eriez', 'erons', 'eront', 'aIent', 'antes', 'asses',
    'ions', 'erai', 'eras', 'erez', '\u00e2mes', '\u00e2tes', 'ante', 'ants',
    'asse', '\u00e9es', 'era', 'iez', 'ais', 'ait', 'ant', '\u00e9e', '\u00e9s',
    'er', 'ez', '\u00e2t', 'ai', 'as', '\u00e9', 'a'];
  var S4 = ['i\u00e8re', 'I\u00e8re', 'ion', 'ier', 'Ier', 'e', '\u00eb'];
  var R2_DEL = ['ance', 'iqUe', 'isme', 'able', 'iste', 'eux',
    'ances', 'iqUes', 'ismes', 'ables', 'istes'];
  var ATION = ['atrice', 'ateur', 'ation', 'atrices', 'ateurs', 'ations'];

  function isV(c) { return c !== undefined && V.indexOf(c) >= 0; }
  // Python-style s[i]: a negative index counts from the end.
  function at(s, i) { return s[i < 0 ? s.length + i : i]; }
  // Python's `sub in s` is a substring test; Whoosh uses it (not endswith)
  // for region checks, often against regions left stale by earlier edits.
  function has(s, sub) { return s.indexOf(sub) >= 0; }
  function cut(s, n) { return s.slice(0, s.length - n); }

  // Regions are suffixes of the word. Surrogate halves are never vowels, so
  // UTF-16 indexing matches Python's code points (r1/r2 may at worst start
  // with a stray low surrogate, which no suffix test can see).
  function r1r2(w) {
    var r1 = '', r2 = '', i;
    for (i = 1; i < w.length; i++) {
      if (!isV(w[i]) && isV(w[i - 1])) { r1 = w.slice(i + 1); break; }
    }
    for (i = 1; i < r1.length; i++) {
      if (!isV(r1[i]) && isV(r1[i - 1])) { r2 = r1.slice(i + 1); break; }
    }
    return [r1, r2];
  }

  function rvFrench(w) {
    if (w.length < 2) return '';
    // Python slices off three code points: an astral third one is two units.
    if (/^(par|col|tap)/.test(w) || (isV(w[0]) && isV(w[1]))) {
      return w.slice(/^[\ud800-\udbff][\udc00-\udfff]/.test(w.slice(2, 4)) ? 4 : 3);
    }
    for (var i = 1; i < w.length; i++) if (isV(w[i])) return w.slice(i + 1);
    return '';
  }

  function icToIqu(w, r2) { return w.slice(-2) === 'ic' ? (has(r2, 'ic') ? cut(w, 2) : cut(w, 2) + 'iqU') : w; }

  function stem(word) {
    var w, a, i, j, suf, n, regions, r1, r2, rv;
    var s1 = false, rvEnd = false, s2a = false, s2b = false;

    // Uppercase marks a letter as non-vowel; edits are sequential, so a
    // letter marked earlier in the pass is already a consonant for the next.
    a = word.toLowerCase().split('');
    for (i = 1; i < a.length; i++) if (a[i - 1] === 'q' && a[i] === 'u') a[i] = 'U';
    for (i = 1; i < a.length - 1; i++) {
      if (isV(a[i - 1]) && isV(a[i + 1])) {
        if (a[i] === 'u') a[i] = 'U'; else if (a[i] === 'i') a[i] = 'I';
      }
      if ((isV(a[i - 1]) || isV(a[i + 1])) && a[i] === 'y') a[i] = 'Y';
    }
    w = a.join('');
    regions = r1r2(w); r1 = regions[0]; r2 = regions[1];
    rv = rvFrench(w);

    // Step 1: standard suffixes; the first suffix the word ends with decides.
    for (j = 0; j < S1.length; j++) {
      suf = S1[j]; n = suf.length;
      if (!w.endsWith(suf)) continue;
      if (suf === 'eaux') {
        w = cut(w, 1); s1 = true;
      } else if (suf === 'euse' || suf === 'euses') {
        if (has(r2, suf)) { w = cut(w, n); s1 = true; }
        else if (has(r1, suf)) { w = cut(w, n) + 'eux'; s1 = true; }
      } else if ((suf === 'ement' || suf === 'ements') && has(rv, suf)) {
        w = cut(w, n); s1 = true;
        if (w.slice(-2) === 'iv' && has(r2, 'iv')) {
          w = cut(w, 2);
          if (w.slice(-2) === 'at' && has(r2, 'at')) w = cut(w, 2);
        } else if (w.slice(-3) === 'eus') {
          if (has(r2, 'eus')) w = cut(w, 3);
          else if (has(r1, 'eus')) w = cut(w, 1) + 'x';
        } else if (w.slice(-3) === 'abl' || w.slice(-3) === 'iqU') {
          if (has(r2, 'abl') || has(r2, 'iqU')) w = cut(w, 3);
        } else if (w.slice(-3) === 'i\u00e8r' || w.slice(-3) === 'I\u00e8r') {
          if (has(rv, 'i\u00e8r') || has(rv, 'I\u00e8r')) w = cut(w, 3) + 'i';
        }
      } else if (suf === 'amment' && has(rv, suf)) {
        w = cut(w, 6) + 'ant'; rv = cut(rv, 6) + 'ant'; rvEnd = true;
      } else if (suf === 'emment' && has(rv, suf)) {
        w = cut(w, 6) + 'ent'; rvEnd = true; // Whoosh leaves rv unchanged here
      } else if ((suf === 'ment' || suf === 'ments') && has(rv, suf) &&
          rv.indexOf(suf) !== 0 && isV(at(rv, rv.lastIndexOf(suf) - 1))) {
        w = cut(w, n); rv = cut(rv, n); rvEnd = true;
      } else if (suf === 'aux' && has(r1, suf)) {
        w = cut(w, 2) + 'l'; s1 = true;
      } else if ((suf === 'issement' || suf === 'issements') && has(r1, suf) &&
          !isV(at(w, -n - 1))) {
        w = cut(w, n); s1 = true;
      } else if (R2_DEL.indexOf(suf) >= 0 && has(r2, suf)) {
        w = cut(w, n); s1 = true;
      } else if (ATION.indexOf(suf) >= 0 && has(r2, suf)) {
        w = icToIqu(cut(w, n), r2); s1 = true;
      } else if ((suf === 'logie' || suf === 'logies') && has(r2, suf)) {
        w = cut(w, n) + 'log'; s1 = true;
      } else if (/^u[st]ions?$/.test(suf) && has(r2, suf)) {
        w = cut(w, n) + 'u'; s1 = true;
      } else if ((suf === 'ence' || suf === 'ences') && has(r2, suf)) {
        w = cut(w, n) + 'ent'; s1 = true;
      } else if ((suf === 'it\u00e9' || suf === 'it\u00e9s') && has(r2, suf)) {
        w = cut(w, n); s1 = true;
        if (w.slice(-4) === 'abil') w = has(r2, 'abil') ? cut(w, 4) : cut(w, 2) + 'l';
        else if (w.slice(-2) === 'ic') w = icToIqu(w, r2);
        else if (w.slice(-2) === 'iv' && has(r2, 'iv')) w = cut(w, 2);
      } else if ((suf === 'if' || suf === 'ive' || suf === 'ifs' || suf === 'ives') && has(r2, suf)) {
        w = cut(w, n); s1 = true;
        if (w.slice(-2) === 'at' && has(r2, 'at')) w = icToIqu(cut(w, 2), r2);
      }
      break;
    }

    if (!s1 || rvEnd) {
      // Step 2a: verb endings in i; matched on the word, checked against rv.
      for (j = 0; j < S2A.length; j++) {
        suf = S2A[j];
        if (!w.endsWith(suf)) continue;
        if (has(rv, suf) && rv.length > suf.length &&
            !isV(at(rv, rv.lastIndexOf(suf) - 1))) {
          w = cut(w, suf.length); s2a = true;
        }
        break;
      }
      // Step 2b: other verb endings; matched on rv, removed from the word.
      if (!s2a) {
        for (j = 0; j < S2B.length; j++) {
          suf = S2B[j]; n = suf.length;
          if (!rv.endsWith(suf)) continue;
          if (suf === 'ions') {
            if (has(r2, suf)) { w = cut(w, 4); s2b = true; }
          } else if (suf[0] === 'a' || suf[0] === '\u00e2') {
            // the a-endings also drop a preceding e that lies in rv
            w = cut(w, n); rv = cut(rv, n); s2b = true;
            if (rv.endsWith('e')) w = cut(w, 1);
          } else {
            w = cut(w, n); s2b = true;
          }
          break;
        }
      }
    }

    if (s1 || s2a || s2b) {
      // Step 3
      if (at(w, -1) === 'Y') w = cut(w, 1) + 'i';
      else if (at(w, -1) === '\u00e7') w = cut(w, 1) + 'c';
    } else {
      // Step 4: residual suffixes; a suffix outside rv lets later ones try.
      if (w.length >= 2 && at(w, -1) === 's' && 'aiou\u00e8s'.indexOf(at(w, -2)) < 0) w = cut(w, 1);
      for (j = 0; j < S4.length; j++) {
        suf = S4[j];
        if (!w.endsWith(suf) || !has(rv, suf)) continue;
        if (suf === 'ion') {
          if (has(r2, suf) && 'st'.indexOf(at(rv, -4)) >= 0) w = cut(w, 3);
        } else if (suf === 'e') {
          w = cut(w, 1);
        } else if (suf === '\u00eb') {
          if (w.slice(-3, -1) === 'gu') w = cut(w, 1);
        } else {
          w = cut(w, suf.length) + 'i';
        }
        break;
      }
    }

    // Step 5: undouble
    if (/(enn|onn|ett|ell|eill)$/.test(w)) w = cut(w, 1);

    // Step 6: unaccent the last vowel unless it ends the word (first char exempt)
    for (i = 1; i < w.length; i++) {
      if (isV(at(w, -i))) {
        if (i !== 1 && (at(w, -i) === '\u00e9' || at(w, -i) === '\u00e8')) {
          w = cut(w, i) + 'e' + w.slice(w.length - i + 1);
        }
        break;
      }
    }

    return w.replace(/I/g, 'i').replace(/U/g, 'u').replace(/Y/g, 'y');
  }

  (self.WaymarkStemmers = self.WaymarkStemmers || {}).fr = function (word) {
    return stem(word);
  };
})();
