/* Spanish stemmer: an exact port of Whoosh 2.7.5's
   whoosh.lang.snowball.spanish.SpanishStemmer().stem, quirks included, so that
   query words stem exactly as the Whoosh-built index did. It deliberately
   differs from the reference Snowball algorithm; do not "fix" it. */
(function () {
  'use strict';

  // The source stays ASCII (safe whatever charset the script is served with):
  // an uppercase vowel in the literals below stands for the acute-accented one.
  const ACUTE = { A: '\u00e1', E: '\u00e9', I: '\u00ed', O: '\u00f3', U: '\u00fa' };
  const PLAIN = { '\u00e1': 'a', '\u00e9': 'e', '\u00ed': 'i', '\u00f3': 'o', '\u00fa': 'u' };
  const dec = (s) => s.replace(/[AEIOU]/g, (c) => ACUTE[c]);
  const list = (s) => dec(s).split(' ');

  // Order matters: Whoosh tests word[:2] as a substring of this string.
  const VOWELS = dec('aeiouAEIOU') + '\u00fc';
  // Each list is scanned in Whoosh's order and the first match wins.
  const STEP0 = list('selas selos sela selo las les los nos me se la le lo');
  const STEP1 = list('amientos imientos amiento imiento aciones uciones adoras adores ' +
    'ancias logIas encias amente idades anzas ismos ables ibles istas adora aciOn ' +
    'antes ancia logIa uciOn encia mente anza icos icas ismo able ible ista osos ' +
    'osas ador ante idad ivas ivos ico ica oso osa iva ivo');
  const STEP2A = list('yeron yendo yamos yais yan yen yas yes ya ye yo yO');
  const STEP2B = list('arIamos erIamos irIamos iEramos iEsemos arIais aremos erIais ' +
    'eremos irIais iremos ierais ieseis asteis isteis Abamos Aramos Asemos arIan ' +
    'arIas arEis erIan erIas erEis irIan irIas irEis ieran iesen ieron iendo ieras ' +
    'ieses abais arais aseis Eamos arAn arAs arIa erAn erAs erIa irAn irAs irIa ' +
    'iera iese aste iste aban aran asen aron ando abas adas idas aras ases Iais ' +
    'ados idos amos imos emos arA arE erA erE irA irE aba ada ida ara ase Ian ado ' +
    'ido Ias Ais Eis Ia ad ed id an iO ar er ir as Is en es');
  const STEP3 = list('os a e o A E I O');
  const ADOR = list('adora ador aciOn adoras adores aciones ante antes ancia ancias');
  const GU_2B = list('en es Eis emos');

  const isV = (c) => VOWELS.includes(c);
  const endsAny = (s, xs) => xs.some((x) => s.endsWith(x));
  // Python slices by code point; Array.from keeps astral characters whole.
  const cut = (s, n) => Array.from(s).slice(0, -n).join('');
  const unaccent = (s, re) => s.replace(re, (c) => PLAIN[c]);

  // R1/R2: what follows the first non-vowel that follows a vowel.
  function after(cs) {
    for (let i = 1; i < cs.length; i++) {
      if (!isV(cs[i]) && isV(cs[i - 1])) return cs.slice(i + 1);
    }
    return [];
  }

  function regionRV(cs) {
    if (cs.length < 2) return '';
    let start = cs.length;
    if (!isV(cs[1])) {
      for (let i = 2; i < cs.length; i++) if (isV(cs[i])) { start = i + 1; break; }
    } else if (VOWELS.includes(cs[0] + cs[1])) {
      // Only adjacent pairs of VOWELS ("ae", "io", ...) get here; "ai" does not.
      for (let i = 2; i < cs.length; i++) if (!isV(cs[i])) { start = i + 1; break; }
    } else {
      start = 3;
    }
    return cs.slice(start).join('');
  }

  function stem(word) {
    word = word.toLowerCase();
    const cs = Array.from(word);
    const c1 = after(cs);
    let r1 = c1.join('');
    let r2 = after(c1).join('');
    let rv = regionRV(cs);
    let step1 = false;
    // Whoosh trims word and rv together (r1/r2 only where it says so).
    const drop = (n) => { word = cut(word, n); rv = cut(rv, n); };
    const swap = (from, to) => { word = word.split(from).join(to); rv = rv.split(from).join(to); };

    // Step 0: attached pronoun. The first suffix the word ends with decides,
    // even when it is not inside RV.
    const s0 = STEP0.find((s) => word.endsWith(s));
    if (s0 && rv.endsWith(s0)) {
      const n = s0.length;
      const base = cut(rv, n);
      if (endsAny(base, list('iEndo Ando Ar Er Ir'))) {
        // Whoosh strips these accents everywhere in the strings, not just the ending.
        [word, r1, r2, rv] = [word, r1, r2, rv].map((s) => unaccent(cut(s, n), /[\u00e1\u00e9\u00ed]/g));
      } else if (endsAny(base, ['ando', 'iendo', 'ar', 'er', 'ir']) ||
                 (base.endsWith('yendo') && cut(word, n).endsWith('uyendo'))) {
        [word, r1, r2, rv] = [word, r1, r2, rv].map((s) => cut(s, n));
      }
    }

    // Step 1: standard suffixes; again the first suffix the word ends with decides.
    const s1 = STEP1.find((s) => word.endsWith(s));
    if (s1 === 'amente' && r1.endsWith(s1)) {
      step1 = true;
      drop(6);
      r2 = cut(r2, 6);
      if (r2.endsWith('iv')) {
        drop(2);
        r2 = cut(r2, 2);
        if (r2.endsWith('at')) drop(2);
      } else if (endsAny(r2, ['os', 'ic', 'ad'])) {
        drop(2);
      }
    } else if (s1 && r2.endsWith(s1)) {
      step1 = true;
      const n = s1.length;
      if (ADOR.includes(s1)) {
        drop(n);
        r2 = cut(r2, n);
        if (r2.endsWith('ic')) drop(2);
      } else if (s1.startsWith('log')) {
        swap(s1, 'log'); // str.replace: every occurrence, not just the ending
      } else if (s1.startsWith('uci')) {
        swap(s1, 'u');
      } else if (s1.startsWith('encia')) {
        swap(s1, 'ente');
      } else if (s1 === 'mente') {
        drop(5);
        r2 = cut(r2, 5);
        if (endsAny(r2, ['ante', 'able', 'ible'])) drop(4);
      } else if (s1.startsWith('idad')) {
        drop(n);
        r2 = cut(r2, n);
        for (const p of ['abil', 'ic', 'iv']) if (r2.endsWith(p)) drop(p.length);
      } else if (s1.startsWith('iv')) {
        drop(n);
        r2 = cut(r2, n);
        if (r2.endsWith('at')) drop(2);
      } else {
        drop(n);
      }
    }

    if (!step1) {
      // Step 2a: verb endings starting with "y" after a "u" (which may lie outside RV).
      const s2a = STEP2A.find((s) => rv.endsWith(s) &&
        Array.from(word).slice(-s.length - 1, -s.length).join('') === 'u');
      if (s2a) drop(s2a.length);
      // Step 2b runs even when 2a removed something (Snowball would not).
      const s2b = STEP2B.find((s) => rv.endsWith(s));
      if (s2b) {
        drop(s2b.length);
        if (GU_2B.includes(s2b)) {
          if (word.endsWith('gu')) word = cut(word, 1);
          if (rv.endsWith('gu')) rv = cut(rv, 1);
        }
      }
    }

    // Step 3: residual suffix.
    const s3 = STEP3.find((s) => rv.endsWith(s));
    if (s3 === 'e' || s3 === ACUTE.E) {
      drop(1);
      if (word.endsWith('gu') && rv.endsWith('u')) word = cut(word, 1);
    } else if (s3) {
      word = cut(word, s3.length);
    }

    return unaccent(word, /[\u00e1\u00e9\u00ed\u00f3\u00fa]/g);
  }

  (self.WaymarkStemmers = self.WaymarkStemmers || {}).es = function (word) {
    return stem(word);
  };
})();
