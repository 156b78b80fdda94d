/* Ukrainian light stemmer: the same steps as search/ukrainian.py (see there
 * for why these endings and no others), so a query word stems exactly as the
 * index's words did. A test compares the two on every word of the Ukrainian
 * index and on a word list. */
(function () {
  'use strict';

  var VOWELS = new Set(Array.from('аеєиіїоуюя'));
  var MIN_STEM = 3;
  var REFLEXIVE = ['ся', 'сь'];
  var ENDINGS = new Set((
    'а я о е є у ю і ї и ' +
    'ам ям ах ях ом ем єм ою ею єю ів їв ей ій ий ої ім им их іх ові еві єві ' +
    'ами ями има іми ими ого ього ому ьому ая ую юю єє ее іє ' +
    'ать ять ить іть уть ють еш єш иш іш ємо емо имо імо ете єте ите іте').split(' '));
  var LONGEST = 4;
  var FLEETING = [['ець', 'ц'], ['ец', 'ц'], ['ок', 'к']];

  function valid(chars) {
    return chars.length >= MIN_STEM && chars.some(function (ch) { return VOWELS.has(ch); });
  }

  function endsWith(chars, ending) {
    return chars.slice(chars.length - ending.length).join('') === ending;
  }

  function stem(word) {
    var chars = Array.from(word.replace(/ґ/g, 'г'));
    if (chars.length <= MIN_STEM) return chars.join('');
    for (var r = 0; r < REFLEXIVE.length; r++) {
      if (endsWith(chars, REFLEXIVE[r]) && valid(chars.slice(0, -2))) {
        chars = chars.slice(0, -2);
        if (endsWith(chars, 'ти') && valid(chars.slice(0, -2))) chars = chars.slice(0, -2);
        break;
      }
    }
    for (var size = Math.min(LONGEST, chars.length - MIN_STEM); size > 0; size--) {
      if (ENDINGS.has(chars.slice(chars.length - size).join('')) && valid(chars.slice(0, -size))) {
        chars = chars.slice(0, -size);
        break;
      }
    }
    if (chars[chars.length - 1] === 'ь' && valid(chars.slice(0, -1))) chars = chars.slice(0, -1);
    for (var f = 0; f < FLEETING.length; f++) {
      var end = Array.from(FLEETING[f][0]);
      var shorter = chars.slice(0, chars.length - end.length).concat([FLEETING[f][1]]);
      if (endsWith(chars, FLEETING[f][0]) && valid(shorter)) return shorter.join('');
    }
    var last = chars[chars.length - 1];
    if (chars.length > MIN_STEM && last === chars[chars.length - 2] && /\p{L}/u.test(last) &&
        !VOWELS.has(last)) {  // a doubled consonant, not the 0 of 2000
      chars = chars.slice(0, -1);
    }
    return chars.join('');
  }

  (self.WaymarkStemmers = self.WaymarkStemmers || {}).uk = stem;
}());
