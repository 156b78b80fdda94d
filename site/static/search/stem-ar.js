// Arabic stemmer: an exact port of whoosh.lang.isri.ISRIStemmer().stem
// (whoosh-reloaded 2.7.5, itself NLTK's ISRI) as search/analysis.py uses it,
// quirks included but the one it mends (pre32), so that query
// words stem exactly as they did when the search index was built.
// Code strings are \u-escaped so they survive whatever charset the file is served in.
(function () {
  'use strict';
  const A = '\u0627', T = '\u062a', TM = '\u0629', M = '\u0645', N = '\u0646',
    W = '\u0648', Y = '\u064a', S = '\u0633', YH = '\u0626';
  const HARAKAT = /[\u064b-\u0652]/;
  const list = (s) => s.split(' ');

  const P3 = list('\u0643\u0627\u0644 \u0628\u0627\u0644 \u0648\u0644\u0644 \u0648\u0627\u0644');
  const P2 = list('\u0627\u0644 \u0644\u0644');
  const P1 = '\u0644\u0628\u0641\u0633\u0648\u064a\u062a\u0646\u0627';
  const S3 = list('\u062a\u0645\u0644 \u0647\u0645\u0644 \u062a\u0627\u0646 \u062a\u064a\u0646 \u0643\u0645\u0644');
  const S2 = list('\u0648\u0646 \u0627\u062a \u0627\u0646 \u064a\u0646 \u062a\u0646 \u0643\u0645 \u0647\u0646 \u0646\u0627 ' +
    '\u064a\u0627 \u0647\u0627 \u062a\u0645 \u0643\u0646 \u0646\u064a \u0648\u0627 \u0645\u0627 \u0647\u0645');
  const S1 = '\u0629\u0647\u064a\u0643\u062a\u0627\u0646';
  const STOP = new Set(list(
    '\u064a\u0643\u0648\u0646 \u0648\u0644\u064a\u0633 \u0648\u0643\u0627\u0646 \u0643\u0630\u0644\u0643 ' +
    '\u0627\u0644\u062a\u064a \u0648\u0628\u064a\u0646 \u0639\u0644\u064a\u0647\u0627 \u0645\u0633\u0627\u0621 ' +
    '\u0627\u0644\u0630\u064a \u0648\u0643\u0627\u0646\u062a \u0648\u0644\u0643\u0646 \u0648\u0627\u0644\u062a\u064a ' +
    '\u062a\u0643\u0648\u0646 \u0627\u0644\u064a\u0648\u0645 \u0627\u0644\u0644\u0630\u064a\u0646 \u0639\u0644\u064a\u0647 ' +
    '\u0643\u0627\u0646\u062a \u0644\u0630\u0644\u0643 \u0623\u0645\u0627\u0645 \u0647\u0646\u0627\u0643 ' +
    '\u0645\u0646\u0647\u0627 \u0645\u0627\u0632\u0627\u0644 \u0644\u0627\u0632\u0627\u0644 \u0644\u0627\u064a\u0632\u0627\u0644 ' +
    '\u0645\u0627\u064a\u0632\u0627\u0644 \u0627\u0635\u0628\u062d \u0623\u0635\u0628\u062d \u0623\u0645\u0633\u0649 ' +
    '\u0627\u0645\u0633\u0649 \u0623\u0636\u062d\u0649 \u0627\u0636\u062d\u0649 \u0645\u0627\u0628\u0631\u062d ' +
    '\u0645\u0627\u0641\u062a\u0626 \u0645\u0627\u0627\u0646\u0641\u0643 \u0644\u0627\u0633\u064a\u0645\u0627 ' +
    '\u0648\u0644\u0627\u064a\u0632\u0627\u0644 \u0627\u0644\u062d\u0627\u0644\u064a \u0627\u0644\u064a\u0647\u0627 ' +
    '\u0627\u0644\u0630\u064a\u0646 \u0641\u0627\u0646\u0647 \u0648\u0627\u0644\u0630\u064a \u0648\u0647\u0630\u0627 ' +
    '\u0644\u0647\u0630\u0627 \u0641\u0643\u0627\u0646 \u0633\u062a\u0643\u0648\u0646 \u0627\u0644\u064a\u0647 ' +
    '\u064a\u0645\u0643\u0646 \u0628\u0647\u0630\u0627 \u0627\u0644\u0630\u0649'));

  // The word being stemmed, as an array of code points: Python's len() and
  // s[i] count code points, not UTF-16 units (matters for emoji and the like).
  let s;
  const is = (i, chars) => chars.includes(s[i]);
  const keep = (...at) => { s = at.map((i) => s[i]); };
  const begins = (p) => s.slice(0, p.length).join('') === p;
  const ends = (p) => s.slice(-p.length).join('') === p;

  function pre32() {
    // Five letters lose ال or لل, as in NLTK's ISRI: Whoosh's copy lost that
    // step, and search/analysis.py (_arabic) puts it back before stemming.
    if (s.length === 5) {
      for (const q of P2) if (begins(q)) { s = s.slice(2); return; }
    }
    if (s.length < 6) return;
    for (const p of P3) {
      if (begins(p)) { s = s.slice(3); return; }
      // Quirk kept: Python checks the two-letter prefixes inside this loop, so
      // they beat all three-letter ones but the first, and need six letters.
      for (const q of P2) if (begins(q)) { s = s.slice(2); return; }
    }
  }

  function suf32() {  // same shape, and the same quirk, as pre32
    if (s.length < 6) return;
    for (const p of S3) {
      if (ends(p)) { s = s.slice(0, -3); return; }
      for (const q of S2) if (ends(q)) { s = s.slice(0, -2); return; }
    }
  }

  function suf1() { if (S1.includes(s[s.length - 1])) s = s.slice(0, -1); }
  function pre1() { if (P1.includes(s[0])) s = s.slice(1); }

  function proW4() {
    if (is(0, M)) s = s.slice(1);                        // مفعل
    else if (is(1, A)) keep(0, 2, 3);                    // فاعل
    else if (is(2, A + W + Y)) keep(0, 1, 3);            // فعال فعول فعيل
    else if (is(3, TM)) s = s.slice(0, 3);               // فعلة
    else { suf1(); if (s.length === 4) pre1(); }
  }

  function proW53() {
    if (is(2, A + T) && is(0, A)) keep(1, 3, 4);         // افتعل افاعل
    else if (is(3, A + Y + W) && is(0, M)) keep(1, 2, 4); // مفعول مفعال مفعيل
    else if (is(0, A + T + M) && is(4, TM)) keep(1, 2, 3); // مفعلة تفعلة افعلة
    else if (is(0, M + Y + T) && is(2, T)) keep(1, 3, 4); // مفتعل يفتعل تفتعل
    else if (is(0, M + T) && is(2, A)) keep(1, 3, 4);    // مفاعل تفاعل
    else if (is(2, A + W) && is(4, TM)) keep(0, 1, 3);   // فعولة فعالة
    else if (is(0, A + M) && is(1, N)) keep(2, 3, 4);    // انفعل منفعل
    else if (is(3, A) && is(0, A)) keep(1, 2, 4);        // افعال
    else if (is(4, N) && is(3, A)) keep(0, 1, 2);        // فعلان
    else if (is(3, Y) && is(0, T)) keep(1, 2, 4);        // تفعيل
    else if (is(3, W) && is(1, A)) keep(0, 2, 4);        // فاعول
    else if (is(2, A) && is(1, W)) keep(0, 3, 4);        // فواعل
    else if (is(3, YH) && is(2, A)) keep(0, 1, 4);       // فعائل
    else if (is(4, TM) && is(1, A)) keep(0, 2, 3);       // فاعلة
    else if (is(4, Y) && is(2, A)) keep(0, 1, 3);        // فعالي
    else { suf1(); if (s.length === 5) pre1(); }
  }

  function proW54() {
    if (is(0, A + T + M)) s = s.slice(1);                // تفعلل افعلل مفعلل
    else if (is(4, TM)) s = s.slice(0, 4);               // فعللة (unreachable: suf1 took any ة)
    else if (is(2, A)) keep(0, 1, 3, 4);                 // فعالل
  }

  function endW5() {
    if (s.length === 4) proW4();
    else if (s.length === 5) proW54();
  }

  function proW6() {
    if (begins(A + S + T) || begins(M + S + T)) s = s.slice(3); // استفعل مستفعل
    else if (is(0, M) && is(3, A) && is(5, TM)) keep(1, 2, 4);  // مفعالة
    else if (is(0, A) && is(2, T) && is(4, A)) keep(1, 3, 5);   // افتعال
    else if (is(0, A) && is(3, W) && s[2] === s[4]) keep(1, 4, 5); // افعوعل
    else if (is(0, T) && is(2, A) && is(4, Y)) keep(1, 3, 5);   // تفاعيل
    else { suf1(); if (s.length === 6) pre1(); }
  }

  function proW64() {
    // Quirk kept: Python's `(s[0] and s[4]) == 'ا'` only ever tests s[4].
    if (is(4, A)) keep(1, 2, 3, 5);                      // افعلال
    else if (begins(M + T)) s = s.slice(2);              // متفعلل
  }

  function endW6() {
    if (s.length === 5) { proW53(); endW5(); }
    else if (s.length === 6) proW64();
  }

  (self.WaymarkStemmers = self.WaymarkStemmers || {}).ar = function (word) {
    // Split before dropping harakat (Python's norm(1)), so lone surrogates
    // that end up side by side stay two code points, as in Python.
    s = Array.from(word).filter((c) => !HARAKAT.test(c));
    const w = s.join('');
    if (STOP.has(w)) return w;  // before the initial-hamza fold, as in Python
    pre32();
    suf32();
    if (s.length >= 4 && s[0] === W && s[1] === W) s = s.slice(1);  // connective waw
    if (s.length && is(0, '\u0622\u0623\u0625')) s[0] = A;  // only initial hamza, as Python
    if (s.length === 4) proW4();
    else if (s.length === 5) { proW53(); endW5(); }
    else if (s.length === 6) { proW6(); endW6(); }
    else if (s.length === 7) {
      suf1();
      if (s.length === 7) pre1();
      if (s.length === 6) { proW6(); endW6(); }
    }
    return s.join('');  // up to 3 letters, 8 or more, or 7 that lost none: as they are
  };
}());
